/**
 * `npm run kiosk:pin-hash`: asks for the staff PIN of キオスクモード (6 to 12 digits, not shown while
 * typed) and prints the value for the server's `KIOSK_PIN_HASH`. The PIN itself is stored nowhere.
 * Also reads the PIN from standard input when it is not a terminal: `printf 482916 | npm run -s kiosk:pin-hash`.
 */
import { KIOSK_PIN_MESSAGE, KIOSK_PIN_PATTERN } from '../src/domain/kiosk.ts';
import { hashKioskPin } from '../src/server/kiosk/kiosk-pin.ts';

async function readPin(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text.trim();
  }
  process.stdout.write(prompt);
  process.stdin.setRawMode(true);
  process.stdin.resume();
  return new Promise((resolve) => {
    let pin = '';
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          process.stdin.off('data', onData);
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdout.write('\n');
          resolve(pin);
          return;
        }
        if (char === '\u0003') process.exit(130);
        if (char === '\u007f') pin = pin.slice(0, -1);
        else pin += char;
      }
    };
    process.stdin.on('data', onData);
  });
}

const pin = await readPin('キオスクモードの暗証番号（6～12けたの数字）：');
if (!KIOSK_PIN_PATTERN.test(pin)) {
  console.error(KIOSK_PIN_MESSAGE);
  process.exit(1);
}
if (process.stdin.isTTY && (await readPin('もう一度入力してください：')) !== pin) {
  console.error('1回目と2回目の暗証番号が違います。');
  process.exit(1);
}
console.log(await hashKioskPin(pin));
