import { z } from 'zod';
import { emailSchema } from './citizen-fields.ts';
import { blockText, type Facility, type Room } from './facilities.ts';
import { newFacilityBookingSchema } from './facility-booking.ts';
import { bookingClosesOn } from './facility-rules.ts';
import { addDays, formatJapaneseDate, formatShortJapaneseDate, type IsoDate, japanInstant } from './japan-time.ts';
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
 * キャンセル待ち for blocks of a room that someone else booked: the queue's rules, pure (the order,
 * lapse and hold time are waitlist-queue.ts's, shared with the counter). A queue is one room on one
 * day; each entry waits for the segments of the blocks it chose (blockSegments), all of them.
 *
 * A segment is free, or taken: by a booking, by the desk's block for the city's own use, or by an
 * offer held for someone in the queue. The hold is a row of facility_booked_segments like a booking,
 * so the table's key (SQLite) or exclusion constraint (PostgreSQL) keeps a hold and a booking apart
 * whatever the timing; accepting turns the held rows into the booking's.
 */

export interface RoomQueueEntry extends ActiveWaitlistEntry {
  /** The segments the entry waits for, as 'HH:MM'. */
  segments: readonly string[];
}

export interface RoomQueueDay {
  /** Segments taken now: bookings, the city's blocks and held offers ('HH:MM'). */
  taken: ReadonlySet<string>;
  /** The active entries, in the order they joined. */
  entries: readonly RoomQueueEntry[];
}

/**
 * Offers whose time is up lapse (their segments come free), then, in the order people joined, each
 * one waiting whose segments are all free gets an offer. Whoever is earlier in line keeps the
 * segments they wait for from those behind them, even while they cannot be offered yet: the first
 * in line is never overtaken for a segment they want. At most `offersPossible` offers.
 */
export function settleRoomQueue(day: RoomQueueDay, now: Date, offersPossible: number): WaitlistSettlement {
  const expire = lapsedOffers(day.entries, now);
  const heldByLapsed = new Set(day.entries.filter((entry) => expire.includes(entry.id)).flatMap((entry) => entry.segments));
  const claimed = new Set([...day.taken].filter((segment) => !heldByLapsed.has(segment)));
  const offer = offersInOrder(day.entries, offersPossible, (entry) => {
    const free = entry.segments.every((segment) => !claimed.has(segment));
    for (const segment of entry.segments) claimed.add(segment);
    return free;
  });
  return { expire, offer };
}

export type RoomJoinRefusal = 'blocks-free' | 'city-use' | QueueRefusal;

/**
 * Whether one more person may join the day's queue for `segments`: not when they are all free (book
 * them), nor when the city holds any (its own use does not free), nor twice, nor past the limit.
 */
export function roomJoinRefusal(
  day: RoomQueueDay & { cityHeld: ReadonlySet<string> },
  segments: readonly string[],
  alreadyWaiting: boolean,
  maxWaiting: number,
): RoomJoinRefusal | null {
  if (segments.some((segment) => day.cityHeld.has(segment))) return 'city-use';
  if (segments.every((segment) => !day.taken.has(segment))) return 'blocks-free';
  return queueRefusal(day.entries, alreadyWaiting, maxWaiting);
}

/**
 * Until when blocks freed now are held for the person they are offered to: the content's hold time,
 * never past the end of the room's last booking day for `date` (nor the day itself). Null when that
 * leaves too little time: then nobody is offered them, and they are free for whoever books.
 */
export function roomOfferHeldUntil(now: Date, date: IsoDate, room: Pick<Room, 'window'>, holdMinutes: number): Date | null {
  const closesOn = bookingClosesOn(date, room.window);
  const cutOff = japanInstant(addDays(closesOn, 1) < date ? addDays(closesOn, 1) : date, 0);
  return heldUntil(now, holdMinutes, cutOff);
}

/** What the citizen reads when the room's queue says no. */
export const ROOM_WAITLIST_MESSAGES = {
  ...OFFER_MESSAGES,
  oneDay: 'キャンセル待ちは、1日ずつ登録してください。',
  'blocks-free': '選んだ時間は空いています。キャンセル待ちではなく、ふつうに予約してください。',
  'city-use': '選んだ時間には、市が使うため予約できない時間があります。キャンセル待ちはできません。',
  'already-waiting': 'このメールアドレスで、この日のキャンセル待ちに登録済みです。',
  'queue-full': 'この部屋のこの日のキャンセル待ちは、いっぱいです。ほかの日を選んでください。',
} as const;

/** What a room offer's mail says: the room, the day, the blocks, until when they are held. */
export interface RoomOfferFacts {
  facility: Facility;
  room: Room;
  date: IsoDate;
  blockIds: readonly string[];
  heldUntil: Date;
  /** The page where the offer is accepted, with its secret in the fragment. */
  acceptUrl: string;
}

/** 「空きが出ました」 for a room: the blocks are held; tap the link by this time to take them. Nothing personal in it. */
export function roomOfferMail(facts: RoomOfferFacts): { subject: string; body: string } {
  const until = formatJapanInstant(facts.heldUntil);
  const blocks = facts.facility.blocks.filter((block) => facts.blockIds.includes(block.id)).map(blockText);
  return {
    subject: `【東金市】キャンセル待ちの ${formatShortJapaneseDate(facts.date)} ${facts.facility.name}に 空きが出ました`,
    body: [
      'キャンセル待ちをしていた部屋の時間に、空きが出ました。',
      `${until}まで、あなたのためにとっておきます。`,
      '',
      `施設　　${facts.facility.name} ${facts.room.name}`,
      `日にち　${formatJapaneseDate(facts.date)}`,
      `時間　　${blocks.join('、')}`,
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
 * `POST /api/v1/facilities/waitlist`: the same details as a booking of one day, so accepting an offer
 * is one tap; the e-mail address is required, as it is where the offer goes.
 */
export const newRoomWaitlistEntrySchema = newFacilityBookingSchema.extend({
  dates: newFacilityBookingSchema.shape.dates.max(1, ROOM_WAITLIST_MESSAGES.oneDay),
  email: emailSchema.refine((value) => value !== '', ROOM_WAITLIST_MESSAGES.emailRequired),
});
export type NewRoomWaitlistRequest = z.infer<typeof newRoomWaitlistEntrySchema>;

/** The answer to joining: the room, the day, the blocks, and the place in line (1 = the first). */
export const roomWaitlistJoinedSchema = z.strictObject({
  facilityId: z.string(),
  roomId: z.string(),
  date: z.string(),
  blockIds: z.array(z.string()),
  position: z.number().int().min(1),
});
export type RoomWaitlistJoined = z.infer<typeof roomWaitlistJoinedSchema>;

/** An offer as the holder of its link sees it. Nothing personal: the link may have been forwarded. */
export const roomWaitlistOfferSchema = z.strictObject({
  facilityId: z.string(),
  roomId: z.string(),
  date: z.string(),
  blockIds: z.array(z.string()),
  headCount: z.number().int(),
  state: offerStateSchema,
  /** ISO instant: the blocks are held until then. */
  heldUntil: z.string(),
});
export type RoomWaitlistOffer = z.infer<typeof roomWaitlistOfferSchema>;
