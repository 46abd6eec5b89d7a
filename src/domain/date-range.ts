import { addDays, daysBetween, type IsoDate } from './japan-time.ts';

/**
 * The days a request may ask about, whatever the feature: a year back (a citizen's past bookings) and
 * two years ahead (the longest booking window, a hall's, is about thirteen months). Anything further
 * is refused with a message before any work is done, so no request can make the server count days
 * toward year 9999.
 */
export const REQUEST_WINDOW = { daysBack: 366, daysAhead: 731 } as const;

/** Availability is asked for at most this many days at once (two calendar months). */
export const MAX_AVAILABILITY_RANGE_DAYS = 62;

export const DATE_RANGE_MESSAGES = {
  range: `期間は${String(MAX_AVAILABILITY_RANGE_DAYS)}日以内で、始まりを終わりより前にしてください。`,
  window: '日付は、今日の1年前から2年先までの間で指定してください。',
} as const;

/** Whether a day lies in the window a request may ask about. */
export function isRequestableDay(date: IsoDate, today: IsoDate): boolean {
  return date >= addDays(today, -REQUEST_WINDOW.daysBack) && date <= addDays(today, REQUEST_WINDOW.daysAhead);
}

/** Why a requested range of days is refused, or null when it may be answered. */
export function rangeProblem(first: IsoDate, last: IsoDate, today: IsoDate): string | null {
  if (!isRequestableDay(first, today) || !isRequestableDay(last, today)) return DATE_RANGE_MESSAGES.window;
  const span = daysBetween(first, last);
  if (span < 0 || span > MAX_AVAILABILITY_RANGE_DAYS) return DATE_RANGE_MESSAGES.range;
  return null;
}
