import { type CounterCalendar, slotStarts } from './counter-calendar.ts';
import { formatTime, type IsoDate, parseTime, timeKey } from './japan-time.ts';

/**
 * A closure of the counter covers the slots that start in [startTime, endTime); a whole day is
 * 00:00 to 24:00, so a change of opening hours in the content is covered too.
 */
export const WHOLE_DAY = { startTime: '00:00', endTime: '24:00' } as const;

export function closureSlots(date: IsoDate, startTime: string, endTime: string, calendar: CounterCalendar): string[] {
  const from = parseTime(startTime) ?? 0;
  const to = endTime === '24:00' ? 24 * 60 : (parseTime(endTime) ?? 0);
  return slotStarts(calendar)
    .filter((start) => start >= from && start < to)
    .map((start) => `${date}T${timeKey(start)}`);
}

/** 終日, or 9:00～12:00. */
export function closureHours(startTime: string, endTime: string): string {
  if (startTime === WHOLE_DAY.startTime && endTime === WHOLE_DAY.endTime) return '終日';
  return `${formatTime(parseTime(startTime) ?? 0)}～${endTime === '24:00' ? '終わりまで' : formatTime(parseTime(endTime) ?? 0)}`;
}
