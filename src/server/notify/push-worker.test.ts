import { execFileSync } from 'node:child_process';
import { createDecipheriv, createECDH, createHmac, createPublicKey, randomBytes, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import webPush from 'web-push';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CounterReservationCreated } from '../../domain/counter-reservation.ts';
import { PUSH_SUBSCRIPTION_REFUSED, reminderPush, cancelledByCityPush, type PushMessage } from '../../domain/push-notification.ts';
import type { UndeliveredMail } from '../../domain/undelivered-mail.ts';
import { loadContentPack } from '../content.ts';
import { addStaffAccount, signIn } from '../testing/staff-client.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { createMailWorker, type MailWorker } from './mail-worker.ts';
import { createPushSender } from './push-sender.ts';

// Tuesday 24 November 2026, 10:00 in Japan; the visit is Tuesday 1 December at 10:30, so the
// reminder is due on Monday 30 November at 17:00 in Japan (08:00 UTC).
const BOOKED_AT = new Date('2026-11-24T01:00:00Z');
const REMINDER_DUE = new Date('2026-11-30T08:00:00Z');
const PUSH_HOST = 'push.togane.test';
const vapid = { ...webPush.generateVAPIDKeys(), subject: 'mailto:joho@city.togane.example.jp', allowedHosts: [] as string[] };
const counter = loadContentPack().counter;
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** What the push service in the test received. */
interface PushRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let certificateDir: string;
let certificate: Buffer;
let pushService: Server;
let pushPort: number;
let pushAnswer: number;
let received: PushRequest[];

/**
 * A push service of our own over HTTPS, with a certificate made for the test; the worker reaches it
 * by the name in the subscription through an agent that trusts that certificate and resolves the
 * name to this machine (the subscription check allows only the push services of the list, which
 * names this one as PUSH_ALLOWED_HOSTS would).
 */
beforeAll(async () => {
  certificateDir = mkdtempSync(join(tmpdir(), 'togane-push-'));
  const [key, cert] = [join(certificateDir, 'key.pem'), join(certificateDir, 'cert.pem')];
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '1'].concat([
      '-subj',
      `/CN=${PUSH_HOST}`,
      '-addext',
      `subjectAltName=DNS:${PUSH_HOST}`,
    ]),
    { stdio: 'ignore' },
  );
  certificate = readFileSync(cert);
  pushService = createServer({ key: readFileSync(key), cert: certificate }, (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(pushAnswer).end();
    });
  });
  await new Promise<void>((resolve) => pushService.listen(0, '127.0.0.1', resolve));
  pushPort = (pushService.address() as AddressInfo).port;
  // The test's push service, named as a private deployment would in PUSH_ALLOWED_HOSTS (the default list holds only the browsers' services).
  vapid.allowedHosts = [`${PUSH_HOST}:${String(pushPort)}`];
});
afterAll(async () => {
  await new Promise((resolve) => pushService.close(resolve));
  rmSync(certificateDir, { recursive: true, force: true });
});

function agent(): Agent {
  return new Agent({
    ca: certificate,
    lookup: (_hostname, options, callback) => {
      if (options.all) (callback as (error: null, addresses: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]);
      else (callback as (error: null, address: string, family: number) => void)(null, '127.0.0.1', 4);
    },
  });
}

/** The phone: its own P-256 key pair and auth secret, as a browser makes them for a subscription. */
function phone() {
  const keys = createECDH('prime256v1');
  keys.generateKeys();
  const auth = randomBytes(16);
  const subscription = {
    endpoint: `https://${PUSH_HOST}:${String(pushPort)}/send/${randomBytes(8).toString('hex')}`,
    expirationTime: null,
    keys: { p256dh: keys.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
  };
  return { keys, auth, subscription };
}

const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();

/**
 * Decrypts a Web Push message as the phone does (RFC 8291 over RFC 8188's aes128gcm): the header
 * gives the salt, the record size and the server's one-off public key; the shared secret with the
 * phone's private key and the auth secret give the content key and nonce.
 */
function decrypt(body: Buffer, phoneKeys: ReturnType<typeof createECDH>, auth: Buffer): string {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const serverKey = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  const shared = phoneKeys.computeSecret(serverKey);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), phoneKeys.getPublicKey(), serverKey, Buffer.from([1])]);
  const ikm = hmac(hmac(auth, shared), keyInfo);
  const prk = hmac(salt, ikm);
  const contentKey = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01')).subarray(0, 12);
  const decipher = createDecipheriv('aes-128-gcm', contentKey, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 2, then any padding zeros.
  const end = padded.lastIndexOf(2);
  return padded.subarray(0, end).toString('utf8');
}

