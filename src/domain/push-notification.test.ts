import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counter as counterContent } from '../content/counter.ts';
import {
  base64UrlBytes,
  cancelledByCityPush,
  type CounterPushFacts,
  movedByCityPush,
  PUSH_SUBSCRIPTION_REFUSED,
  pushMessageSchema,
  pushSubscriptionSchema,
  reminderPush,
} from './push-notification.ts';

const kind = counterContent.visitKinds[0]!;
const facts: CounterPushFacts = { code: 'ABCD2345', slot: '2026-12-01T10:30', kind, proxy: true, counter: counterContent };

/** How browsers write a subscription's keys: base64url without padding (written here with btoa, independently of the reader). */
const base64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
const point = () => base64Url(new Uint8Array([4, ...Array.from({ length: 64 }, (_unused, index) => index)]));
const secret = () => base64Url(new Uint8Array(16).fill(7));
const subscription = (change: Record<string, unknown> = {}, keys: Record<string, unknown> = {}) => ({
  endpoint: 'https://fcm.googleapis.com/fcm/send/abc123:APA91b',
  expirationTime: null,
  keys: { p256dh: point(), auth: secret(), ...keys },
  ...change,
});

function refusal(value: unknown): string | null {
  const result = pushSubscriptionSchema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? '');
}

describe('base64UrlBytes', () => {
  it('reads back what Node writes, for every length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
        expect(base64UrlBytes(base64Url(bytes))).toEqual(bytes);
      }),
    );
  });

  it('refuses other alphabets, impossible lengths and unused bits set', () => {
    expect(base64UrlBytes('ab+/')).toBeNull();
    expect(base64UrlBytes('abcde')).toBeNull();
    // 'AB' would carry one byte with four bits left over set: not how any encoder writes a byte.
    expect(base64UrlBytes('AB')).toBeNull();
    expect(base64UrlBytes('AA')).toEqual(new Uint8Array([0]));
  });
});

describe('the push subscription a booking brings', () => {
  it('takes what a browser gives, and keeps only the endpoint and the keys', () => {
    expect(pushSubscriptionSchema.parse(subscription())).toEqual({
      endpoint: 'https://fcm.googleapis.com/fcm/send/abc123:APA91b',
      keys: { p256dh: point(), auth: secret() },
    });
    // Padding some encoders add is dropped.
    expect(pushSubscriptionSchema.parse(subscription({}, { auth: `${secret()}==` })).keys.auth).toBe(secret());
  });

  // Whether the host is a push service's is the list's to say (push-service-hosts.test.ts): the schema has no list.
  it('refuses an address that is not an https address a push service could give, with what to do', () => {
    for (const endpoint of [
      'http://fcm.googleapis.com/fcm/send/x',
      'https://user:pw@fcm.googleapis.com/x',
      'https://fcm.googleapis.com/x#y',
      'javascript:alert(1)',
      `https://fcm.googleapis.com/${'x'.repeat(2048)}`,
      '',
    ]) {
      expect(refusal(subscription({ endpoint })), endpoint).toBe(PUSH_SUBSCRIPTION_REFUSED);
    }
  });

  it('refuses keys of the wrong length, alphabet or shape', () => {
    const wrong = [
      { p256dh: base64Url(new Uint8Array(64).fill(4)) },
      { p256dh: base64Url(new Uint8Array(65).fill(3)) },
      { p256dh: point().replace(/.$/, '+') },
      { p256dh: 'x'.repeat(101) },
      { auth: base64Url(new Uint8Array(15)) },
      { auth: base64Url(new Uint8Array(17)) },
      { auth: 123 },
      { p256dh: undefined },
      { extra: 'x' },
    ];
    for (const keys of wrong) expect(refusal(subscription({}, keys)), JSON.stringify(keys)).toBe(PUSH_SUBSCRIPTION_REFUSED);
    expect(refusal({ endpoint: subscription().endpoint })).toBe(PUSH_SUBSCRIPTION_REFUSED);
    expect(refusal(subscription({ extra: true }))).toBe(PUSH_SUBSCRIPTION_REFUSED);
    expect(refusal('x')).toBe(PUSH_SUBSCRIPTION_REFUSED);
  });
});

describe('what the lock screen shows', () => {
  const messages = [reminderPush(facts), cancelledByCityPush(facts), movedByCityPush({ ...facts, slot: '2026-12-02T09:00' }, facts.slot)];

  it('the reminder says tomorrow, the time, the place and the code, and opens the booking', () => {
    expect(reminderPush(facts)).toEqual({
      title: 'あしたはマイナンバーカードの窓口の予約です',
      body: `12月1日（火） 10:30から　${counterContent.place}　予約番号 ABCD-2345\n持ち物は、ここを押すと見られます。`,
      url: '/mynumber/reservations/ABCD2345',
      tag: 'counter-ABCD2345',
    });
  });

  it('the city’s cancel and move say what happened and when', () => {
    expect(cancelledByCityPush(facts)).toMatchObject({ title: '窓口の予約を市が取り消しました' });
    expect(cancelledByCityPush(facts).body).toContain('この時間に来ていただく必要はありません。');
    const moved = movedByCityPush({ ...facts, slot: '2026-12-02T09:00' }, facts.slot);
    expect(moved.title).toBe('窓口の予約を 12月2日（水） 9:00に変更しました');
    expect(moved.body).toBe(`変更前 12月1日（火） 10:30\n変更後 12月2日（水） 9:00から　${counterContent.place}　予約番号 ABCD-2345`);
  });

  it('is short, well-formed, never carries a token, and fits a push (4 KB)', () => {
    for (const message of messages) {
      expect(pushMessageSchema.parse(message)).toEqual(message);
      expect(message.url).not.toContain('token');
      expect(new TextEncoder().encode(JSON.stringify(message)).length).toBeLessThan(1000);
    }
  });
});
