import type { CounterMail } from '../domain/counter-mail.ts';

/** What a message in the outbox is about. */
export type OutboxMessageKind = 'reminder' | 'city-cancellation';

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
}

export function outboxMessage(kind: OutboxMessageKind, mail: CounterMail, recipient: string, dueAt: Date): NewOutboxMessage {
  // Web Crypto's random UUID: unguessable and unique without asking the database.
  return { key: crypto.randomUUID(), kind, recipient, subject: mail.subject, body: mail.body, dueAt: dueAt.toISOString() };
}
