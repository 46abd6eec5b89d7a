import { z } from 'zod';
import type { CounterContent } from './counter.ts';
import { newCounterReservationSchema } from './counter-reservation.ts';
import { formatJapaneseDate, formatShortJapaneseDate, formatTime, japanInstant, parseTime } from './japan-time.ts';
import {
  type ActiveWaitlistEntry,
  formatJapanInstant,
  heldUntil,
  lapsedOffers,
  OFFER_MESSAGES,
  offerMailFooter,
  offersInOrder,
  offerStateSchema,
  type QueueRefusal,
  queueRefusal,
  type WaitlistSettlement,
} from './waitlist-queue.ts';

/**
 * キャンセル待ち for a full slot of the MyNumber counter: the queue's rules, pure. Each store reads
 * a slot's state inside its own transaction (the slot's row locked), asks these functions what to do
 * and writes that, so SQLite and PostgreSQL follow one rule.
 *
 * A seat is either free, booked, or held for an offer: a held offer is counted in the slot's taken
 * seats like a booking (so the store's capacity check and CHECK constraint cover it), and accepting
 * it turns the held seat into the booking without taking another. People still waiting keep free
 * seats from the public: a seat freed while someone waits is theirs, in the order they joined.
 */

export interface WaitlistSlot {
  /** The slot's seats now (the day's desks; 0 while the counter is closed there). */
  seats: number;
  /** Seats taken: bookings and held offers. */
  taken: number;
  /** The active entries, in the order they joined. */
  entries: readonly ActiveWaitlistEntry[];
}

const waiting = (slot: WaitlistSlot) => slot.entries.filter((entry) => entry.state === 'waiting');

/** The seats the public may still book: the free ones that nobody in the queue is owed. */
export function publicSeatsLeft(slot: WaitlistSlot): number {
  return Math.max(0, slot.seats - slot.taken - waiting(slot).length);
}

/**
 * Offers whose time is up lapse (their seats come back), then each free seat goes to the next person
 * waiting, in the order they joined, at most `offersPossible` of them (0 when the slot is too close
 * to hold a seat for anyone: then the seats stay free for whoever books first).
 */
export function settleWaitlist(slot: WaitlistSlot, now: Date, offersPossible: number): WaitlistSettlement {
  const expire = lapsedOffers(slot.entries, now);
  let free = Math.max(0, slot.seats - (slot.taken - expire.length));
  const offer = offersInOrder(slot.entries, offersPossible, () => free-- > 0);
  return { expire, offer };
}

export type JoinRefusal = 'closed' | 'seats-free' | QueueRefusal;

/** Whether one more person may join the queue; `alreadyWaiting` when this contact is in it already. */
export function joinRefusal(slot: WaitlistSlot, alreadyWaiting: boolean, maxWaiting: number): JoinRefusal | null {
  if (slot.seats === 0) return 'closed';
  if (publicSeatsLeft(slot) > 0) return 'seats-free';
  return queueRefusal(slot.entries, alreadyWaiting, maxWaiting);
}

/**
 * Until when a seat freed now is held for the person it is offered to: the content's hold time, but
 * never past the slot's booking cut-off (a booking could not be made later either). Null when that
 * leaves less than MIN_HOLD_MINUTES: then nobody is offered the seat.
 */
export function offerHeldUntil(now: Date, slot: string, counter: Pick<CounterContent, 'waitlist' | 'closesMinutesBefore'>): Date | null {
  const cutOff = japanInstant(slot.slice(0, 10), (parseTime(slot.slice(11)) ?? 0) - counter.closesMinutesBefore).getTime();
  return heldUntil(now, counter.waitlist.holdMinutes, new Date(cutOff));
}

/** What the citizen reads when the queue says no, alike from the server and any other transport. */
export const WAITLIST_MESSAGES = {
  ...OFFER_MESSAGES,
  closed: 'この時間は、窓口がお休みです。ほかの時間を選んでください。',
  'seats-free': 'この時間には空きがあります。キャンセル待ちではなく、ふつうに予約してください。',
  'already-waiting': 'このメールアドレスで、この時間のキャンセル待ちに登録済みです。',
  'queue-full': 'この時間のキャンセル待ちは、いっぱいです。ほかの時間を選んでください。',
} as const;

/** What a waitlist entry looks like to the person who holds its link. */
export interface WaitlistOfferFacts {
  slot: string;
  kindName: string;
  counter: Pick<CounterContent, 'place' | 'counterName'>;
  heldUntil: Date;
  /** The page where the offer is accepted, with its secret in the fragment. */
  acceptUrl: string;
}

/** 「あきが出ました」: a seat is held; tap the link by this time to take it. Nothing personal in it. */
export function waitlistOfferMail(facts: WaitlistOfferFacts): { subject: string; body: string } {
  const [date, time] = [facts.slot.slice(0, 10), facts.slot.slice(11)];
  const until = formatJapanInstant(facts.heldUntil);
  return {
    subject: `【東金市】キャンセル待ちの ${formatShortJapaneseDate(date)} ${formatTime(parseTime(time) ?? 0)}に 空きが出ました`,
    body: [
      'キャンセル待ちをしていた時間に、空きが出ました。',
      `${until}まで、あなたのために席をとっておきます。`,
      '',
      `日にち　${formatJapaneseDate(date)}`,
      `時間　　${formatTime(parseTime(time) ?? 0)}から`,
      `場所　　${facts.counter.place}`,
      `　　　　${facts.counter.counterName}`,
      `用件　　${facts.kindName}`,
      '',
      '予約するときは、次のページを開いて',
      '「この時間で予約する」を押してください。',
      facts.acceptUrl,
      '',
      ...offerMailFooter(until),
    ].join('\n'),
  };
}

/**
 * `POST /api/v1/counter/waitlist`: the same details as a booking, so accepting an offer is one tap;
 * the e-mail address is required, as it is where the offer goes.
 */
export const newWaitlistEntrySchema = newCounterReservationSchema.extend({
  email: newCounterReservationSchema.shape.email.unwrap().refine((value) => value !== '', WAITLIST_MESSAGES.emailRequired),
});
export type NewWaitlistRequest = z.infer<typeof newWaitlistEntrySchema>;

/** The answer to joining: the slot, the place in line (1 = the first), and the secret of the entry's own page. */
export const waitlistJoinedSchema = z.strictObject({
  slot: z.strictObject({ date: z.string(), time: z.string() }),
  position: z.number().int().min(1),
  /** Secret: shown once, in the link to `/mynumber/waitlist/place#token=`; the server keeps a hash. */
  token: z.string(),
});
export type WaitlistJoined = z.infer<typeof waitlistJoinedSchema>;

/** An offer as the holder of its link sees it. Nothing personal: the link may have been forwarded. */
export const waitlistOfferSchema = z.strictObject({
  slot: z.strictObject({ date: z.string(), time: z.string() }),
  kindId: z.string(),
  people: z.number().int(),
  proxy: z.boolean(),
  state: offerStateSchema,
  /** ISO instant: the seat is held until then. */
  heldUntil: z.string(),
});
export type WaitlistOffer = z.infer<typeof waitlistOfferSchema>;
