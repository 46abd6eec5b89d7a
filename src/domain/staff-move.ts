import { checkSlot, type CounterCalendar, type SlotRefusal } from './counter-calendar.ts';
import type { IsoDate, JapanClock } from './japan-time.ts';

/**
 * Whether a clerk may move a booking to this slot after a phone call; the reason when not.
 *
 * The citizen's own change stops `closesMinutesBefore` the slot: the app's bookings reach the desk
 * unannounced, and the cut-off gives the desk time to see who is coming. A clerk moving a booking
 * is the desk, so that cut-off does not bind them: any slot that has not yet started may be given.
 * The rest still holds: the day must be open, the time one of the day's slots, and the day within
 * the booking window (days beyond it are not yet planned: staffing, closures). The desks of the
 * slot are checked by the store, as for every booking.
 *
 * The booking's present slot is not checked at all: a citizen who phones to say they cannot come
 * at 10:00 may do so at 9:55, or at 10:10, and the clerk can still give them another time.
 */
export function staffMoveRefusal(date: IsoDate, start: number, now: JapanClock, calendar: CounterCalendar): SlotRefusal | null {
  return checkSlot(date, start, now, { ...calendar, closesMinutesBefore: 0 });
}

export const STAFF_MOVE_MESSAGES: Record<SlotRefusal, string> = {
  'closed-day': 'その日は窓口が休みです。ほかの日を選んでください。',
  'not-a-slot': 'その時刻は予約の枠にありません。一覧から時刻を選んでください。',
  'too-late': 'その時刻はもう過ぎています。これから先の時刻を選んでください。',
  'too-far-ahead': 'その日はまだ予約を受け付けていない日です。受付期間の中の日を選んでください。',
};
