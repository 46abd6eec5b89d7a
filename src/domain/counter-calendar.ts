import type { CounterContent } from './counter.ts';
import type { CounterDay } from './counter-reservation.ts';
import { MAX_AVAILABILITY_RANGE_DAYS } from './date-range.ts';
import { dayAvailability } from './day-availability.ts';
import { holidayCoverage, publicHolidayName } from './holidays.ts';
import { addDays, dayOfWeek, daysFrom, formatTime, type IsoDate, type JapanClock, parseTime, timeKey } from './japan-time.ts';

/**
 * When the MyNumber counter takes visits, and which slots may still be booked. Pure rules over the
 * counter content and a Japan-time clock; the server and the browser both use them.
 */
export type CounterCalendar = Pick<CounterContent, 'opens' | 'closes' | 'slotMinutes' | 'desksPerSlot' | 'bookAheadDays' | 'closesMinutesBefore' | 'closures'>;

export type ClosedReason =
  { kind: 'weekend' } | { kind: 'holiday'; name: string } | { kind: 'year-end' } | { kind: 'closure'; reason: string } | { kind: 'unknown' };

/** Why the counter is closed that day, or null when it is open. */
export function closedReason(date: IsoDate, calendar: CounterCalendar): ClosedReason | null {
  if (date < holidayCoverage.from || date > holidayCoverage.to) return { kind: 'unknown' };
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return { kind: 'weekend' };
  const holiday = publicHolidayName(date);
  if (holiday) return { kind: 'holiday', name: holiday };
  const monthDay = date.slice(5);
  if (monthDay >= '12-29' || monthDay <= '01-03') return { kind: 'year-end' };
  const closure = calendar.closures.find((candidate) => candidate.date === date);
  if (closure) return { kind: 'closure', reason: closure.reason };
  return null;
}

/** Start times (minutes after midnight) of the day's slots; the last one ends by closing time. */
export function slotStarts(calendar: CounterCalendar): number[] {
  const opens = parseTime(calendar.opens) ?? 0;
  const closes = parseTime(calendar.closes) ?? 0;
  const starts: number[] = [];
  for (let start = opens; start + calendar.slotMinutes <= closes; start += calendar.slotMinutes) starts.push(start);
  return starts;
}

/** The last day bookings reach, counted from today in Japan. */
export function lastBookableDate(now: JapanClock, calendar: CounterCalendar): IsoDate {
  return addDays(now.date, calendar.bookAheadDays);
}

export type SlotRefusal = 'closed-day' | 'not-a-slot' | 'too-late' | 'too-far-ahead';

/**
 * The earliest start (minutes after midnight) that can still be booked on a day, or null when the
 * day cannot be booked at all (closed, or beyond the window). Computed once per day, so a month of
 * availability costs one pass over the slots.
 */
export function earliestBookableStart(date: IsoDate, now: JapanClock, calendar: CounterCalendar): number | null {
  if (closedReason(date, calendar) || date > lastBookableDate(now, calendar)) return null;
  const minutesFromNowToMidnight = minutesBetweenDays(now.date, date) - now.minutes;
  return Math.max(0, calendar.closesMinutesBefore - minutesFromNowToMidnight);
}

/** Whether a slot can be booked (or changed to, or cancelled) now; the reason when not. */
export function checkSlot(date: IsoDate, start: number, now: JapanClock, calendar: CounterCalendar): SlotRefusal | null {
  if (closedReason(date, calendar)) return 'closed-day';
  if (!slotStarts(calendar).includes(start)) return 'not-a-slot';
  if (date > lastBookableDate(now, calendar)) return 'too-far-ahead';
  const earliest = earliestBookableStart(date, now, calendar);
  if (earliest === null || start < earliest) return 'too-late';
  return null;
}

function minutesBetweenDays(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 60_000);
}

export const SLOT_REFUSAL_MESSAGES: Record<SlotRefusal, string> = {
  'closed-day': 'その日は窓口がお休みです。ほかの日を選んでください。',
  'not-a-slot': 'その時刻は予約の枠にありません。一覧から時刻を選んでください。',
  'too-late': 'その時刻は受付を締め切りました。ほかの時刻を選んでください。',
  'too-far-ahead': 'その日はまだ予約を受け付けていません。',
};

