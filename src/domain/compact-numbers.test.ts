import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeNumbers, decodeNumbersInto, encodeNumbers } from './compact-numbers.ts';

describe('compact numbers', () => {
  it('decode what they encode, for any non-negative safe integers', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.nat(40), fc.nat(), fc.maxSafeNat())), (numbers) => {
        expect(decodeNumbers(encodeNumbers(numbers))).toEqual(numbers);
      }),
    );
  });

  it('stay JSON-safe ASCII: nothing JSON would escape, so the string is its own serialised form', () => {
    fc.assert(
      fc.property(fc.array(fc.maxSafeNat()), (numbers) => {
        const text = encodeNumbers(numbers);
        expect(JSON.stringify(text)).toBe(`"${text}"`);
        expect(text).toMatch(/^[\x30-\x4f\x5d-\x7c]*$/);
      }),
    );
  });

  it('spend one character on a number below 32, two below 1024', () => {
    expect(encodeNumbers([0, 31, 32, 1023])).toHaveLength(1 + 1 + 2 + 2);
  });

  it('decode any run of whole numbers in place, as the numbers of that run', () => {
    fc.assert(
      fc.property(fc.array(fc.nat()), fc.array(fc.nat()), fc.array(fc.nat()), (before, run, after) => {
        const head = encodeNumbers(before);
        const middle = encodeNumbers(run);
        const into = new Int32Array(middle.length);
        const count = decodeNumbersInto(head + middle + encodeNumbers(after), head.length, head.length + middle.length, into);
        expect([...into.subarray(0, count)]).toEqual(run);
      }),
    );
  });

  it('refuse what they cannot represent', () => {
    expect(() => encodeNumbers([-1])).toThrow(RangeError);
    expect(() => encodeNumbers([1.5])).toThrow(RangeError);
  });
});
