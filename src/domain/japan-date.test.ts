import { describe, expect, it } from 'vitest';
import { formatFiscalYear, formatJapaneseDate, formatYen, todayInJapan } from './japan-date.ts';

describe('todayInJapan', () => {
  it('turns the date at midnight Japan time, whatever the device zone', () => {
    expect(todayInJapan(new Date('2026-04-30T14:59:59Z'))).toBe('2026-04-30');
    expect(todayInJapan(new Date('2026-04-30T15:00:00Z'))).toBe('2026-05-01');
    expect(todayInJapan(new Date('2026-12-31T20:00:00-08:00'))).toBe('2027-01-01');
  });
});

describe('formatting', () => {
  it('writes dates with the weekday, years with the era once, and yen with commas', () => {
    expect(formatJapaneseDate('2026-04-30')).toBe('2026年4月30日（木）');
    expect(formatJapaneseDate('2026-12-01')).toBe('2026年12月1日（火）');
    expect(formatFiscalYear(2026)).toBe('令和8年度（2026年度）');
    expect(formatYen(12300)).toBe('12,300円');
    expect(formatYen(1234567)).toBe('1,234,567円');
    expect(formatYen(0)).toBe('0円');
  });
});
