import type { JoinRefusal } from '../domain/counter-waitlist.ts';
import type { AcceptRefusal, ActiveWaitlistEntry } from '../domain/waitlist-queue.ts';
import type { IdempotencyRequest, IdempotentOutcome } from './idempotency.ts';
import type { NewOutboxMessage } from './outbox.ts';
import type { PreparedOffer as GenericPreparedOffer } from './waitlist-offers.ts';

/**
 * キャンセル待ち as stored (rules: src/domain/counter-waitlist.ts). Every method that changes a
 * slot's queue runs in one transaction with the slot's seats locked, as a booking does, so holds,
 * bookings and the queue of one slot never change side by side.
 */

export interface NewWaitlistEntry {
  /** 'YYYY-MM-DDTHH:MM', Japan time. */
  slot: string;
  /** The content's desks, for a day whose desks the administrator did not set. */
  capacity: number;
  kindId: string;
  people: number;
  proxy: boolean;
  nameKana: string;
  phone: string;
  /** The contact an offer goes to: the only channel so far (a push subscription would be another column). */
  email: string;
  /** The hash of the secret of the entry's own page (its place in line, leaving); replaced by the offer's when one is made. */
  tokenHash: string;
  maxWaiting: number;
  now: string;
}

export type JoinOutcome = { joined: true; position: number } | { joined: false; refusal: JoinRefusal };

/** What an offer's mail needs to know of the entry it goes to. */
export interface OfferedEntry {
  id: number;
  slot: string;
  kindId: string;
  email: string;
}

/** One offer the engine has ready for a seat. */
export type PreparedOffer = GenericPreparedOffer<OfferedEntry>;

export interface StoredWaitlistEntry {
  id: number;
  slot: string;
  kindId: string;
  people: number;
  proxy: boolean;
  state: 'waiting' | 'offered' | 'accepted' | 'declined' | 'expired';
  heldUntil: string | null;
  /** Personal: null once the retention job has run. */
  nameKana: string | null;
  phone: string | null;
  email: string | null;
  bookingCode: string | null;
}

/** The booking an accepted offer becomes (the seat is the one already held). */
export interface AcceptedBooking {
  code: string;
  /** The hash of the booking's first management link's token. */
  tokenHash: string;
  reminder: NewOutboxMessage | null;
  now: string;
}

export type AcceptOutcome = 'booked' | 'code-taken' | 'not-found' | AcceptRefusal;

export interface CounterWaitlistStore {
  /** Joins the slot's queue, or says why not (the slot has seats for the public, this contact waits already …). */
  join(entry: NewWaitlistEntry): Promise<JoinOutcome>;
  /**
   * Settles one slot's queue (settleWaitlist): lapsed offers give their seats back, and free seats go
   * to those waiting, in order, at most one per prepared offer, each offer's mail written into the
   * outbox in the same transaction. Returns how many offers were made.
   */
  settle(slot: string, capacity: number, now: string, offers: PreparedOffer[]): Promise<number>;
  /** Slots from `fromSlot` on whose queue has anyone in it (waiting, or holding an offer). */
  slotsWithQueue(fromSlot: string): Promise<string[]>;
  findByOfferToken(tokenHash: string): Promise<StoredWaitlistEntry | null>;
  /** The entry whose link has this secret, with its slot's queue in joining order (for its place in line). */
  findWithQueue(tokenHash: string): Promise<{ entry: StoredWaitlistEntry; queue: ActiveWaitlistEntry[] } | null>;
  /**
   * Leaves the queue: the entry still waiting with this link's secret is deleted, with its contact
   * data (it holds no seat and has no mail). Returns its slot, or null when no waiting entry has it.
   */
  leave(tokenHash: string): Promise<{ slot: string } | null>;
  /** Turns a held offer into a booking, in one transaction, with the idempotency record (as `book`). */
  accept(tokenHash: string, booking: AcceptedBooking, idempotency: IdempotencyRequest | null, answer: () => string): Promise<IdempotentOutcome<AcceptOutcome>>;
  /** Gives a held offer's seat back (the engine then settles the slot: it goes to the next in line). */
  decline(tokenHash: string, now: string): Promise<'declined' | 'not-found' | AcceptRefusal>;
  /** Deletes names, phones and addresses of entries for slots on or before the date, with their mails. */
  deletePersonalDataUpTo(visitDate: string, now: string): Promise<number>;
}
