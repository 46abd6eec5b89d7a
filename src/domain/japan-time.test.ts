import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  daysFrom,
  formatFiscalYear,
  formatJapaneseDate,
  formatTime,
  isIsoDate,
  japanClock,
  japanInstant,
} from './japan-time.ts';

describe('japanClock', () => {
  it('gives the day and time in Japan whatever the instant', () => {
    expect(japanClock(new Date('2026-12-31T15:00:00Z'))).toEqual({ date: '2027-01-01', minutes: 0 });
    expect(japanClock(new Date('2026-12-31T14:59:00Z'))).toEqual({ date: '2026-12-31', minutes: 23 * 60 + 59 });
    expect(japanClock(new Date('2026-12-31T20:00:00-08:00')).date).toBe('2027-01-01');
  });

  it('agrees with Intl in Asia/Tokyo for any instant, and round-trips through japanInstant', () => {
    const format = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Tokyo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (instant) => {
        const parts = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
        const clock = japanClock(instant);
        expect(clock.date).toBe(`${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''}`);
        expect(clock.minutes).toBe(Number(parts.hour) * 60 + Number(parts.minute));
        expect(japanInstant(clock.date, clock.minutes).getTime()).toBe(Math.floor(instant.getTime() / 60_000) * 60_000);
      }),
    );
  });
});

describe('calendar arithmetic', () => {
  it('adds days and months the way people count them', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-05-31', -3)).toBe('2028-02-29');
    expect(daysBetween('2026-11-24', '2026-12-25')).toBe(31);
  });

  it('knows real days from impossible ones', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('26-12-01')).toBe(false);
    // Far years are slips or attacks: refused, so arithmetic on an accepted day stays in four digits.
    expect(isIsoDate('9999-12-31')).toBe(false);
    expect(isIsoDate('0001-01-01')).toBe(false);
    expect(isIsoDate('1900-01-01')).toBe(true);
    expect(isIsoDate('2199-12-31')).toBe(true);
  });

  it('writes dates and times as the portal shows them', () => {
    expect(formatJapaneseDate('2026-12-01')).toBe('2026年12月1日（火）');
    expect(formatTime(9 * 60)).toBe('9:00');
    expect(formatTime(16 * 60 + 5)).toBe('16:05');
    expect(formatFiscalYear(2026)).toBe('令和8年度（2026年度）');
  });
});

describe('date arithmetic at the edge of the four-digit years', () => {
  it('throws rather than yield a day that sorts wrongly', () => {
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    expect(() => addDays('0000-01-01', -1)).toThrow(RangeError);
  });

  it('lists the days of a range by counting, never more than the limit', () => {
    expect(daysFrom('2026-12-30', '2027-01-02', 10)).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(daysFrom('2026-12-30', '2026-12-29', 10)).toEqual([]);
    expect(daysFrom('2026-01-01', '2199-12-31', 63)).toHaveLength(63);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 100 }), (span, limit) => {
        const days = daysFrom('2026-11-24', addDays('2026-11-24', span), limit);
        expect(days.length).toBe(Math.min(span + 1, limit));
        days.forEach((day, index) => expect(day).toBe(addDays('2026-11-24', index)));
      }),
    );
  });
});
