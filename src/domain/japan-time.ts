/**
 * Dates and times as Togane lives them: in Japan time, whatever the server's or the phone's own
 * time zone. Japan has had no daylight saving time since 1951, so Japan time is UTC+9 exactly and
 * needs no time-zone database. Calendar days are 'YYYY-MM-DD' strings; times are minutes after
 * midnight. Both compare correctly as plain values.
 */
export type IsoDate = string;

const JAPAN_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;

export interface JapanClock {
  date: IsoDate;
  /** Minutes after midnight, Japan time. */
  minutes: number;
}

/** The day and time in Japan at a given instant. */
export function japanClock(instant: Date): JapanClock {
  const shifted = new Date(instant.getTime() + JAPAN_OFFSET_MS);
  return {
    date: shifted.toISOString().slice(0, 10),
    minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
  };
}

/** The instant a Japan-time day and minute begins (for .ics files and expiry times). */
export function japanInstant(date: IsoDate, minutes: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - JAPAN_OFFSET_MS + minutes * 60_000);
}

/**
 * The days the portal ever speaks of: birth dates of its oldest citizens to bookings far ahead.
 * Anything outside is a typing slip or an attack, and keeping far from year 9999 means date
 * arithmetic on an accepted day can never leave the four-digit years.
 */
export const EARLIEST_DATE: IsoDate = '1900-01-01';
export const LATEST_DATE: IsoDate = '2199-12-31';

/** Checks a 'YYYY-MM-DD' string names a real day (no 2026-02-30) between EARLIEST_DATE and LATEST_DATE. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value < EARLIEST_DATE || value > LATEST_DATE) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

function toUtcDate(date: IsoDate): Date {
  return new Date(`${date}T00:00:00Z`);
}

const FIRST_FOUR_DIGIT_DAY_MS = Date.parse('0000-01-01T00:00:00Z');
const LAST_FOUR_DIGIT_DAY_MS = Date.parse('9999-12-31T00:00:00Z');

/**
 * The day N days later (or earlier). Past year 9999 an ISO string gains a sign ('+010000-01-01') and
 * sorts below every day, so a loop 'until date > last' would never end: that throws instead.
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  const time = toUtcDate(date).getTime() + days * DAY_MS;
  if (!(time >= FIRST_FOUR_DIGIT_DAY_MS && time <= LAST_FOUR_DIGIT_DAY_MS)) throw new RangeError(`date out of range: ${date} + ${String(days)}`);
  return new Date(time).toISOString().slice(0, 10);
}

/**
 * Every day from `first` to `last`, counted rather than compared, and never more than `limit` days:
 * a loop over a range a client sent is bounded whatever the range.
 */
export function daysFrom(first: IsoDate, last: IsoDate, limit: number): IsoDate[] {
  const count = Math.min(daysBetween(first, last) + 1, limit);
  return Array.from({ length: Math.max(0, count) }, (_, index) => addDays(first, index));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtcDate(to).getTime() - toUtcDate(from).getTime()) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return toUtcDate(date).getUTCDay();
}

/** Same day of the month N months later; the month's last day when it has no such day (1/31 → 2/28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** 2026年12月1日（火） — how the portal writes a date for people. */
export function formatJapaneseDate(date: IsoDate): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${String(year)}年${String(month)}月${String(day)}日（${WEEKDAYS[dayOfWeek(date)] ?? ''}）`;
}

/** 12月1日（火） — the short form, for lists inside one year. */
export function formatShortJapaneseDate(date: IsoDate): string {
  return formatJapaneseDate(date).replace(/^\d+年/, '');
}

/** 2026 → 令和8年度（2026年度）: the era once, for readers who count in it. Reiwa began in 2019. */
export function formatFiscalYear(year: number): string {
  return year >= 2019 ? `令和${String(year - 2018)}年度（${String(year)}年度）` : `${String(year)}年度`;
}

/** 9:00 — how the portal writes a time. */
export function formatTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60))}:${String(minutes % 60).padStart(2, '0')}`;
}

/** '09:30' → 570; null when it is not a time of day. */
export function parseTime(value: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

/** 570 → '09:30', the form slots take in the API. */
export function timeKey(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
