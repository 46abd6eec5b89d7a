/**
 * The portal never needs the 12-digit 個人番号 (My Number) and must never keep one. Anything a person
 * types — a name, a phone number, a note, a header a program sends — is checked: 12 digits whose last
 * is the 個人番号 check digit are refused, in any width and however they are split.
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

/**
 * What may stand between the groups of a number someone writes down: anything that is neither a
 * letter nor a digit (spaces, line breaks, dots, slashes, commas, underscores, ideographic and
 * full-width punctuation), plus the long-vowel mark and dashes typed as hyphens (ー is a letter to
 * Unicode). At most three in a row, so "1234 - 5678 - 9012" is one number and two numbers far apart
 * in a sentence are not.
 */
const SEPARATOR = /[^\p{L}\p{N}]|[ーｰ]/u;
const MAX_SEPARATOR_RUN = 3;

/** The digit groups of a text, as chains of groups that only separators keep apart. */
function digitChains(text: string): string[][] {
  const chains: string[][] = [];
  let chain: string[] = [];
  let group = '';
  let separators = 0;
  const endChain = () => {
    if (chain.length > 0) chains.push(chain);
    chain = [];
  };
  for (const character of text) {
    if (/\p{Nd}/u.test(character)) {
      if (group === '' && separators > MAX_SEPARATOR_RUN) endChain();
      group += digitValue(character);
      separators = 0;
    } else {
      if (group !== '') chain.push(group);
      group = '';
      if (SEPARATOR.test(character)) separators++;
      else endChain();
    }
  }
  if (group !== '') chain.push(group);
  endChain();
  return chains;
}

/**
 * '٣' → '3': a decimal digit of any script, as ASCII (NFKC has already turned full-width and
 * mathematical digits into ASCII). Unicode lays out each script's digits as a run from 0 to 9.
 */
function digitValue(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  let zero = code;
  while (code - zero < 60 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
  return String((code - zero) % 10);
}

/**
 * True when the text holds something that reads as a valid 個人番号: 12 digits in a row, or groups
 * split only by separators whose digits add up to exactly 12 ("1234.5678.9012", "1234/5678/9012").
 * Groups must add up to 12 exactly so that a date and time written in a note ("2026/12/1 10:00〜12:00",
 * 13 digits) is not mistaken for a number by chance.
 */
export function containsIndividualNumber(text: string): boolean {
  for (const chain of digitChains(text.normalize('NFKC').replace(/\r\n/g, '\n'))) {
    for (let first = 0; first < chain.length; first++) {
      const run = chain[first] ?? '';
      for (let start = 0; start + 12 <= run.length; start++) {
        if (isIndividualNumber(run.slice(start, start + 12))) return true;
      }
      let joined = '';
      for (let last = first; last < chain.length && joined.length < 12; last++) {
        joined += chain[last] ?? '';
        if (joined.length === 12 && isIndividualNumber(joined)) return true;
      }
    }
  }
  return false;
}

export const INDIVIDUAL_NUMBER_MESSAGE = 'マイナンバー（12けたの個人番号）は入力しないでください。このアプリでは個人番号を使いません。';
