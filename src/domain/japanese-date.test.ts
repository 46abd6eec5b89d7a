import { describe, expect, it } from 'vitest';
import { formatJapaneseDate } from './japanese-date.ts';

describe('formatJapaneseDate', () => {
  it('writes the date with its weekday', () => {
    expect(formatJapaneseDate('2026-11-24')).toBe('2026年11月24日（火）');
    expect(formatJapaneseDate('2027-01-03')).toBe('2027年1月3日（日）');
  });
});
