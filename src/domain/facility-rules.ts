import type { BookingWindow, Facility, GroupType, Residency, Room, TimeBlock } from './facilities.ts';
import { holidayCoverage, publicHolidayName } from './holidays.ts';
import {
  addDays,
  addMonths,
  dayOfWeek,
  daysBetween,
  formatJapaneseDate,
  type IsoDate,
  japanInstant,
  type JapanClock,
  parseTime,
  timeKey,
} from './japan-time.ts';

/**
 * The rules of booking a public facility, over its content and a Japan-time clock: closed days,
 * booking windows, consecutive days, overlapping blocks, fees, cancellation and provisional
 * deadlines. Pure, so the server and the browser give the same answers.
 */
export type FacilityClosedReason =
  { kind: 'weekly' } | { kind: 'holiday-shift'; holiday: IsoDate } | { kind: 'year-end' } | { kind: 'closure'; reason: string } | { kind: 'unknown' };

/** Why the facility is closed that day, or null when it is open. */
export function facilityClosedReason(date: IsoDate, closed: Facility['closed']): FacilityClosedReason | null {
  if (date < holidayCoverage.from || date > holidayCoverage.to) return { kind: 'unknown' };
  const monthDay = date.slice(5);
  if (closed.yearEnd && (monthDay >= '12-29' || monthDay <= '01-03')) return { kind: 'year-end' };
  const closure = closed.dates.find((candidate) => candidate.date === date);
  if (closure) return { kind: 'closure', reason: closure.reason };
  const isHoliday = publicHolidayName(date) !== null;
  const shifts = closed.holidayShift !== 'none';
  if (closed.weekdays.includes(dayOfWeek(date)) && !(shifts && isHoliday)) return { kind: 'weekly' };
  const isShiftedHoliday = (day: IsoDate) => closed.weekdays.includes(dayOfWeek(day)) && publicHolidayName(day) !== null;
  if (closed.holidayShift === 'next-weekday' && !isHoliday) {
    // The closed day moves to the first day after a holiday run that began on a closed weekday.
    for (let back = addDays(date, -1); publicHolidayName(back) !== null; back = addDays(back, -1)) {
      if (closed.weekdays.includes(dayOfWeek(back))) return { kind: 'holiday-shift', holiday: back };
    }
  }
  if (closed.holidayShift === 'day-after-next') {
    const holiday = addDays(date, -2);
    if (isShiftedHoliday(holiday)) {
      // The facility has not said what happens when the day after next is itself a holiday: ask.
      return isHoliday ? { kind: 'unknown' } : { kind: 'holiday-shift', holiday };
    }
  }
  return null;
}

const WEEKDAY_NAMES = ['日', '月', '火', '水', '木', '金', '土'];

/**
 * The closed days in words, from the same content and the same shift as facilityClosedReason:
 * 「毎週月曜日（祝日のときは開館し、翌々日の水曜日が休館）」「12月29日～1月3日」.
 */
export function closedDaysText(closed: Facility['closed']): string[] {
  const weekly = closed.weekdays.map((day) => {
    const every = `毎週${WEEKDAY_NAMES[day] ?? ''}曜日`;
    switch (closed.holidayShift) {
      case 'none':
        return every;
      case 'next-weekday':
        return `${every}（祝日のときは開館し、次の平日が休館）`;
      case 'day-after-next':
        return `${every}（祝日のときは開館し、翌々日の${WEEKDAY_NAMES[(day + 2) % 7] ?? ''}曜日が休館）`;
    }
  });
  return [...weekly, ...(closed.yearEnd ? ['12月29日～1月3日'] : []), ...closed.dates.map((date) => `${formatJapaneseDate(date.date)}（${date.reason}）`)];
}

export const CLOSED_REASON_LABELS: Record<FacilityClosedReason['kind'], string> = {
  weekly: '休館日',
  'holiday-shift': '休館日（祝日の振替）',
  'year-end': '年末年始の休館',
  closure: '臨時休館',
  unknown: '予定が決まっていません',
};

export function closedLabel(reason: FacilityClosedReason): string {
  return reason.kind === 'closure' ? reason.reason : CLOSED_REASON_LABELS[reason.kind];
}

/**
 * Blocks may overlap (全日 9–21 covers 午前 9–12). Every boundary of every block cuts the day into
 * segments; a block holds the segments inside it. Two bookings overlap exactly when they share a
 * segment, so the store keeps one row per booked segment under a UNIQUE constraint.
 */
export function blockSegments(blocks: readonly TimeBlock[], block: TimeBlock): string[] {
  const start = parseTime(block.start) ?? 0;
  const end = parseTime(block.end) ?? 0;
  const boundaries = [...new Set(blocks.flatMap((candidate) => [parseTime(candidate.start) ?? 0, parseTime(candidate.end) ?? 0]))].sort((a, b) => a - b);
  return boundaries.filter((boundary) => boundary >= start && boundary < end).map(timeKey);
}

