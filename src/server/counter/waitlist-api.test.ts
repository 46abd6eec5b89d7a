import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CounterDay, CounterReservationCreated } from '../../domain/counter-reservation.ts';
import { WAITLIST_MESSAGES, type WaitlistJoined, type WaitlistOffer } from '../../domain/counter-waitlist.ts';
import { WAITLIST_PLACE_MESSAGES } from '../../domain/counter-waitlist-place.ts';
import { checkContractAnswers } from '../testing/contract-answers.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

checkContractAnswers();

// Tuesday 24 November 2026, 10:00 in Japan. The content has 2 desks per 30-minute slot, and holds an offer 2 hours.
let clock = new Date('2026-11-24T01:00:00Z');
const PUBLIC_URL = 'https://togane.example.jp';
const slot = { date: '2026-12-01', time: '10:00' };
const person = (email: string, nameKana = 'とうがね はなこ') => ({
  kindId: 'card-pickup',
  slot,
  nameKana,
  phone: '0475-50-1211',
  email,
  people: 1,
  proxy: false,
});

let server: TestServer;
let withoutMail: TestServer;
beforeAll(async () => {
  server = await startTestServer(
    { rateLimitPerMinute: 100_000, mail: { smtpUrl: 'smtp://127.0.0.1:9', from: '東金市役所 <no-reply@city.togane.chiba.jp>', publicUrl: PUBLIC_URL } },
    () => clock,
  );
  withoutMail = await startTestServer({ rateLimitPerMinute: 100_000 }, () => clock);
});
afterAll(async () => {
  await server.close();
  await withoutMail.close();
});

function call(path: string, init: { method?: string; body?: unknown; token?: string; idempotencyKey?: string } = {}, target = server) {
  return fetch(`${target.baseUrl}/api/v1${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: {
      ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.idempotencyKey ? { 'Idempotency-Key': init.idempotencyKey } : {}),
    },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

async function slotNow(target = server) {
  const days = (await (await call(`/counter/availability?from=${slot.date}&to=${slot.date}`, {}, target)).json()) as { days: CounterDay[] };
  return days.days[0]?.slots.find((candidate) => candidate.time === slot.time);
}

/** The offer mails in the outbox (the worker is not running here), by recipient; each one's link secret. */
async function offerLinks(): Promise<Map<string, string>> {
  const mails = await server.store.outbox.claimDue(new Date(clock.getTime() + 60_000).toISOString(), '2027-01-01T00:00:00.000Z', 1000);
  const links = new Map<string, string>();
  for (const mail of mails.filter((candidate) => candidate.kind === 'waitlist-offer')) {
    const link = new RegExp(`${PUBLIC_URL}/mynumber/waitlist#token=([A-Za-z0-9_-]{43})`).exec(mail.body);
    if (link?.[1]) links.set(mail.recipient, link[1]);
  }
  return links;
}

