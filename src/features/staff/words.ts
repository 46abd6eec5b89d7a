import { formatShortJapaneseDate, formatTime, japanClock } from '../../domain/japan-time.ts';

/** 12月1日（火） and 9:30 — an instant as a clerk reads it, in Japan time. */
export function instantParts(iso: string): { date: string; time: string } {
  const clock = japanClock(new Date(iso));
  return { date: formatShortJapaneseDate(clock.date), time: formatTime(clock.minutes) };
}

/** What a failed call says to the clerk. */
export function failureMessage(error: unknown): string {
  return error instanceof Error ? error.message : 'うまくいきませんでした。もう一度お試しください。';
}
