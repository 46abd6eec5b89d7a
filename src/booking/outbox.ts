import type { CitizenMail } from '../domain/citizen-mail.ts';
import type { CounterContent } from '../domain/counter.ts';
import type { CounterMailFacts } from '../domain/counter-mail.ts';
import type { FacilitiesContent } from '../domain/facilities.ts';
import type { FacilityNoticeFacts } from '../domain/facility-mail.ts';
import type { MailKind } from '../domain/undelivered-mail.ts';

/** What a message in the outbox is about. */
export type OutboxMessageKind = MailKind;

/**
 * A mail written into the outbox in the same transaction as the booking change that causes it, so
 * a booking never exists without its reminder, nor a reminder without its booking. The server's
 * mail worker sends it later.
 */
export interface NewOutboxMessage {
  /** Unique; the mail's Message-ID is made from it, so every retry carries the same Message-ID. */
  key: string;
  kind: OutboxMessageKind;
  /** The e-mail address the citizen gave: the only personal thing in the outbox. */
  recipient: string;
  subject: string;
  body: string;
  /** ISO instant: not sent before it. */
  dueAt: string;
}

/**
 * The mails about a facility booking that a later change of the booking makes wrong: written ahead
 * for a day, they are removed (while unsent) or written anew in the transaction of that change.
 */
export const FACILITY_SCHEDULED_MAILS = ['facility-reminder', 'facility-deadline'] as const satisfies readonly MailKind[];

/** How the booking engine writes mails; null where none are sent (no SMTP configured, the practice mode). */
export interface MailSettings {
  /**
   * The page where a citizen finds their bookings again, as a full address: the counter's, by code
   * and phone number; the facilities', those made on the phone.
   */
  bookingsUrl: string;
}

export function outboxMessage(kind: OutboxMessageKind, mail: CitizenMail, recipient: string, dueAt: Date): NewOutboxMessage {
  // Web Crypto's random UUID: unguessable and unique without asking the database.
  return { key: crypto.randomUUID(), kind, recipient, subject: mail.subject, body: mail.body, dueAt: dueAt.toISOString() };
}

/** What a mail about a counter booking says; null when the booking's kind has left the content (no mail then). */
export function counterMailFacts(
  counter: CounterContent,
  mail: MailSettings,
  booking: { code: string; slot: string; kindId: string; proxy: boolean },
): CounterMailFacts | null {
  const kind = counter.visitKinds.find((candidate) => candidate.id === booking.kindId);
  return kind ? { code: booking.code, slot: booking.slot, kind, proxy: booking.proxy, counter, bookingsUrl: mail.bookingsUrl } : null;
}

/** What a mail about a facility booking says; null when its facility or room has left the content (no mail then). */
export function facilityMailFacts(
  content: FacilitiesContent,
  mail: MailSettings,
  booking: { code: string; facilityId: string; roomId: string; dates: readonly string[]; blockIds: readonly string[] },
): FacilityNoticeFacts | null {
  const facility = content.facilities.find((candidate) => candidate.id === booking.facilityId);
  const room = facility?.rooms.find((candidate) => candidate.id === booking.roomId);
  return facility && room ? { code: booking.code, facility, room, dates: booking.dates, blockIds: booking.blockIds, bookingsUrl: mail.bookingsUrl } : null;
}