describe('キャンセル待ち over HTTP', () => {
  const booked: CounterReservationCreated[] = [];
  let firstPlaceToken = '';

  it('is offered on a full slot only where mail is sent', async () => {
    expect((await slotNow())?.waitlist).toBeUndefined();
    for (const email of ['a@example.jp', 'b@example.jp']) {
      const response = await call('/counter/reservations', { body: person(email, 'とうがね たろう') });
      expect(response.status).toBe(201);
      booked.push((await response.json()) as CounterReservationCreated);
    }
    expect(await slotNow()).toMatchObject({ seatsLeft: 0, bookable: false, waitlist: true });
    // Without a mail server nobody could hear of an offer: the full slot is just full.
    for (const email of ['', '']) expect((await call('/counter/reservations', { body: person(email) }, withoutMail)).status).toBe(201);
    expect(await slotNow(withoutMail)).toMatchObject({ seatsLeft: 0 });
    expect((await slotNow(withoutMail))?.waitlist).toBeUndefined();
    const refused = await call('/counter/waitlist', { body: person('w@example.jp') }, withoutMail);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ error: { message: WAITLIST_MESSAGES.notOffered } });
  });

  it('queues people in order, wants an address, and refuses a second entry for one address', async () => {
    const noAddress = await call('/counter/waitlist', { body: person('') });
    expect(noAddress.status).toBe(400);
    expect(await noAddress.json()).toMatchObject({ error: { fields: [{ path: 'email', message: WAITLIST_MESSAGES.emailRequired }] } });
    const joined = (await (await call('/counter/waitlist', { body: person('first@example.jp') })).json()) as WaitlistJoined;
    expect(joined).toEqual({ slot, position: 1, token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as string });
    firstPlaceToken = joined.token;
    expect(await (await call('/counter/waitlist', { body: person('second@example.jp') })).json()).toMatchObject({ slot, position: 2 });
    const twice = await call('/counter/waitlist', { body: person('first@example.jp') });
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({ error: { message: WAITLIST_MESSAGES['already-waiting'] } });
  });

  it('shows the place in line to the holder of the link given at joining, and lets them leave, those behind moving up', async () => {
    const { token } = (await (await call('/counter/waitlist', { body: person('leaving@example.jp') })).json()) as WaitlistJoined;
    const place = await call('/counter/waitlist/entry', { token });
    expect(place.status).toBe(200);
    expect(await place.json()).toEqual({ slot, kindId: 'card-pickup', people: 1, proxy: false, place: 3, holdMinutes: 120 });
    // Nothing without the secret, nor with the code of anything else.
    for (const wrong of [undefined, 'x'.repeat(43), firstPlaceToken.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'))]) {
      const refused = await call('/counter/waitlist/entry', wrong === undefined ? {} : { token: wrong });
      expect(refused.status, String(wrong)).toBeGreaterThanOrEqual(400);
      expect(await call('/counter/waitlist/entry/leave', { method: 'POST', ...(wrong === undefined ? {} : { token: wrong }) }).then((r) => r.status)).not.toBe(
        200,
      );
    }
    const left = await call('/counter/waitlist/entry/leave', { method: 'POST', token });
    expect(left.status).toBe(200);
    expect(await left.json()).toEqual({ slot });
    for (const again of [call('/counter/waitlist/entry', { token }), call('/counter/waitlist/entry/leave', { method: 'POST', token })]) {
      const response = await again;
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { message: WAITLIST_PLACE_MESSAGES.notFound } });
    }
    expect(await (await call('/counter/waitlist/entry', { token: firstPlaceToken })).json()).toMatchObject({ place: 1 });
    // The queue is as before: the same address may join again, last.
    const rejoined = (await (await call('/counter/waitlist', { body: person('leaving@example.jp') })).json()) as WaitlistJoined;
    expect(rejoined.position).toBe(3);
    expect((await call('/counter/waitlist/entry/leave', { method: 'POST', token: rejoined.token })).status).toBe(200);
  });

  it('offers a cancelled seat to the first in line by mail, holds it from everyone else, and books it in one tap', async () => {
    const [first] = booked;
    if (!first) throw new Error('no booking');
    expect((await call(`/counter/reservations/${first.reservation.code}`, { method: 'DELETE', token: first.token })).status).toBe(200);
    const links = await offerLinks();
    expect([...links.keys()]).toEqual(['first@example.jp']);
    const token = links.get('first@example.jp') ?? '';
    // Her place-in-line link has done its work: the offer has a link of its own, by mail.
    expect((await call('/counter/waitlist/entry', { token: firstPlaceToken })).status).toBe(404);
    expect((await call('/counter/waitlist/entry/leave', { method: 'POST', token: firstPlaceToken })).status).toBe(404);
    // Held: the public still finds the slot full.
    expect(await slotNow()).toMatchObject({ seatsLeft: 0 });
    expect((await call('/counter/reservations', { body: person('late@example.jp') })).status).toBe(409);

    const offer = (await (await call('/counter/waitlist/offer', { token })).json()) as WaitlistOffer;
    expect(offer).toEqual({ slot, kindId: 'card-pickup', people: 1, proxy: false, state: 'offered', heldUntil: '2026-11-24T03:00:00.000Z' });
    const key = crypto.randomUUID();
    const accepted = await call('/counter/waitlist/offer/accept', { method: 'POST', token, idempotencyKey: key });
    expect(accepted.status).toBe(201);
    const created = (await accepted.json()) as CounterReservationCreated;
    expect(created.reservation).toMatchObject({ slot, status: 'booked', nameKana: 'トウガネ ハナコ', email: 'first@example.jp' });
    const replay = await call('/counter/waitlist/offer/accept', { method: 'POST', token, idempotencyKey: key });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(((await replay.json()) as CounterReservationCreated).reservation.code).toBe(created.reservation.code);
    const again = await call('/counter/waitlist/offer/accept', { method: 'POST', token, idempotencyKey: crypto.randomUUID() });
    expect(again.status).toBe(409);
    // A normal booking now: its page opens with the token the answer gave.
    expect((await call(`/counter/reservations/${created.reservation.code}`, { token: created.token })).status).toBe(200);
    expect(await slotNow()).toMatchObject({ seatsLeft: 0 });
    booked[0] = created;
  });

  it('passes a lapsed offer down, and a seat nobody waits for is the public’s again', async () => {
    const [accepted] = booked;
    if (!accepted) throw new Error('no booking');
    await call(`/counter/reservations/${accepted.reservation.code}`, { method: 'DELETE', token: accepted.token });
    const token = (await offerLinks()).get('second@example.jp') ?? '';
    expect(token).not.toBe('');
    clock = new Date(clock.getTime() + 2 * 60 * 60_000 + 1000);
    expect(await (await call('/counter/waitlist/offer', { token })).json()).toMatchObject({ state: 'expired' });
    const late = await call('/counter/waitlist/offer/accept', { method: 'POST', token, idempotencyKey: crypto.randomUUID() });
    expect(late.status).toBe(409);
    expect(await slotNow()).toMatchObject({ seatsLeft: 1, bookable: true });
  });

  it('answers a wrong or malformed secret as not found or bad, without saying more', async () => {
    expect((await call('/counter/waitlist/offer', { token: 'A'.repeat(43) })).status).toBe(404);
    expect((await call('/counter/waitlist/offer', { token: 'short' })).status).toBe(400);
    expect((await call('/counter/waitlist/offer/decline', { method: 'POST', token: 'B'.repeat(43) })).status).toBe(404);
  });
});
