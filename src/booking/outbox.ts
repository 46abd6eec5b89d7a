import type { CitizenMail } from '../domain/citizen-mail.ts';
import type { CounterContent } from '../domain/counter.ts';
import type { CounterMail, CounterMailFacts } from '../domain/counter-mail.ts';
import type { FacilitiesContent } from '../domain/facilities.ts';
import type { FacilityNoticeFacts } from '../domain/facility-mail.ts';
import type { CounterPushFacts, PushMessage } from '../domain/push-notification.ts';
import { MESSAGE_CHANNELS, type MailKind } from '../domain/undelivered-mail.ts';

/** What a message in the outbox is about. */
export type OutboxMessageKind = MailKind;

/** How a message reaches the citizen: a mail to their address, or a push to the phone they booked on. */
export const OUTBOX_CHANNELS = MESSAGE_CHANNELS;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

/**
 * A message written into the outbox in the same transaction as the booking change that causes it,
 * so a booking never exists without its reminder, nor a reminder without its booking. The server's
 * worker sends it later.
 */
export interface NewOutboxMessage {
  /** Unique; a mail's Message-ID is made from it, so every retry carries the same Message-ID. */
  key: string;
  kind: OutboxMessageKind;
  channel: OutboxChannel;
  /**
   * The e-mail address the citizen gave, or the push subscription (JSON) their phone gave: the only
   * personal thing in the outbox.
   */
  recipient: string;
  /** A mail's subject; a push's title. */
  subject: string;
  /** A mail's text; a push's whole message as the service worker receives it (JSON of PushMessage). */
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
  /** The page where a citizen finds their bookings again by code and phone number, as a full address. */
  bookingsUrl: string;
}

/** The counter's and the rooms' mails also link to the page of a キャンセル待ち offer. */
export interface WaitlistMailSettings extends MailSettings {
  /** The page where a キャンセル待ち offer is accepted or declined, as a full address (its secret goes after #token=). */
  waitlistOfferUrl: string;
}
export type CounterMailSettings = WaitlistMailSettings;

/** Web Push is offered; null where it is not (no VAPID keys configured, the practice mode). */
export interface PushSettings {
  /** The server's VAPID public key, which the phone subscribes to (base64url). */
  publicKey: string;
  /** The push services a subscription may name (src/domain/push-service-hosts.ts); the browser is told them too. */
  serviceHosts: readonly string[];
}

/** The ways the city may tell citizens about their bookings, as configured. */
export interface NotificationSettings {
  mail: CounterMailSettings | null;
  push: PushSettings | null;
}

/** Where the citizen asked to be told: the address and the phone's subscription (JSON) given at booking. */
export interface BookingContact {
  email: string | null;
  pushSubscription: string | null;
}

export function outboxMessage(kind: OutboxMessageKind, mail: CitizenMail, recipient: string, dueAt: Date): NewOutboxMessage {
  // Web Crypto's random UUID: unguessable and unique without asking the database.
  return { key: crypto.randomUUID(), kind, channel: 'email', recipient, subject: mail.subject, body: mail.body, dueAt: dueAt.toISOString() };
}

export function pushOutboxMessage(kind: OutboxMessageKind, push: PushMessage, subscription: string, dueAt: Date): NewOutboxMessage {
  return {
    key: crypto.randomUUID(),
    kind,
    channel: 'push',
    recipient: subscription,
    subject: push.title,
    body: JSON.stringify(push),
    dueAt: dueAt.toISOString(),
  };
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

/** The texts of one event about a counter booking, for each channel. */
export interface CounterNoticeTexts {
  mail: (facts: CounterMailFacts) => CounterMail;
  push: (facts: CounterPushFacts) => PushMessage;
}

/**
 * One message per channel the citizen chose at booking and the city offers, all due at `dueAt`:
 * none when they chose none, or when the booking's kind has left the content.
 */
export function counterNotices(
  counter: CounterContent,
  settings: NotificationSettings,
  booking: { code: string; slot: string; kindId: string; proxy: boolean } & BookingContact,
  kind: OutboxMessageKind,
  texts: CounterNoticeTexts,
  dueAt: Date,
): NewOutboxMessage[] {
  const visitKind = counter.visitKinds.find((candidate) => candidate.id === booking.kindId);
  if (!visitKind) return [];
  const facts: CounterPushFacts = { code: booking.code, slot: booking.slot, kind: visitKind, proxy: booking.proxy, counter };
  const messages: NewOutboxMessage[] = [];
  if (settings.mail && booking.email)
    messages.push(outboxMessage(kind, texts.mail({ ...facts, bookingsUrl: settings.mail.bookingsUrl }), booking.email, dueAt));
  if (settings.push && booking.pushSubscription) messages.push(pushOutboxMessage(kind, texts.push(facts), booking.pushSubscription, dueAt));
  return messages;
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
