import holidays2025 from '@holiday-jp/holiday_jp/lib/holidays_every_year/2025.js';
import holidays2026 from '@holiday-jp/holiday_jp/lib/holidays_every_year/2026.js';
import holidays2027 from '@holiday-jp/holiday_jp/lib/holidays_every_year/2027.js';
import holidays2028 from '@holiday-jp/holiday_jp/lib/holidays_every_year/2028.js';
import type { IsoDate } from './japan-time.ts';

/**
 * Japan's public holidays from the maintained @holiday-jp package, by year, so only the years the
 * portal can book are bundled (bookings reach at most about a year ahead). Add the next year's file
 * each year; `holidayCoverage` tells when the table runs out so the calendar can refuse to guess.
 * Dates of 春分/秋分 more than a year ahead are the government's predictions until it publishes them.
 */
const YEARS: Record<string, { name: string }>[] = [holidays2025, holidays2026, holidays2027, holidays2028];
const table = new Map<IsoDate, string>();
for (const year of YEARS) for (const [date, holiday] of Object.entries(year)) table.set(date, holiday.name);

export const holidayCoverage = { from: '2025-01-01', to: '2028-12-31' } as const;

/** The holiday's name (元日, 振替休日 …) or null on an ordinary day. */
export function publicHolidayName(date: IsoDate): string | null {
  return table.get(date) ?? null;
}
