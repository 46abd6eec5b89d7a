import { z } from 'zod';
import type { StaffArea } from './staff-roles.ts';

/** What a mail in the outbox is about; each is written by the booking change that causes it. */
export const MAIL_KINDS = [
  'reminder',
  'city-cancellation',
  'city-move',
  'facility-declined',
  'waitlist-offer',
  'facility-reminder',
  'facility-deadline',
  'room-waitlist-offer',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** The mails as a clerk names them. */
export const MAIL_KIND_NAMES: Record<MailKind, string> = {
  reminder: '前日のお知らせ',
  'city-cancellation': '市役所が取り消したお知らせ',
  'city-move': '市役所が日時を変えたお知らせ',
  'facility-declined': '施設が仮予約を断ったお知らせ',
  'waitlist-offer': 'キャンセル待ちの空きのお知らせ',
  'facility-reminder': '施設の前日のお知らせ',
  'facility-deadline': '仮予約の申し込み期限のお知らせ',
  'room-waitlist-offer': '部屋のキャンセル待ちの空きのお知らせ',
};

/** The desk that phones the citizen when a mail of this kind could not be delivered. */
export const MAIL_DESKS: Record<MailKind, StaffArea> = {
  reminder: 'counter-desk',
  'city-cancellation': 'counter-desk',
  'city-move': 'counter-desk',
  'facility-declined': 'facility-desk',
  'waitlist-offer': 'counter-desk',
  'facility-reminder': 'facility-desk',
  'facility-deadline': 'facility-desk',
  'room-waitlist-offer': 'facility-desk',
};

/** How a message went: by e-mail, or as a push to the phone the citizen booked on. */
export const MESSAGE_CHANNELS = ['email', 'push'] as const;
export const MESSAGE_CHANNEL_NAMES: Record<(typeof MESSAGE_CHANNELS)[number], string> = { email: 'メール', push: '携帯電話へのお知らせ' };

/** A message the worker gave up on, as the staff see it: no address or subscription and no text, only what to do. */
export const undeliveredMailSchema = z.strictObject({
  bookingCode: z.string(),
  kind: z.enum(MAIL_KINDS),
  channel: z.enum(MESSAGE_CHANNELS),
  /** ISO instants. */
  dueAt: z.string(),
  failedAt: z.string(),
  attempts: z.number().int(),
  /** The mail server's last answer, with any address in it hidden; null when there was none. */
  problem: z.string().nullable(),
});
export type UndeliveredMail = z.infer<typeof undeliveredMailSchema>;

/** At most this many are listed: the newest first; more than a day's worth means the mail server is down. */
export const UNDELIVERED_MAIL_LIMIT = 100;

const MAX_PROBLEM_LENGTH = 200;

/**
 * A mail server's answer often repeats the recipient ("550 <taro@example.jp>: unknown user"). The
 * staff screen shows the least personal data, so addresses are hidden and the text is cut short.
 */
export function withoutAddresses(problem: string | null): string | null {
  if (problem === null) return null;
  // Whatever runs up to an @ and on from it, brackets and all: an address's own characters vary too much to list.
  const hidden = problem.replace(/\S*@\S*/g, '（宛先）');
  return hidden.length > MAX_PROBLEM_LENGTH ? `${hidden.slice(0, MAX_PROBLEM_LENGTH)}…` : hidden;
}