/** Checks the VAPID header: signed by the server's key, for the push service's origin, naming the city. */
function checkVapid(authorization: string, endpoint: string): void {
  const match = /^vapid t=([^,]+), k=(.+)$/.exec(authorization);
  expect(match?.[2]).toBe(vapid.publicKey);
  const [header, claims, signature] = (match?.[1] ?? '').split('.');
  const point = Buffer.from(vapid.publicKey, 'base64url');
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') },
    format: 'jwk',
  });
  expect(verify('sha256', Buffer.from(`${header ?? ''}.${claims ?? ''}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature ?? '', 'base64url'))).toBe(
    true,
  );
  expect(JSON.parse(Buffer.from(claims ?? '', 'base64url').toString('utf8'))).toMatchObject({ aud: new URL(endpoint).origin, sub: vapid.subject });
}

let clock: Date;
let server: TestServer;
let worker: MailWorker;

beforeEach(async () => {
  clock = BOOKED_AT;
  received = [];
  pushAnswer = 201;
  server = await startTestServer({ rateLimitPerMinute: 100_000, push: vapid }, () => clock);
  worker = createMailWorker({
    outbox: server.store.outbox,
    push: createPushSender({ vapid, agent: agent(), timeoutMs: 5000 }),
    now: () => clock,
    log: quiet,
    retryDelays: [60_000],
  });
});
afterEach(async () => {
  await worker.stop();
  await server.close();
});

const booking = {
  kindId: 'card-pickup',
  slot: { date: '2026-12-01', time: '10:30' },
  nameKana: 'とうがね たろう',
  phone: '0475-50-1210',
  people: 1,
  proxy: false,
};

async function book(subscription: object): Promise<Response> {
  return fetch(`${server.baseUrl}/api/v1/counter/reservations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...booking, pushSubscription: subscription }),
  });
}

