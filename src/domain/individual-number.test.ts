import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsIndividualNumber, individualNumberCheckDigit, isIndividualNumber } from './individual-number.ts';

/** A valid number from 11 digits, for tests: no real person's number is used anywhere. */
function withCheckDigit(first11: string): string {
  return `${first11}${String(individualNumberCheckDigit(first11))}`;
}

describe('the 個人番号 check digit', () => {
  it('matches the worked example of the ordinance scheme', () => {
    // Worked by hand: 12345678901, weights 2–7 then 2–6 from the right, sum 212, 212 mod 11 = 3, 11 − 3 = 8.
    expect(individualNumberCheckDigit('12345678901')).toBe(8);
    expect(isIndividualNumber('123456789018')).toBe(true);
    expect(isIndividualNumber('123456789012')).toBe(false);
  });

  it('accepts exactly one check digit for any 11 digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), (first11) => {
        const valid = [...'0123456789'].filter((digit) => isIndividualNumber(first11 + digit));
        expect(valid).toEqual([String(individualNumberCheckDigit(first11))]);
      }),
    );
  });
});

describe('containsIndividualNumber', () => {
  it('finds a valid number however it is written', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), fc.constantFrom('', ' ', '-', '　'), (first11, separator) => {
        const number = withCheckDigit(first11);
        const grouped = [number.slice(0, 4), number.slice(4, 8), number.slice(8)].join(separator);
        expect(containsIndividualNumber(`番号は${grouped}です`)).toBe(true);
        const fullWidth = number.replace(/\d/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
        expect(containsIndividualNumber(fullWidth)).toBe(true);
      }),
    );
  });

  it('finds it split by any separators, in mixed widths, inside any text', () => {
    const separator = fc.constantFrom(
      ' ',
      '　',
      '-',
      'ー',
      '－',
      '‐',
      '―',
      '.',
      '．',
      '/',
      '／',
      ',',
      '，',
      '、',
      '。',
      '・',
      '_',
      '＿',
      '\n',
      '\r\n',
      '\t',
      ':',
      '(',
      ')',
    );
    const surroundings = fc.constantFrom('', '番号は', '使う目的：', 'Meeting ', '自治会の会議（', '\n');
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{11}$/),
        fc.uniqueArray(fc.integer({ min: 1, max: 11 }), { maxLength: 5 }),
        fc.array(fc.array(separator, { minLength: 1, maxLength: 3 }), { minLength: 5, maxLength: 5 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        surroundings,
        surroundings,
        (first11, cuts, separators, fullWidth, before, after) => {
          const number = withCheckDigit(first11);
          const digits = [...number].map((digit, index) => (fullWidth[index] ? String.fromCharCode(digit.charCodeAt(0) + 0xfee0) : digit));
          const positions = [0, ...[...cuts].sort((a, b) => a - b), 12];
          const groups = positions.slice(1).map((end, index) => digits.slice(positions[index], end).join(''));
          const written = groups.map((group, index) => (index === 0 ? group : `${(separators[index - 1] ?? []).join('')}${group}`)).join('');
          expect(containsIndividualNumber(`${before}${written}${after}`)).toBe(true);
        },
      ),
    );
  });

  it('finds the examples of the hardening issue, and digits of other scripts', () => {
    const number = withCheckDigit('12345678901');
    for (const separator of ['.', '/', ',', '_', '・', '\n']) {
      expect(containsIndividualNumber([number.slice(0, 4), number.slice(4, 8), number.slice(8)].join(separator))).toBe(true);
    }
    const arabicIndic = [...number].map((digit) => String.fromCharCode(0x660 + Number(digit))).join('');
    expect(containsIndividualNumber(arabicIndic)).toBe(true);
  });

  it('does not mistake dates, times and phone numbers in a note for a number', () => {
    expect(containsIndividualNumber('2026/12/1 10:00〜12:00 自治会の会議')).toBe(false);
    expect(containsIndividualNumber('12月1日 13:00-17:00、30人、連絡先 0475-50-1210')).toBe(false);
    expect(containsIndividualNumber('2026年12月1日と2026年12月8日')).toBe(false);
    // Far apart in a sentence, two numbers are two numbers.
    expect(containsIndividualNumber('会員番号 123456 の方と、番号 789012 の方')).toBe(false);
  });

  it('leaves phone numbers, names and wrong check digits alone', () => {
    expect(containsIndividualNumber('0475-50-1210')).toBe(false);
    expect(containsIndividualNumber('090-1234-5678')).toBe(false);
    expect(containsIndividualNumber('トウガネ タロウ')).toBe(false);
    expect(containsIndividualNumber('123456789012')).toBe(false);
  });
});
