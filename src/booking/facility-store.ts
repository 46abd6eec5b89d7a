import type { FacilityBooking } from '../domain/facility-booking.ts';
import type { IdempotencyRequest, IdempotentOutcome } from './idempotency.ts';
import type { NewOutboxMessage } from './outbox.ts';

/** The fields the retention job empties: they are null in a stored booking once it has run. */
type PersonalField = 'purpose' | 'groupName' | 'nameKana' | 'phone' | 'email';

/**
 * A facility booking as stored: the booking the API returns, but with the personal fields nullable,
 * no cancellation deadline (computed from the facility's rules when answering) and the instant a
 * provisional booking is released at.
 */
export type StoredFacilityBooking = Omit<FacilityBooking, PersonalField | 'cancelUntil' | 'cityCancellationReason'> & {
  [Field in PersonalField]: string | null;
} & {
  /** ISO instant a provisional booking is released at. */
  provisionalUntil: string | null;
  /** The facility desk's reason, when it declined the 仮予約; stores without a staff side never set it. */
  cityCancellationReason?: string | null;
};

/** One segment of one day of one room: what two bookings may never share. */
export interface BookedSegment {
  date: string;
  segment: string;
}

export type NewFacilityBookingRow = Omit<StoredFacilityBooking, 'purpose' | 'groupName' | 'nameKana' | 'phone'> & {
  purpose: string;
  groupName: string;
  nameKana: string;
  phone: string;
  segments: BookedSegment[];
  /** The hash of the first management link's token, stored with the booking in one transaction. */
  tokenHash: string;
  /**
   * The mails written ahead with the booking (its reminder, or a 仮予約's deadline notice); empty
   * when none is due (no address, no mail server, booked too late).
   */
  mails: NewOutboxMessage[];
  now: string;
};

export interface FacilityStore {
  /** Segments held between two days (inclusive) for a room, as 'YYYY-MM-DDTHH:MM'; expired 仮予約 do not count. */
  heldSegments(facilityId: string, roomId: string, fromDate: string, toDate: string, now: string): Promise<Set<string>>;
  /**
   * Books every segment or none, in one transaction with the idempotency record: 'taken' when any
   * segment is already held. Expired provisional bookings are released first, so their blocks are free.
   */
  book(
    booking: NewFacilityBookingRow,
    idempotency: IdempotencyRequest | null,
    answer: () => string,
  ): Promise<IdempotentOutcome<'booked' | 'taken' | 'code-taken'>>;
  find(code: string): Promise<StoredFacilityBooking | null>;
  /**
   * Moves a booking to other days or blocks atomically: the old segments are kept if the new ones are
   * taken. The unsent mails written ahead for the old days (FACILITY_SCHEDULED_MAILS) are removed and
   * `mails` (for the new days) written instead, in the same transaction.
   */
  move(
    code: string,
    change: { dates: string[]; blockIds: string[]; segments: BookedSegment[]; fee: number },
    now: string,
    mails: NewOutboxMessage[],
  ): Promise<'moved' | 'taken' | 'not-active'>;
  /** Cancels and frees the segments; the unsent mails written ahead are removed. */
  cancel(code: string, now: string): Promise<'cancelled' | 'not-active'>;
  /**
   * Staff confirmation of a provisional booking after the in-person application: its unsent deadline
   * notice is removed and `reminder` (the booking's, now that it is one) written, in the same transaction.
   */
  confirm(code: string, now: string, reminder: NewOutboxMessage | null): Promise<'confirmed' | 'not-provisional'>;
  /** Releases provisional bookings whose deadline has passed, with their unsent mails; returns how many. */
  releaseExpired(now: string): Promise<number>;
  /** Deletes names, phones, e-mails, group names and purposes of bookings whose last day is on or before the date. */
  deletePersonalDataUpTo(lastDate: string, now: string): Promise<number>;
}
