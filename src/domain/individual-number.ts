/**
 * The portal never needs the 12-digit 個人番号 (My Number) and must never keep one. Anything a person
 * types — a name, a phone number, a note — is checked: a run of 12 digits (full-width or split by
 * spaces or hyphens too) whose last digit is the 個人番号 check digit is refused.
 */

/** The check digit of the first 11 digits, by the rule in the 個人番号 ordinance (総務省令 第85号). */
export function individualNumberCheckDigit(first11: string): number {
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const digit = Number(first11[11 - n]);
    const weight = n <= 6 ? n + 1 : n - 5;
    sum += digit * weight;
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

export function isIndividualNumber(digits: string): boolean {
  return /^\d{12}$/.test(digits) && individualNumberCheckDigit(digits.slice(0, 11)) === Number(digits[11]);
}

/** True when the text holds something that reads as a valid 個人番号. */
export function containsIndividualNumber(text: string): boolean {
  const normalized = text.normalize('NFKC').replace(/[\s\-‐‑–—ー－]/g, '');
  for (const run of normalized.match(/\d{12,}/g) ?? []) {
    for (let start = 0; start + 12 <= run.length; start++) {
      if (isIndividualNumber(run.slice(start, start + 12))) return true;
    }
  }
  return false;
}

export const INDIVIDUAL_NUMBER_MESSAGE =
  'マイナンバー（12けたの個人番号）は入力しないでください。このアプリでは個人番号を使いません。';
