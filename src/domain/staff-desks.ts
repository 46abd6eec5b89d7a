import { formatTime, parseTime } from './japan-time.ts';

/**
 * The desks (seats per slot) of one day, set by the administrator: never below what a slot of the
 * day already holds. Refused, the answer names each such slot and the least number that would do,
 * so the administrator can move those bookings first or choose that number.
 */
export function desksRefusalMessage(desks: number, over: readonly { slot: string; booked: number }[]): string {
  const slots = over.map(({ slot, booked }) => `${formatTime(parseTime(slot.slice(11)) ?? 0)}（${String(booked)}件）`).join('、');
  const least = Math.max(...over.map(({ booked }) => booked));
  return `受付数を${String(desks)}にすると、すでに予約が入っている次の枠が受付数を超えます：${slots}。予約を別の枠に移してから減らすか、${String(least)}以上にしてください。`;
}

/** How a day's desks read in the audit log and on screen: the content's default is said so. */
export function desksLabel(desks: number | null, defaultDesks: number): string {
  return desks === null ? `${String(defaultDesks)}（既定）` : String(desks);
}
