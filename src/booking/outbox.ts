import type { CounterContent } from '../domain/counter.ts';
import type { CounterMail, CounterMailFacts } from '../domain/counter-mail.ts';
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

/** How the booking engine writes mails; null where none are sent (no SMTP configured, the practice mode). */
export interface MailSettings {
  /** The page where a citizen finds a booking by its code and phone number, as a full address. */
  bookingsUrl: string;
  /** The page where a キャンセル待ち offer is accepted or declined, as a full address (its secret goes after #token=). */
  waitlistOfferUrl: string;
}

export function outboxMessage(kind: OutboxMessageKind, mail: CounterMail, recipient: string, dueAt: Date): NewOutboxMessage {
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
