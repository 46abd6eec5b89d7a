import type { GroupType, Residency } from '../domain/facilities.ts';
import type { RoomJoinRefusal } from '../domain/room-waitlist.ts';
import type { AcceptRefusal } from '../domain/waitlist-queue.ts';
import type { IdempotencyRequest, IdempotentOutcome } from './idempotency.ts';
import type { NewOutboxMessage } from './outbox.ts';
import type { PreparedOffer } from './waitlist-offers.ts';

/**
 * キャンセル待ち for a room's blocks, as stored (rules: src/domain/room-waitlist.ts). Every method
 * that changes a room day's queue runs in one transaction that no booking of the room can interleave
 * with (SQLite: BEGIN IMMEDIATE; PostgreSQL: the room's lock, which bookings take too), and a held
 * offer is rows of facility_booked_segments, so the table keeps a hold and a booking apart.
 */

/** One room on one day: what a queue is for. */
export interface RoomDay {
  facilityId: string;
  roomId: string;
  date: string;
}

export interface NewRoomWaitlistEntry extends RoomDay {
  blockIds: string[];
  /** The segments of those blocks ('HH:MM'), as the booking engine cuts them. */
  segments: string[];
  residency: Residency;
  group: GroupType;
  headCount: number;
  purpose: string;
  groupName: string;
  nameKana: string;
  phone: string;
  /** Where an offer goes. */
  email: string;
  maxWaiting: number;
  now: string;
}

export type RoomJoinOutcome = { joined: true; position: number } | { joined: false; refusal: RoomJoinRefusal };

/** What an offer's mail needs to know of the entry it goes to. */
export interface RoomOfferedEntry extends RoomDay {
  id: number;
  blockIds: string[];
  email: string;
}

export interface StoredRoomWaitlistEntry extends RoomDay {
  id: number;
  blockIds: string[];
  residency: Residency;
  group: GroupType;
  headCount: number;
  state: 'waiting' | 'offered' | 'accepted' | 'declined' | 'expired';
  heldUntil: string | null;
  /** Personal: null once the retention job has run. */
  purpose: string | null;
  groupName: string | null;
  nameKana: string | null;
  phone: string | null;
  email: string | null;
  bookingCode: string | null;
}

/** The booking an accepted offer becomes: the segments are the ones already held. */
export interface AcceptedRoomBooking {
  code: string;
  /** The hash of the booking's first management link's token. */
  tokenHash: string;
  fee: number;
  status: 'booked' | 'provisional';
  provisionalUntil: string | null;
  applyBy: string | null;
  /** The mails written ahead with the booking (its reminder, or a 仮予約's deadline notice). */
  mails: NewOutboxMessage[];
  now: string;
}

export type RoomAcceptOutcome = 'booked' | 'code-taken' | 'not-found' | AcceptRefusal;

export interface RoomWaitlistStore {
  /** Joins the room day's queue, or says why not (the blocks are free, the city uses one, this contact waits already …). */
  join(entry: NewRoomWaitlistEntry): Promise<RoomJoinOutcome>;
  /**
   * Settles one room day's queue (settleRoomQueue): 仮予約 past their deadline are released, lapsed
   * offers free their segments, and those waiting whose segments are all free get an offer, in order,
   * at most one per prepared offer, each held as segment rows with its mail written into the outbox in
   * the same transaction. Returns how many offers were made.
   */
  settle(day: RoomDay, now: string, offers: PreparedOffer<RoomOfferedEntry>[]): Promise<number>;
  /** Room days from `fromDate` on whose queue has anyone in it (waiting, or holding an offer). */
  daysWithQueue(fromDate: string): Promise<RoomDay[]>;
  findByOfferToken(tokenHash: string): Promise<StoredRoomWaitlistEntry | null>;
  /** Turns a held offer into a booking, in one transaction, with the idempotency record (as `book`). */
  accept(
    tokenHash: string,
    booking: AcceptedRoomBooking,
    idempotency: IdempotencyRequest | null,
    answer: () => string,
  ): Promise<IdempotentOutcome<RoomAcceptOutcome>>;
  /** Frees a held offer's segments (the engine then settles the day: they go to the next in line). */
  decline(tokenHash: string, now: string): Promise<'declined' | 'not-found' | AcceptRefusal>;
  /** Deletes names, phones, addresses, group names and purposes of entries for days on or before the date, with their mails. */
  deletePersonalDataUpTo(lastDate: string, now: string): Promise<number>;
}
