import { z } from 'zod';
import { formatReservationCode } from './citizen-fields.ts';
import type { CounterMailFacts } from './counter-mail.ts';
import { formatShortJapaneseDate, formatTime, parseTime } from './japan-time.ts';
import { bookingPagePath } from './management-links.ts';
import { isPushEndpointShape, MAX_PUSH_ENDPOINT_LENGTH } from './push-service-hosts.ts';

/**
 * Web Push to the phone a citizen booked on: the subscription the browser hands over, and what a
 * notification about a MyNumber counter booking says on the lock screen. Pure: the browser checks
 * the subscription with these schemas before sending, the server again on the booking request, and
 * the outbox stores what the message functions return.
 */

/** Tells the citizen what to do: the booking goes through without the notifications. */
export const PUSH_SUBSCRIPTION_REFUSED = 'この携帯電話へのお知らせを登録できませんでした。「この携帯電話にお知らせを表示する」を外して、予約してください。';

/** Bytes of the subscription's keys (RFC 8291): an uncompressed P-256 point, and a 16-byte secret. */
const P256DH_BYTES = 65;
const AUTH_BYTES = 16;

const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * The bytes of base64url text without padding (as browsers write a subscription's keys), or null
 * when it is not canonical base64url: a stray character, an impossible length, or unused bits set
 * (so each byte string has exactly one spelling, and the lengths below are exact).
 */
export function base64UrlBytes(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of text) {
    const value = BASE64URL_ALPHABET.indexOf(char);
    if (value < 0) return null;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (buffer >> bits) & 0xff;
    }
    buffer &= (1 << bits) - 1;
  }
  return buffer === 0 ? bytes : null;
}

function keyOf(length: number, check: (bytes: Uint8Array) => boolean = () => true) {
  return z
    .string(PUSH_SUBSCRIPTION_REFUSED)
    .max(100, PUSH_SUBSCRIPTION_REFUSED)
    .refine((text) => {
      const bytes = base64UrlBytes(text.replace(/=+$/, ''));
      return bytes !== null && bytes.length === length && check(bytes);
    }, PUSH_SUBSCRIPTION_REFUSED)
    .transform((text) => text.replace(/=+$/, ''));
}

/**
 * What `PushSubscription.toJSON()` gives: where the push service takes messages for this phone,
 * and the keys the messages are encrypted to. The endpoint's host is checked against the configured
 * push services (isAllowedPushEndpoint) where the list is known: by the server, and by the browser
 * with the list the availability answer gives. `expirationTime` is accepted and dropped (no browser
 * sets it for the portal's subscriptions; an expired one answers 404/410 like a removed one).
 */
export const pushSubscriptionSchema = z
  .strictObject(
    {
      endpoint: z
        .string(PUSH_SUBSCRIPTION_REFUSED)
        .max(MAX_PUSH_ENDPOINT_LENGTH, PUSH_SUBSCRIPTION_REFUSED)
        .refine(isPushEndpointShape, PUSH_SUBSCRIPTION_REFUSED),
      expirationTime: z.number(PUSH_SUBSCRIPTION_REFUSED).nullable().optional(),
      keys: z.strictObject(
        {
          p256dh: keyOf(P256DH_BYTES, (bytes) => bytes[0] === 0x04),
          auth: keyOf(AUTH_BYTES),
        },
        PUSH_SUBSCRIPTION_REFUSED,
      ),
    },
    PUSH_SUBSCRIPTION_REFUSED,
  )
  .transform(({ endpoint, keys }) => ({ endpoint, keys }));
export type PushSubscriptionJson = z.output<typeof pushSubscriptionSchema>;

/** What the service worker receives and shows: the lock screen's title and text, and the page a tap opens. */
export const pushMessageSchema = z.strictObject({
  title: z.string().min(1).max(80),
  body: z.string().min(1).max(300),
  /** A path of the portal (never another site, never a management token): the booking's own page on this phone. */
  url: z.string().regex(/^\/[A-Za-z0-9/_-]*$/),
  /** One notification per booking on the screen: a later one (a move after a reminder) replaces it. */
  tag: z.string().max(40),
});
export type PushMessage = z.infer<typeof pushMessageSchema>;

/** The facts a push needs: those of a mail but the address of the look-up page (a push opens the booking itself). */
export type CounterPushFacts = Omit<CounterMailFacts, 'bookingsUrl'>;

const when = (slot: string) => `${formatShortJapaneseDate(slot.slice(0, 10))} ${formatTime(parseTime(slot.slice(11)) ?? 0)}`;

/** Day, time, place, code: what a glance at the lock screen must give; nothing personal (it shows to anyone near). */
function visitLine(facts: CounterPushFacts): string {
  return `${when(facts.slot)}から　${facts.counter.place}　予約番号 ${formatReservationCode(facts.code)}`;
}

function pushAbout(facts: CounterPushFacts, title: string, lines: string[]): PushMessage {
  return { title, body: lines.join('\n'), url: bookingPagePath('counter', facts.code), tag: `counter-${facts.code}` };
}

/** The day before: come tomorrow. The things to bring are on the page a tap opens. */
export function reminderPush(facts: CounterPushFacts): PushMessage {
  return pushAbout(facts, 'あしたはマイナンバーカードの窓口の予約です', [visitLine(facts), '持ち物は、ここを押すと見られます。']);
}

/** The city cancelled the booking; the reason is on the booking's page (a lock screen is not the place for it). */
export function cancelledByCityPush(facts: CounterPushFacts): PushMessage {
  return pushAbout(facts, '窓口の予約を市が取り消しました', [visitLine(facts), 'この時間に来ていただく必要はありません。理由は、ここを押すと見られます。']);
}

/** The city moved the booking: the old time, then the new one. */
export function movedByCityPush(facts: CounterPushFacts, fromSlot: string): PushMessage {
  return pushAbout(facts, `窓口の予約を ${when(facts.slot)}に変更しました`, [`変更前 ${when(fromSlot)}`, `変更後 ${visitLine(facts)}`]);
}