/** The first day bookings for `date` are taken. */
export function bookingOpensOn(date: IsoDate, window: BookingWindow): IsoDate {
  if (window.opens.kind === 'months-ahead') return addMonths(date, -window.opens.months);
  return addMonths(`${date.slice(0, 7)}-01`, -window.opens.months);
}

/** The last day bookings for `date` are taken. */
export function bookingClosesOn(date: IsoDate, window: BookingWindow): IsoDate {
  return addDays(date, -window.closesDaysBefore);
}

export type DayRefusal = 'closed-day' | 'not-yet-open' | 'too-late';

export function dayRefusal(date: IsoDate, today: IsoDate, facility: Facility, room: Room): DayRefusal | null {
  if (facilityClosedReason(date, facility.closed)) return 'closed-day';
  if (date <= today || today > bookingClosesOn(date, room.window)) return 'too-late';
  if (today < bookingOpensOn(date, room.window)) return 'not-yet-open';
  return null;
}

export const DAY_REFUSAL_MESSAGES: Record<DayRefusal, string> = {
  'closed-day': 'その日は休館日です。ほかの日を選んでください。',
  'not-yet-open': 'その日の予約は、まだ始まっていません。',
  'too-late': 'その日の予約は締め切りました。ほかの日を選んでください。',
};

/** The fee of one block for one day, or null when the city has not confirmed the room's fees. */
export function blockFee(room: Room, blockId: string, residency: Residency, group: GroupType): number | null {
  return room.fees?.[blockId]?.[residency][group] ?? null;
}

export interface BookingChoice {
  dates: IsoDate[];
  blockIds: string[];
}

export type ChoiceProblem =
  | { kind: 'no-day' }
  | { kind: 'not-consecutive' }
  | { kind: 'too-many-days'; max: number }
  | { kind: 'no-block' }
  | { kind: 'unknown-block' }
  | { kind: 'blocks-overlap' }
  | { kind: 'day'; date: IsoDate; refusal: DayRefusal };

/**
 * Whether a choice of days and blocks may be booked now: days in a row up to the room's limit,
 * known blocks that do not overlap one another, and every day open and within its window.
 */
export function checkChoice(choice: BookingChoice, facility: Facility, room: Room, now: JapanClock): ChoiceProblem | null {
  const dates = [...new Set(choice.dates)].sort();
  const first = dates[0];
  if (first === undefined) return { kind: 'no-day' };
  if (dates.some((date, index) => daysBetween(first, date) !== index)) return { kind: 'not-consecutive' };
  if (dates.length > room.maxConsecutiveDays) return { kind: 'too-many-days', max: room.maxConsecutiveDays };
  if (choice.blockIds.length === 0) return { kind: 'no-block' };
  const blocks = choice.blockIds.map((id) => facility.blocks.find((block) => block.id === id));
  if (blocks.some((block) => block === undefined) || new Set(choice.blockIds).size !== choice.blockIds.length) return { kind: 'unknown-block' };
  const segments = blocks.flatMap((block) => (block ? blockSegments(facility.blocks, block) : []));
  if (new Set(segments).size !== segments.length) return { kind: 'blocks-overlap' };
  for (const date of dates) {
    const refusal = dayRefusal(date, now.date, facility, room);
    if (refusal) return { kind: 'day', date, refusal };
  }
  return null;
}

export function choiceProblemMessage(problem: ChoiceProblem): string {
  switch (problem.kind) {
    case 'no-day':
      return '日にちを選んでください。';
    case 'not-consecutive':
      return '続けて予約する日は、連続した日にしてください。';
    case 'too-many-days':
      return `この部屋は、続けて${String(problem.max)}日まで予約できます。`;
    case 'no-block':
      return '使う時間（区分）を選んでください。';
    case 'unknown-block':
      return '使う時間（区分）を一覧から選んでください。';
    case 'blocks-overlap':
      return '重なる時間の区分は、いっしょに選べません（全日は午前・午後・夜間を含みます）。';
    case 'day':
      return DAY_REFUSAL_MESSAGES[problem.refusal];
  }
}

/** The whole fee: each chosen block on each chosen day. Null when the room's fees are unconfirmed. */
export function totalFee(room: Room, choice: BookingChoice, residency: Residency, group: GroupType): number | null {
  let total = 0;
  for (const blockId of choice.blockIds) {
    const fee = blockFee(room, blockId, residency, group);
    if (fee === null) return null;
    total += fee * choice.dates.length;
  }
  return total;
}

/** The last day a booking can be cancelled in the portal; after it, the facility must be called. */
export function cancelDeadline(firstDate: IsoDate, facility: Facility): IsoDate {
  return addDays(firstDate, -facility.cancelDaysBefore);
}

/**
 * A provisional booking (仮予約) holds the blocks until the end of the day the in-person application
 * is due: `withinDays` after booking, but never later than the day before use.
 */
export function provisionalDeadline(now: JapanClock, firstDate: IsoDate, withinDays: number): { date: IsoDate; expiresAt: Date } {
  const due = addDays(now.date, withinDays);
  const date = due < firstDate ? due : addDays(firstDate, -1);
  return { date, expiresAt: japanInstant(addDays(date, 1), 0) };
}
