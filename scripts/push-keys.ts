/**
 * `npm run push:keys`: makes the server's VAPID key pair for Web Push (a P-256 key pair, through
 * web-push) and prints it as the environment lines to set, with a subject to fill in. Run once per
 * installation: phones subscribe to the public key, so a new pair makes every subscription already
 * given unusable (their pushes are refused, and the outbox marks them failed).
 */
import webPush from 'web-push';

const { publicKey, privateKey } = webPush.generateVAPIDKeys();
console.log(`VAPID_PUBLIC_KEY=${publicKey}`);
console.log(`VAPID_PRIVATE_KEY=${privateKey}`);
console.log('VAPID_SUBJECT=mailto:（市の連絡先のメールアドレス）');
console.error('VAPID_PRIVATE_KEY は秘密です。サーバーの環境変数にだけ置き、人に見せたり、リポジトリに入れたりしないでください。');
