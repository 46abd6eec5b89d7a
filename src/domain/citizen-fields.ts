import { z } from 'zod';
import { containsIndividualNumber, INDIVIDUAL_NUMBER_MESSAGE } from './individual-number.ts';
import './validation.ts';

/**
 * Fields a citizen types into any booking (counter, facilities): the same schemas check the form in
 * the browser and the body on the server, with the same Japanese messages.
 * Every text field refuses a 12-digit 個人番号 first: the portal never needs it.
 */
export function citizenText() {
  return z.string().refine((value) => !containsIndividualNumber(value), INDIVIDUAL_NUMBER_MESSAGE);
}

/** Hiragana typed by the citizen becomes katakana, so the clerk's list reads one way. */
function toKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096]/g, (kana) => String.fromCharCode(kana.charCodeAt(0) + 0x60));
}

export const nameKanaSchema = citizenText()
  .transform((value) => toKatakana(value.normalize('NFKC').trim().replace(/\s+/g, ' ')))
  .pipe(
    z
      .string()
      .min(1, 'お名前をカタカナで入力してください（例：トウガネ タロウ）。')
      .max(40, 'お名前は40文字以内で入力してください。')
      .regex(/^[\u30a1-\u30fcー ]+$/, 'お名前はカタカナで入力してください（例：トウガネ タロウ）。'),
  );

/** What people put between the parts of a phone number, after NFKC: spaces, hyphens, dashes, 「ー」, brackets. */
const PHONE_SEPARATORS = /[\s\-()‐‑‒–—―−ー]+/;

function phoneGroups(typed: string): string[] {
  return typed
    .normalize('NFKC')
    .split(PHONE_SEPARATORS)
    .filter((group) => group !== '');
}

/**
 * How a number typed without separators is grouped: mobile and IP phones, free dial, Tokyo and
 * Osaka, and the area codes of Chiba prefecture (the city's own 0475 among them). Elsewhere the area
 * code's length is not guessed: the digits stay together.
 */
const PHONE_GROUPINGS: readonly [RegExp, readonly number[]][] = [
  [/^0[5789]0\d{8}$/, [3, 4, 4]],
  [/^0800\d{7}$/, [4, 3, 4]],
  [/^0(120|570)\d{6}$/, [4, 3, 3]],
  [/^04(36|38|39|70|75|76|78|79)\d{6}$/, [4, 2, 4]],
  [/^04[37]\d{7}$/, [3, 3, 4]],
  [/^0[346]\d{8}$/, [2, 4, 4]],
];

/** The one rule for a typed phone number: half-width digits, any separators dropped (0475123456). */
export const phoneSchema = citizenText()
  .transform((value) => phoneGroups(value).join(''))
  .pipe(z.string().regex(/^0\d{9,10}$/, '電話番号は数字で入力してください（例：0475-00-0000）。'));

/**
 * A phone number as it is shown back to the citizen: half-width digits and hyphens, in the groups
 * they typed (「０４７５ー１２ー３４５６」 → 0475-12-3456), or, typed in one piece, in the usual groups.
 */
export function formatPhoneNumber(typed: string): string {
  const groups = phoneGroups(typed);
  const digits = groups.join('');
  if (groups.length >= 3) return groups.join('-');
  const grouping = PHONE_GROUPINGS.find(([pattern]) => pattern.test(digits))?.[1];
  if (!grouping) return digits;
  let start = 0;
  return grouping
    .map((length) => {
      const part = digits.slice(start, start + length);
      start += length;
      return part;
    })
    .join('-');
}

export const emailSchema = citizenText()
  .transform((value) => value.normalize('NFKC').trim())
  .pipe(z.union([z.literal(''), z.email('メールアドレスの形が正しくありません（例：togane@example.jp）。').max(254, 'メールアドレスが長すぎます。')]));

/** 8 letters and digits without look-alikes (no 0/O, 1/I/L); hyphens and spaces are ignored. */
export const RESERVATION_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const reservationCodeSchema = citizenText()
  .transform((value) =>
    value
      .normalize('NFKC')
      .toUpperCase()
      .replace(/[\s\-ー－]/g, ''),
  )
  .pipe(z.string().regex(/^[2-9A-HJ-KMNP-Z]{8}$/, '予約番号は8文字の英数字です（例：ABCD-2345）。'));

export function formatReservationCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
