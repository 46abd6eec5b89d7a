import { z } from 'zod';
import { formatShortJapaneseDate, formatTime, japanClock } from './japan-time.ts';

/**
 * キャンセル待ち's rules that do not depend on what is waited for (a seat at the counter, a block of
 * a room): the order of the queue, offers that lapse, the time an offer is held, accepting. The
 * counter (counter-waitlist.ts) and the rooms (room-waitlist.ts) each say only what a share is.
 */

/** An entry still in the queue: waiting, or holding an offer until `heldUntil` (ISO instant). */
export interface ActiveWaitlistEntry {
  id: number;
  state: 'waiting' | 'offered';
  heldUntil: string | null;
}

/** What a store does to a queue now: offers that lapse (what they held comes back), and who gets an offer. */
export interface WaitlistSettlement {
  expire: number[];
  offer: number[];
}

/** An offer is never made for less than this: nobody can act on a mail in a few minutes. */
export const MIN_HOLD_MINUTES = 15;

/** The offers whose time is up. */
export function lapsedOffers(entries: readonly ActiveWaitlistEntry[], now: Date): number[] {
  return entries
    .filter((entry) => entry.state === 'offered' && entry.heldUntil !== null && Date.parse(entry.heldUntil) <= now.getTime())
    .map((entry) => entry.id);
}

/**
 * Who gets an offer now: those waiting, in the order they joined, each asked in turn whether their
 * share can be given (`takesShare`, which also counts it as given), at most `offersPossible` of them.
 */
export function offersInOrder<Entry extends ActiveWaitlistEntry>(
  entries: readonly Entry[],
  offersPossible: number,
  takesShare: (entry: Entry) => boolean,
): number[] {
  const offer: number[] = [];
  for (const entry of entries) {
    if (offer.length >= offersPossible) break;
    if (entry.state === 'waiting' && takesShare(entry)) offer.push(entry.id);
  }
  return offer;
}

export type QueueRefusal = 'already-waiting' | 'queue-full';

/** Whether one more person may join a queue that others may join too; `alreadyWaiting` when this contact is in it. */
export function queueRefusal(entries: readonly ActiveWaitlistEntry[], alreadyWaiting: boolean, maxWaiting: number): QueueRefusal | null {
  if (alreadyWaiting) return 'already-waiting';
  if (entries.length >= maxWaiting) return 'queue-full';
  return null;
}

/** How many are ahead of one who joins now, counting them (1 = the first in line). */
export function positionOnJoining(entries: readonly ActiveWaitlistEntry[]): number {
  return entries.filter((entry) => entry.state === 'waiting').length + 1;
}

/**
 * Until when what freed now is held for the person it is offered to: the content's hold time, but
 * never past `cutOff` (the last moment it could be booked). Null when that leaves less than
 * MIN_HOLD_MINUTES: then nobody is offered it, and it stays free for whoever books first.
 */
export function heldUntil(now: Date, holdMinutes: number, cutOff: Date): Date | null {
  const until = Math.min(now.getTime() + holdMinutes * 60_000, cutOff.getTime());
  return until - now.getTime() >= MIN_HOLD_MINUTES * 60_000 ? new Date(until) : null;
}

/** How long an offer is held, as a citizen says it: 「2時間」, 「1時間30分」, 「45分」. */
export function formatHoldTime(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `${hours > 0 ? `${String(hours)}時間` : ''}${rest > 0 || hours === 0 ? `${String(rest)}分` : ''}`;
}

export type AcceptRefusal = 'not-offered' | 'expired';

/** Whether an offer can be accepted (or declined) now. */
export function acceptRefusal(entry: { state: string; heldUntil: string | null }, now: Date): AcceptRefusal | null {
  if (entry.state !== 'offered' || entry.heldUntil === null) return 'not-offered';
  return Date.parse(entry.heldUntil) <= now.getTime() ? 'expired' : null;
}

/** Whether an offer a link shows has lapsed by now, though no settlement has marked it yet. */
export function offerLapsed(entry: { state: string; heldUntil: string | null }, now: Date): boolean {
  return acceptRefusal(entry, now) === 'expired';
}

/** What the citizen reads about an offer and its link, alike for the counter and the rooms. */
export const OFFER_MESSAGES = {
  notOffered: 'キャンセル待ちは、いまは受け付けていません。',
  emailRequired: 'キャンセル待ちには、メールアドレスが必要です。空きが出たことをメールでお知らせします。',
  offerNotFound: 'このお知らせは見つかりません。メールのリンクをもう一度開いてください。',
  'not-offered': 'この空きは、もうお受けできません（お断りされたか、予約になったか、期限が過ぎました）。',
  expired: 'お受けできる時間を過ぎたため、この空きは次の方へお回ししました。',
} as const;

/** Where an offer stands, as its page shows it. */
export const offerStateSchema = z.enum(['offered', 'accepted', 'declined', 'expired']);
export type OfferState = z.infer<typeof offerStateSchema>;

/** An instant as a citizen reads it: 「12月3日（木） 15:30」, Japan time. */
export function formatJapanInstant(instant: Date): string {
  const clock = japanClock(instant);
  return `${formatShortJapaneseDate(clock.date)} ${formatTime(clock.minutes)}`;
}

/** The closing lines of every offer mail: how to decline, and why it came. */
export function offerMailFooter(until: string): string[] {
  return [
    `${until}を過ぎると、次に待っている方へお回しします。`,
    '行けないときは、同じページの「お断りする」を押してください。',
    '',
    'このメールは、キャンセル待ちのときにメールアドレスを入力された方へ、',
    '東金市役所がお送りしています。送信専用のため、返信はできません。',
    'お心当たりのないときは、このメールを消してください。',
  ];
}
