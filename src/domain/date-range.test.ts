import { describe, expect, it } from 'vitest';
import { DATE_RANGE_MESSAGES, isRequestableDay, rangeProblem } from './date-range.ts';

describe('the days a request may ask about', () => {
  it('are a year back and two years ahead of today', () => {
    expect(isRequestableDay('2025-11-23', '2026-11-24')).toBe(true);
    expect(isRequestableDay('2025-11-22', '2026-11-24')).toBe(false);
    expect(isRequestableDay('2028-11-24', '2026-11-24')).toBe(true);
    expect(isRequestableDay('2028-11-25', '2026-11-24')).toBe(false);
  });

  it('refuse far, reversed and long ranges with a message', () => {
    expect(rangeProblem('2026-12-01', '2026-12-31', '2026-11-24')).toBeNull();
    expect(rangeProblem('2199-12-01', '2199-12-31', '2026-11-24')).toBe(DATE_RANGE_MESSAGES.window);
    expect(rangeProblem('2026-12-31', '2026-12-01', '2026-11-24')).toBe(DATE_RANGE_MESSAGES.range);
    expect(rangeProblem('2026-12-01', '2027-03-01', '2026-11-24')).toBe(DATE_RANGE_MESSAGES.range);
  });
});
