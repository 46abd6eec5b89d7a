/**
 * Non-negative integers packed into a JSON-safe ASCII string, five bits per character, most
 * significant first: a digit with more to come is one of `]`…`|`, a number's last digit one of
 * `0`…`O`. Neither range holds `"` or `\`, so JSON keeps the string as it is. The search index
 * ships its postings this way: a browser parses one string far faster than the array of numbers
 * it stands for (JSON.parse turns every number into a value; a string is copied), and the
 * numbers are decoded only for the tokens a query touches.
 */
const DIGIT_BITS = 5;
const BASE = 2 ** DIGIT_BITS;
const LAST_DIGIT = 0x30; // '0'
const MORE_DIGITS = 0x5d; // ']'

export function encodeNumbers(numbers: readonly number[]): string {
  let text = '';
  for (const number of numbers) {
    if (!Number.isSafeInteger(number) || number < 0) throw new RangeError(`not a non-negative integer: ${String(number)}`);
    let digits = String.fromCharCode(LAST_DIGIT + (number % BASE));
    for (let rest = Math.floor(number / BASE); rest > 0; rest = Math.floor(rest / BASE)) {
      digits = String.fromCharCode(MORE_DIGITS + (rest % BASE)) + digits;
    }
    text += digits;
  }
  return text;
}

export function decodeNumbers(text: string): number[] {
  const numbers: number[] = [];
  let value = 0;
  for (let at = 0; at < text.length; at += 1) {
    const code = text.charCodeAt(at);
    if (code >= MORE_DIGITS) {
      value = value * BASE + (code - MORE_DIGITS);
    } else {
      numbers.push(value * BASE + (code - LAST_DIGIT));
      value = 0;
    }
  }
  return numbers;
}

/**
 * Decodes the numbers of `text` from `from` to `to` (a run of whole numbers, each below 2³¹) into
 * `into`, which must have room for `to - from` numbers, and says how many there were. Nothing is
 * allocated: the search decodes a token's postings straight out of the one string they all share.
 */
export function decodeNumbersInto(text: string, from: number, to: number, into: Int32Array): number {
  let count = 0;
  let value = 0;
  for (let at = from; at < to; at += 1) {
    const code = text.charCodeAt(at);
    if (code >= MORE_DIGITS) {
      value = value * BASE + (code - MORE_DIGITS);
    } else {
      into[count] = value * BASE + (code - LAST_DIGIT);
      count += 1;
      value = 0;
    }
  }
  return count;
}
