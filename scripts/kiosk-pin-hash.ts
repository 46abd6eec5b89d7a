/**
 * `npm run kiosk:pin-hash`: asks for the staff PIN of キオスクモード (6 to 12 digits, not shown while
 * typed) and prints the value for the server's `KIOSK_PIN_HASH`. The PIN itself is stored nowhere.
 * Also reads the PIN from standard input when it is not a terminal: `printf 482916 | npm run -s kiosk:pin-hash`.
 */
import { KIOSK_PIN_MESSAGE, KIOSK_PIN_PATTERN } from '../src/domain/kiosk.ts';
import { readNewSecret } from '../src/server/read-secret.ts';
import { hashWithScrypt } from '../src/server/scrypt-hash.ts';

const pin = await readNewSecret('キオスクモードの暗証番号（6～12けたの数字）：', '1回目と2回目の暗証番号が違います。');
if (!KIOSK_PIN_PATTERN.test(pin)) {
  console.error(KIOSK_PIN_MESSAGE);
  process.exit(1);
}
console.log(await hashWithScrypt(pin));
