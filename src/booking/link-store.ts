/**
 * The management links of a booking: one per device it is open on, each with its own token (only
 * the token's hash is stored). Made with the booking (by the booking's own transaction) and by a
 * look-up by code + phone; never more than MAX_LINKS_PER_BOOKING.
 */
export type BookingKind = 'counter' | 'facility';

export interface BookingLink {
  id: number;
  openedBy: 'booking' | 'lookup';
  /** ISO instant. */
  createdAt: string;
}

/** Enough for a phone, a tablet and a family member's phone; a look-up beyond closes the oldest found. */
export const MAX_LINKS_PER_BOOKING = 5;

export interface LinkStore {
  /** The link a token hash opens, or null. */
  find(kind: BookingKind, code: string, tokenHash: string): Promise<BookingLink | null>;
  list(kind: BookingKind, code: string): Promise<BookingLink[]>;
  /** Adds a link found by code + phone; past the limit, the oldest such link is closed. */
  addFoundLink(kind: BookingKind, code: string, tokenHash: string, now: string): Promise<void>;
  /** Closes every link of the booking but one; returns how many were closed. */
  closeOthers(kind: BookingKind, code: string, keepId: number): Promise<number>;
}
