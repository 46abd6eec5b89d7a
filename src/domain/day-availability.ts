import { z } from 'zod';
import { isIsoDate } from './japan-time.ts';

/**
 * The ○ / △ / × a calendar shows for a day, shared by every booking (counter seats, facility blocks).
 */
export const DAY_AVAILABILITIES = ['open', 'few', 'full', 'closed'] as const;
export type DayAvailability = (typeof DAY_AVAILABILITIES)[number];

/**
 * ○ / △ / × for a day from the seats left in its bookable slots: △ once a quarter or less of the
 * day's seats remain (or only one slot has room), so people see early that a day is filling up.
 */
export function dayAvailability(seatsLeftPerSlot: number[], desksPerSlot: number): DayAvailability {
  if (seatsLeftPerSlot.length === 0) return 'closed';
  const left = seatsLeftPerSlot.reduce((sum, seats) => sum + seats, 0);
  if (left === 0) return 'full';
  const slotsWithRoom = seatsLeftPerSlot.filter((seats) => seats > 0).length;
  return left * 4 <= seatsLeftPerSlot.length * desksPerSlot || slotsWithRoom === 1 ? 'few' : 'open';
}

export const DAY_AVAILABILITY_MARKS: Record<DayAvailability, { mark: string; label: string }> = {
  open: { mark: '○', label: '空きあり' },
  few: { mark: '△', label: '残りわずか' },
  full: { mark: '×', label: '満員' },
  closed: { mark: '－', label: '受付なし' },
};

/** The mark a calendar adds to an open day on which the city closed some of the times. */
export const PARTLY_CLOSED_MARK = { mark: '＊', label: '一部の時間は休み' } as const;

/**
 * Why the city closed some times of a day that is still open (its closures' reasons, each once, in
 * the day's order), or null where it closed none: the calendar says so before the citizen picks the
 * day, so nobody is surprised by a list of times with holes in it. A day closed in every slot is
 * closed as a whole and has no slots.
 */
export function partlyClosedReasons(slots: readonly { closedReason: string | null }[] | undefined): string | null {
  const reasons = [...new Set((slots ?? []).flatMap((slot) => (slot.closedReason === null ? [] : [slot.closedReason])))];
  return reasons.length === 0 ? null : reasons.join('、');
}

/** `?from=&to=` of an availability request; each route applies its own defaults and longest range. */
export const dateRangeQuerySchema = z.object({
  from: z.string().refine(isIsoDate, '日付は 2026-12-01 の形で指定してください。').optional(),
  to: z.string().refine(isIsoDate, '日付は 2026-12-01 の形で指定してください。').optional(),
});
