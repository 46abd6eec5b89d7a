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

  it('leaves phone numbers, names and wrong check digits alone', () => {
    expect(containsIndividualNumber('0475-50-1210')).toBe(false);
    expect(containsIndividualNumber('090-1234-5678')).toBe(false);
    expect(containsIndividualNumber('トウガネ タロウ')).toBe(false);
    expect(containsIndividualNumber('123456789012')).toBe(false);
  });
});
