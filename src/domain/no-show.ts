import { japanInstant, parseTime } from './japan-time.ts';

/**
 * 来なかった can be recorded once the booking's time has come (Japan time): before it, the citizen
 * may still be on their way, and a mark made early would count them as absent in the city's figures.
 * `slot` is the stored `YYYY-MM-DDTHH:MM`.
 */
export function mayMarkNoShow(slot: string, now: Date): boolean {
  const minutes = parseTime(slot.slice(11));
  return minutes !== null && japanInstant(slot.slice(0, 10), minutes).getTime() <= now.getTime();
}