describe('a push to the phone the citizen booked on', () => {
  it('is offered with the key to subscribe to, and the reminder arrives encrypted to the phone’s keys, signed by the city', async () => {
    const availability = await fetch(`${server.baseUrl}/api/v1/counter/availability?from=2026-12-01&to=2026-12-01`);
    expect(((await availability.json()) as { pushPublicKey: string | null }).pushPublicKey).toBe(vapid.publicKey);

    const { keys, auth, subscription } = phone();
    const response = await book(subscription);
    expect(response.status).toBe(201);
    const { reservation } = (await response.json()) as CounterReservationCreated;
    // Nothing is due before the day before.
    expect(await worker.sendDue()).toBe(0);
    clock = REMINDER_DUE;
    expect(await worker.sendDue()).toBe(1);

    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request?.path).toBe(new URL(subscription.endpoint).pathname);
    expect(request?.headers).toMatchObject({ 'content-encoding': 'aes128gcm', ttl: '86400' });
    checkVapid(String(request?.headers.authorization), subscription.endpoint);
    // Nothing readable travels: the text is only in the decrypted message.
    expect(request?.body.toString('utf8')).not.toContain('予約');
    const message = JSON.parse(decrypt(request?.body ?? Buffer.alloc(0), keys, auth)) as PushMessage;
    const kind = counter.visitKinds.find((candidate) => candidate.id === 'card-pickup');
    expect(kind).toBeDefined();
    if (!kind) return;
    expect(message).toEqual(reminderPush({ code: reservation.code, slot: '2026-12-01T10:30', kind, proxy: false, counter }));
    expect(message.url).toBe(`/mynumber/reservations/${reservation.code}`);
    for (const personal of ['とうがね', 'トウガネ タロウ', '0475-50-1210', '0475501210']) expect(JSON.stringify(message)).not.toContain(personal);
    // Sent once: nothing is due again.
    clock = new Date(REMINDER_DUE.getTime() + 86_400_000);
    expect(await worker.sendDue()).toBe(0);
  });

  it('whose subscription is gone (410) fails at once, is never retried, and shows on the counter desk’s list without the endpoint', async () => {
    const { subscription } = phone();
    const { reservation } = (await (await book(subscription)).json()) as CounterReservationCreated;
    pushAnswer = 410;
    clock = REMINDER_DUE;
    expect(await worker.sendDue()).toBe(1);
    clock = new Date(REMINDER_DUE.getTime() + 7 * 86_400_000);
    expect(await worker.sendDue()).toBe(0);
    expect(received).toHaveLength(1);

    const password = 'kuju-kuri-hama-2026';
    await addStaffAccount(server, 'madoguchi', 'counter', password);
    const response = await (await signIn(server, 'madoguchi', password)).send('GET', '/staff/mail/undelivered');
    const { mails } = (await response.json()) as { mails: UndeliveredMail[] };
    expect(mails).toMatchObject([{ bookingCode: reservation.code, kind: 'reminder', channel: 'push', attempts: 1 }]);
    expect(mails[0]?.problem).toContain('410');
    expect(JSON.stringify(mails)).not.toContain(PUSH_HOST);
    expect(JSON.stringify(mails)).not.toContain(subscription.keys.p256dh);
  });

  it('that the push service refuses for a while (503) is tried again after the back-off, then failed', async () => {
    await book(phone().subscription);
    pushAnswer = 503;
    clock = REMINDER_DUE;
    expect(await worker.sendDue()).toBe(1);
    expect(await worker.sendDue()).toBe(0);
    clock = new Date(REMINDER_DUE.getTime() + 60_000);
    expect(await worker.sendDue()).toBe(1);
    expect(received).toHaveLength(2);
    expect(await server.store.outbox.failedMessages(10)).toMatchObject([{ channel: 'push', attempts: 2 }]);
  });

  it('goes out at once when the city cancels, and the reminder no longer does', async () => {
    const { keys, auth, subscription } = phone();
    const { reservation } = (await (await book(subscription)).json()) as CounterReservationCreated;
    const password = 'kuju-kuri-hama-2026';
    await addStaffAccount(server, 'madoguchi', 'counter', password);
    const clerk = await signIn(server, 'madoguchi', password);
    const cancelled = await clerk.send('POST', `/staff/counter/bookings/${reservation.code}/cancel`, { reason: '窓口の機械の故障のため' });
    expect(cancelled.status).toBe(200);
    expect(await worker.sendDue()).toBe(1);
    clock = REMINDER_DUE;
    expect(await worker.sendDue()).toBe(0);
    const kind = counter.visitKinds.find((candidate) => candidate.id === 'card-pickup');
    if (!kind) throw new Error('no card-pickup kind');
    expect(JSON.parse(decrypt(received[0]?.body ?? Buffer.alloc(0), keys, auth))).toEqual(
      cancelledByCityPush({ code: reservation.code, slot: '2026-12-01T10:30', kind, proxy: false, counter }),
    );
  });

  it('is refused with what to do, and nothing is booked, when the subscription is not a push service’s or its key is no key', async () => {
    const { subscription } = phone();
    const notAPoint = Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url');
    for (const wrong of [
      { ...subscription, endpoint: 'http://push.example.jp/send/x' },
      { ...subscription, endpoint: 'https://127.0.0.1/send/x' },
      // Over https, but not a push service of the list: another host, the listed host on another port.
      { ...subscription, endpoint: 'https://push.example.jp/send/x' },
      { ...subscription, endpoint: `https://${PUSH_HOST}/send/x` },
      { ...subscription, endpoint: `https://other.${PUSH_HOST}:${String(pushPort)}/send/x` },
      { ...subscription, keys: { ...subscription.keys, auth: 'short' } },
      { ...subscription, keys: { ...subscription.keys, p256dh: notAPoint } },
    ]) {
      const response = await book(wrong);
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { fields?: { path: string; message: string }[] } };
      expect(error.fields?.[0]?.message).toBe(PUSH_SUBSCRIPTION_REFUSED);
    }
    clock = REMINDER_DUE;
    expect(await worker.sendDue()).toBe(0);
    const seats = await server.store.counter.bookedSeats('2026-12-01', '2026-12-01');
    expect(seats.get('2026-12-01T10:30')?.booked ?? 0).toBe(0);
  });
});
