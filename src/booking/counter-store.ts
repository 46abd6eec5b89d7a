import type { IdempotencyRequest, IdempotentOutcome } from './idempotency.ts';
import type { NewOutboxMessage } from './outbox.ts';

/** A counter booking as stored. Personal fields are null once the retention job has run. */
export interface StoredCounterReservation {
  code: string;
  kindId: string;
  /** 'YYYY-MM-DDTHH:MM', Japan time. */
  slot: string;
  people: number;
  proxy: boolean;
  status: 'booked' | 'cancelled';
  nameKana: string | null;
  phone: string | null;
  email: string | null;
  /** The push subscription (JSON) of the phone it was booked on, when the citizen asked for pushes; never shown to staff. */
  pushSubscription: string | null;
  /** Why the city cancelled it (a clerk at the desk, who must give a reason), or null. */
  cityCancellationReason: string | null;
  /**
   * The slot the desk moved the booking from, while it is still where the desk put it; otherwise
   * null. Absent where the city never moves bookings (the practice mode).
   */
  cityMovedFrom?: string | null;
}

export interface NewCounterBooking {
  code: string;
  /** The hash of the first management link's token, stored with the booking in one transaction. */
  tokenHash: string;
  kindId: string;
  slot: string;
  capacity: number;
  people: number;
  proxy: boolean;
  nameKana: string;
  phone: string;
  email: string | null;
  pushSubscription: string | null;
  /** The reminders (a mail, a push), written with the booking; none when none is due (no contact given, booked too late). */
  reminders: NewOutboxMessage[];
  now: string;
}

export interface SlotSeats {
  booked: number;
  /** 0 while the counter is closed there. */
  capacity: number;
  dayDesks?: number;
  /** Why the city closed the slot (the closure's reason), for the citizen's calendar. */
  closedFor?: string;
  /**
   * People in the slot's キャンセル待ち not yet offered a seat: free seats are theirs, not the
   * public's. (`booked` counts the seats held for offers.) Absent where there is no queue.
   */
  waiting?: number;
}

/**
 * A slot's row as the stores read it: with the day's desks (null where the content's apply) and the
 * reason of the closure that covers it (null where none does).
 */
export function slotSeats(row: { booked: number; capacity: number; day_desks: number | null; closed_for: string | null; waiting?: number }): SlotSeats {
  return {
    booked: row.booked,
    capacity: row.capacity,
    ...(row.waiting ? { waiting: row.waiting } : {}),
    ...(row.day_desks === null ? {} : { dayDesks: row.day_desks }),
    ...(row.closed_for === null ? {} : { closedFor: row.closed_for }),
  };
}

/** A clerk's move of a booking (see CounterStore.move). */
export interface CityMove {
  accountId: number;
  /** The city's notices of the move, one per channel the citizen chose. */
  notices: NewOutboxMessage[];
}

export type BookOutcome = 'booked' | 'full' | 'code-taken';

/**
 * Why a move or a cancel left the booking as it was: it is no longer booked, or the desk has
 * recorded the visit (来庁済み or 来なかった), which happened (or not) at its time and stays there.
 */
export type UnchangedBooking = 'not-booked' | 'visit-recorded';

export interface CounterStore {
  /**
   * Bookings held per slot between two days (inclusive), keyed by slot; `dayDesks` where the
   * administrator set the desks of that day (then they, not the content's desksPerSlot, are the
   * slot's seats). The practice mode has no such days.
   */
  bookedSeats(fromDate: string, toDate: string): Promise<Map<string, SlotSeats>>;
  /**
   * Books one seat in one transaction: the capacity check, the insert, and the idempotency record.
   * `answer` builds the response stored for replays.
   */
  book(booking: NewCounterBooking, idempotency: IdempotencyRequest | null, answer: () => string): Promise<IdempotentOutcome<BookOutcome>>;
  find(code: string): Promise<StoredCounterReservation | null>;
  /**
   * Moves a booking to another slot atomically: the new seat is taken before the old one is freed.
   * `capacity` is the content's desks, for a day whose desks the administrator did not set (as in `book`).
   * The unsent reminders for the old time are removed and `reminders` (for the new time) written instead.
   * `byCity` when a clerk moved it: the move is recorded for the citizen's page and its `notices` (the
   * city's messages about it) written, in the same transaction; without it, a record of an earlier
   * move by the city goes (the citizen changed the booking themselves).
   */
  move(
    code: string,
    slot: string,
    capacity: number,
    now: string,
    reminders: NewOutboxMessage[],
    byCity?: CityMove,
  ): Promise<'moved' | 'full' | UnchangedBooking>;
  /** Cancels and frees the seat; the unsent reminders are removed, and `notices` (the city's cancellation) written. */
  cancel(code: string, now: string, notices: NewOutboxMessage[]): Promise<'cancelled' | UnchangedBooking>;
  /**
   * Gives every slot from `fromSlot` on the content's capacity, but for the days whose desks the
   * administrator set (they keep theirs). Refused (nothing changes) when a slot
   * already holds more bookings than that: the slots are returned, so the server can name them.
   */
  applyCapacity(fromSlot: string, capacity: number): Promise<{ slot: string; booked: number }[]>;
  /**
   * Deletes names, phones, e-mails and push subscriptions of visits on or before the date, and
   * their messages in the outbox (which hold the address or the subscription); returns how many bookings.
   */
  deletePersonalDataUpTo(visitDate: string, now: string): Promise<number>;
}
