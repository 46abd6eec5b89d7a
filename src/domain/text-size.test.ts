import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTextSize, TEXT_SIZE_LABELS, TEXT_SIZES } from './text-size.ts';

describe('parseTextSize', () => {
  it('accepts each known size', () => {
    for (const size of TEXT_SIZES) expect(parseTextSize(size)).toBe(size);
  });

  it('refuses anything else, whatever was stored', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        fc.pre(!(TEXT_SIZES as readonly unknown[]).includes(value));
        expect(parseTextSize(value)).toBeNull();
      }),
    );
  });

  it('has a Japanese label for every size', () => {
    expect(TEXT_SIZES.map((size) => TEXT_SIZE_LABELS[size])).toEqual(['標準', '大きい', '特大']);
  });
});