const CLOSED_LABELS: Record<ClosedReason['kind'], string> = {
  weekend: '土曜日・日曜日',
  holiday: '祝日',
  'year-end': '年末年始',
  closure: '臨時休業',
  unknown: '予定が決まっていません',
};

/** Why a day is closed, in words for the text list. */
export function closedLabel(reason: ClosedReason): string {
  if (reason.kind === 'holiday') return reason.name;
  if (reason.kind === 'closure') return reason.reason;
  return CLOSED_LABELS[reason.kind];
}

/**
 * The availability answer for the days from `first` to `last`, given the seats taken per slot
 * ('YYYY-MM-DDTHH:MM'). The server fills `taken` from its store, the practice mode from its own.
 */
export function counterDays(
  first: IsoDate,
  last: IsoDate,
  clock: JapanClock,
  calendar: CounterCalendar,
  taken: ReadonlyMap<string, { booked: number; capacity?: number; dayDesks?: number; closedFor?: string }>,
): CounterDay[] {
  const capacity = calendar.desksPerSlot;
  const days: CounterDay[] = [];
  const starts = slotStarts(calendar);
  for (const date of daysFrom(first, last, MAX_AVAILABILITY_RANGE_DAYS + 1)) {
    const closed = closedReason(date, calendar);
    if (closed) {
      days.push({ date, availability: 'closed', closedReason: closedLabel(closed), slots: [] });
      continue;
    }
    // A day the city closed in every slot is closed, with the city's reason (system maintenance, say).
    const closedByCity = starts.map((start) => taken.get(`${date}T${timeKey(start)}`)?.closedFor);
    const cityReason = closedByCity[0];
    if (cityReason !== undefined && closedByCity.every((reason) => reason !== undefined)) {
      days.push({ date, availability: 'closed', closedReason: cityReason, slots: [] });
      continue;
    }
    const earliest = earliestBookableStart(date, clock, calendar);
    // The day's desks where the administrator set them (every slot of such a day has a row).
    let dayCapacity = capacity;
    const slots = starts.map((start) => {
      const row = taken.get(`${date}T${timeKey(start)}`);
      const desks = row?.dayDesks ?? capacity;
      if (row?.dayDesks !== undefined) dayCapacity = row.dayDesks;
      // The day's desks, whatever a slot was booked under; less only where the slot holds less (a
      // slot the counter closed holds 0).
      const seatsLeft = Math.max(0, Math.min(desks, row?.capacity ?? desks) - (row?.booked ?? 0));
      const inWindow = earliest !== null && start >= earliest;
      return { time: timeKey(start), seatsLeft, inWindow, bookable: inWindow && seatsLeft > 0, closedReason: row?.closedFor ?? null };
    });
    const seats = slots.filter((slot) => slot.inWindow).map((slot) => slot.seatsLeft);
    days.push({
      date,
      availability: dayAvailability(seats, dayCapacity),
      closedReason: seats.length === 0 ? '受付期間の外です' : null,
      slots: slots.map(({ time, seatsLeft, bookable, closedReason }) => ({ time, seatsLeft, bookable, closedReason })),
    });
  }
  return days;
}

/**
 * The hours of a day that the city closed, for the citizen's list of times: neighbouring slots closed
 * for the same reason make one span (「10:00～11:00」, not two half hours), in the day's order.
 */
export function cityClosedHours(day: CounterDay, slotMinutes: number): { hours: string; reason: string }[] {
  const spans: { from: number; to: number; reason: string }[] = [];
  for (const slot of day.slots) {
    const start = parseTime(slot.time);
    if (slot.closedReason === null || start === null) continue;
    const last = spans.at(-1);
    if (last && last.to === start && last.reason === slot.closedReason) last.to = start + slotMinutes;
    else spans.push({ from: start, to: start + slotMinutes, reason: slot.closedReason });
  }
  return spans.map(({ from, to, reason }) => ({ hours: `${formatTime(from)}～${formatTime(to)}`, reason }));
}
