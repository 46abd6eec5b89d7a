import { describe, expect, it } from 'vitest';
import { formatYen } from './money.ts';

describe('formatYen', () => {
  it('writes yen with commas', () => {
    expect(formatYen(12300)).toBe('12,300円');
    expect(formatYen(1234567)).toBe('1,234,567円');
    expect(formatYen(0)).toBe('0円');
  });
});
