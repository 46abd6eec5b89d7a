import { z } from 'zod';
import type { ActiveWaitlistEntry } from './waitlist-queue.ts';

/**
 * A person in a counter slot's キャンセル待ち, before a seat is offered to them: where they stand in
 * line, and leaving the line. Joining gives a link with a secret of its own (`#token=`), so nobody
 * holding only the day, the code or the address can see or end someone's place.
 */

/**
 * Where this entry stands among those still waiting, 1 for the next to be offered a seat; null when
 * it is not waiting (an offer was made to it, or it is no longer in the queue). Someone holding an
 * offer is not ahead of anyone: the seat they hold is not one the waiting could get.
 */
export function placeInLine(queue: readonly Pick<ActiveWaitlistEntry, 'id' | 'state'>[], id: number): number | null {
  const waiting = queue.filter((entry) => entry.state === 'waiting');
  const index = waiting.findIndex((entry) => entry.id === id);
  return index < 0 ? null : index + 1;
}

/** What the citizen reads when the place in line cannot be shown or left. */
export const WAITLIST_PLACE_MESSAGES = {
  notFound:
    'このキャンセル待ちは見つかりません。キャンセル待ちをやめた方は、もう一度登録できます。空きが出たときは、メールでお知らせしています。メールのリンクからお進みください。',
} as const;

const slot = z.strictObject({ date: z.string(), time: z.string() });

/** `GET /api/v1/counter/waitlist/entry`: the entry as the holder of its link sees it. Nothing personal. */
export const waitlistPlaceSchema = z.strictObject({
  slot,
  kindId: z.string(),
  people: z.number().int(),
  proxy: z.boolean(),
  /** 1 = the next to be offered a seat. */
  place: z.number().int().min(1),
  /** How long a seat is held once offered (the content's hold time; never past the slot's booking cut-off). */
  holdMinutes: z.number().int().min(1),
});
export type WaitlistPlace = z.infer<typeof waitlistPlaceSchema>;

/** `POST /api/v1/counter/waitlist/entry/leave`: the slot left; the entry and its contact data are gone. */
export const waitlistLeftSchema = z.strictObject({ slot });
export type WaitlistLeft = z.infer<typeof waitlistLeftSchema>;
