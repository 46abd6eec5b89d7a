import { type IncomingHttpHeaders, request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTER_MESSAGES, type CounterDay, type CounterReservationCreated } from '../../domain/counter-reservation.ts';
import type { ManagementLink } from '../../domain/management-links.ts';
import { deleteExpiredPersonalData } from '../retention.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { checkContractAnswers } from '../testing/contract-answers.ts';

checkContractAnswers();

// Tuesday 24 November 2026, 10:00 in Japan. The content has 2 desks per 30-minute slot.
const clock = new Date('2026-11-24T01:00:00Z');
const booking = {
  kindId: 'card-pickup',
  slot: { date: '2026-12-01', time: '09:00' },
  nameKana: 'とうがね たろう',
  phone: '０４７５－５０－１２１０',
  email: '',
  people: 1,
  proxy: false,
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 100_000 }, () => clock);
});
afterAll(() => server.close());

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.baseUrl}/api/v1${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
}
function withToken(method: string, code: string, token: string, body?: unknown) {
  return fetch(`${server.baseUrl}/api/v1/counter/reservations/${code}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}
async function availability(from: string, to: string): Promise<CounterDay[]> {
  const response = await fetch(`${server.baseUrl}/api/v1/counter/availability?from=${from}&to=${to}`);
  return ((await response.json()) as { days: CounterDay[] }).days;
}
async function seatsLeft(date: string, time: string): Promise<number | undefined> {
  return (await availability(date, date))[0]?.slots.find((slot) => slot.time === time)?.seatsLeft;
}

/** The answer's bytes as sent, not decompressed (fetch would decompress them). */
function getRaw(path: string, acceptEncoding: string): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${server.baseUrl}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('availability', () => {
  it('sends a month as brotli or gzip as accepted, the same JSON as the plain answer, and a new answer after a booking', async () => {
    const path = '/api/v1/counter/availability?from=2026-11-25&to=2026-12-24';
    const plain = await getRaw(path, 'identity');
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('no-store');
    const brotli = await getRaw(path, 'gzip, deflate, br');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers.vary).toContain('accept-encoding');
    expect(brotli.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(brotliDecompressSync(brotli.body).toString()).toBe(plain.body.toString());
    const gzip = await getRaw(path, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(plain.body.toString());

    // The kept twins go with the kept answer: after a booking every encoding says one seat fewer.
    const slotOf = (json: string) =>
      (JSON.parse(json) as { days: CounterDay[] }).days.find((day) => day.date === '2026-12-03')?.slots.find((slot) => slot.time === '09:00');
    expect(slotOf(brotliDecompressSync(brotli.body).toString())?.seatsLeft).toBe(2);
    expect((await post('/counter/reservations', { ...booking, slot: { date: '2026-12-03', time: '09:00' } })).status).toBe(201);
    expect(slotOf(brotliDecompressSync((await getRaw(path, 'br')).body).toString())?.seatsLeft).toBe(1);
    expect(slotOf(gunzipSync((await getRaw(path, 'gzip')).body).toString())?.seatsLeft).toBe(1);
    expect(slotOf((await getRaw(path, 'identity')).body.toString())?.seatsLeft).toBe(1);
  });

  it('leaves a small availability answer uncompressed', async () => {
    const small = await getRaw('/api/v1/counter/availability?from=2026-11-28&to=2026-11-28', 'br');
    expect(small.body.length).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect((JSON.parse(small.body.toString()) as { days: CounterDay[] }).days[0]?.availability).toBe('closed');
  });

  it('marks closed days with their reason and open days with seats per slot', async () => {
    const days = await availability('2026-11-27', '2026-11-30');
    expect(days.map((day) => [day.date, day.availability, day.closedReason])).toEqual([
      ['2026-11-27', 'open', null],
      ['2026-11-28', 'closed', '土曜日・日曜日'],
      ['2026-11-29', 'closed', '土曜日・日曜日'],
      ['2026-11-30', 'open', null],
    ]);
    expect(days[0]?.slots[0]).toEqual({ time: '09:00', seatsLeft: 2, bookable: true, closedReason: null });
  });

  it('does not offer today’s slots that are too close, nor days past the window', async () => {
    const [today] = await availability('2026-11-24', '2026-11-24');
    expect(today?.slots.find((slot) => slot.time === '10:30')?.bookable).toBe(false);
    expect(today?.slots.find((slot) => slot.time === '11:00')?.bookable).toBe(true);
    const [beyond] = await availability('2026-12-28', '2026-12-28');
    expect(beyond?.availability).toBe('closed');
  });

  it('says no e-mail is sent when no mail server is configured, so the form asks for no address', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/counter/availability?from=2026-11-27&to=2026-11-27`);
    expect(((await response.json()) as { emailReminders: boolean }).emailReminders).toBe(false);
  });

  it('refuses a range that is too long or backwards, in Japanese', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/counter/availability?from=2026-12-01&to=2027-06-01`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/期間は62日以内/);
  });
});

describe('booking', () => {
  it('books, normalises the name and phone, and returns a code and a secret token', async () => {
    const response = await post('/counter/reservations', booking);
    expect(response.status).toBe(201);
    const { reservation, token } = (await response.json()) as CounterReservationCreated;
    expect(reservation).toMatchObject({ nameKana: 'トウガネ タロウ', phone: '0475501210', email: null, status: 'booked' });
    expect(reservation.code).toMatch(/^[2-9A-HJ-KMNP-Z]{8}$/);
    expect(token.length).toBeGreaterThanOrEqual(40);
    const view = await withToken('GET', reservation.code, token);
    expect(((await view.json()) as { reservation: unknown }).reservation).toEqual(reservation);
  });

  it('refuses bad fields with a Japanese message next to each, and any 個人番号', async () => {
    const response = await post('/counter/reservations', { ...booking, nameKana: 'Taro', phone: '12345', people: 0, email: 'not-mail', extra: 1 });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { fields: { path: string; message: string }[] } };
    expect(error.fields).toEqual(
      expect.arrayContaining([
        { path: 'nameKana', message: 'お名前はカタカナで入力してください（例：トウガネ タロウ）。' },
        { path: 'phone', message: '電話番号は数字で入力してください（例：0475-00-0000）。' },
        { path: 'people', message: '人数を選んでください。' },
        { path: 'email', message: 'メールアドレスの形が正しくありません（例：togane@example.jp）。' },
        { path: '', message: '使えない項目があります（extra）。' },
      ]),
    );
    const withNumber = await post('/counter/reservations', { ...booking, email: '1234 5678 9018' });
    const body = (await withNumber.json()) as { error: { fields: { path: string; message: string }[] } };
    expect(body.error.fields).toContainEqual({
      path: 'email',
      message: 'マイナンバー（12けたの個人番号）は入力しないでください。このアプリでは個人番号を使いません。',
    });
  });

  it('refuses an unknown kind, too many people, a closed day and a slot that does not exist', async () => {
    expect((await post('/counter/reservations', { ...booking, kindId: 'nothing' })).status).toBe(400);
    expect((await post('/counter/reservations', { ...booking, people: 5 })).status).toBe(400);
    const weekend = await post('/counter/reservations', { ...booking, slot: { date: '2026-11-28', time: '09:00' } });
    expect(weekend.status).toBe(422);
    expect(((await weekend.json()) as { error: { message: string } }).error.message).toBe('その日は窓口がお休みです。ほかの日を選んでください。');
    expect((await post('/counter/reservations', { ...booking, slot: { date: '2026-12-01', time: '09:10' } })).status).toBe(422);
  });

  it('never over-books: 200 people racing for one slot of 2 seats, exactly 2 succeed', async () => {
    const slot = { date: '2026-12-02', time: '13:00' };
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_unused, index) => post('/counter/reservations', { ...booking, slot, phone: `090${String(10_000_000 + index)}` })),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(2);
    expect(statuses.filter((status) => status === 409)).toHaveLength(198);
    expect(await seatsLeft('2026-12-02', '13:00')).toBe(0);
  }, 30_000); // 200 requests through real HTTP: generous on a busy 2-core machine (a time limit, not a measurement).

  it('makes one booking for a retried request with the same Idempotency-Key', async () => {
    const slot = { date: '2026-12-03', time: '10:00' };
    const headers = { 'Idempotency-Key': '0b7e3c52-9a14-4f6d-8e21-5c3d7a9b1f40' };
    const [first, second] = await Promise.all([
      post('/counter/reservations', { ...booking, slot }, headers),
      post('/counter/reservations', { ...booking, slot }, headers),
    ]);
    const bodies = (await Promise.all([first?.json(), second?.json()])) as CounterReservationCreated[];
    expect(bodies[0]?.reservation.code).toBe(bodies[1]?.reservation.code);
    expect(await seatsLeft('2026-12-03', '10:00')).toBe(1);
    const different = await post('/counter/reservations', { ...booking, slot, people: 2 }, headers);
    expect(different.status).toBe(422);
    expect((await post('/counter/reservations', booking, { 'Idempotency-Key': 'bad key!' })).status).toBe(400);
  });
});

describe('managing a booking', () => {
  async function book(slot: { date: string; time: string }): Promise<CounterReservationCreated> {
    return (await (await post('/counter/reservations', { ...booking, slot })).json()) as CounterReservationCreated;
  }

  it('moves a booking atomically: the new seat is taken and the old one freed', async () => {
    const { reservation, token } = await book({ date: '2026-12-04', time: '09:00' });
    const moved = await withToken('PATCH', reservation.code, token, { slot: { date: '2026-12-04', time: '09:30' } });
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as { reservation: { slot: unknown } }).reservation.slot).toEqual({ date: '2026-12-04', time: '09:30' });
    expect(await seatsLeft('2026-12-04', '09:00')).toBe(2);
    expect(await seatsLeft('2026-12-04', '09:30')).toBe(1);
  });

  it('refuses to move into a full slot and keeps the old one', async () => {
    await book({ date: '2026-12-07', time: '09:00' });
    await book({ date: '2026-12-07', time: '09:00' });
    const { reservation, token } = await book({ date: '2026-12-07', time: '10:00' });
    const refused = await withToken('PATCH', reservation.code, token, { slot: { date: '2026-12-07', time: '09:00' } });
    expect(refused.status).toBe(409);
    expect(await seatsLeft('2026-12-07', '10:00')).toBe(1);
  });

  it('cancels, and the seat is free again at once', async () => {
    const { reservation, token } = await book({ date: '2026-12-08', time: '09:00' });
    expect(await seatsLeft('2026-12-08', '09:00')).toBe(1);
    const cancelled = await withToken('DELETE', reservation.code, token);
    expect(((await cancelled.json()) as { reservation: { status: string } }).reservation.status).toBe('cancelled');
    expect(await seatsLeft('2026-12-08', '09:00')).toBe(2);
    expect((await withToken('PATCH', reservation.code, token, { slot: { date: '2026-12-08', time: '10:00' } })).status).toBe(409);
  });

  it('refuses a slot seen full at once with the same answer, and books the seat a cancel frees', async () => {
    const slot = { date: '2026-12-15', time: '09:00' };
    const first = await book(slot);
    await book(slot);
    // The store finds it full; then the server knows, and refuses before any transaction.
    const byTransaction = await post('/counter/reservations', { ...booking, slot });
    expect(await seatsLeft(slot.date, slot.time)).toBe(0);
    const atOnce = await post('/counter/reservations', { ...booking, slot });
    expect([byTransaction.status, atOnce.status]).toEqual([409, 409]);
    const body = (await byTransaction.json()) as { error: { code: string; message: string; fields: unknown[] } };
    expect(body.error).toEqual({ code: 'conflict', message: COUNTER_MESSAGES.full, fields: [{ path: 'slot', message: COUNTER_MESSAGES.fullField }] });
    expect(await atOnce.json()).toEqual(body);
    expect(atOnce.headers.get('content-type')).toBe(byTransaction.headers.get('content-type'));
    // A stale "full" must not refuse the seat a cancel freed.
    expect((await withToken('DELETE', first.reservation.code, first.token)).status).toBe(200);
    expect((await post('/counter/reservations', { ...booking, slot })).status).toBe(201);
    expect((await post('/counter/reservations', { ...booking, slot })).status).toBe(409);
  });

  it('replays a booking under its Idempotency-Key even when the slot is known full', async () => {
    const slot = { date: '2026-12-16', time: '09:00' };
    const first = await post('/counter/reservations', { ...booking, slot }, { 'Idempotency-Key': 'f1c0ffee-0000-4000-8000-000000000001' });
    expect(first.status).toBe(201);
    await book(slot);
    expect((await post('/counter/reservations', { ...booking, slot })).status).toBe(409);
    const again = await post('/counter/reservations', { ...booking, slot }, { 'Idempotency-Key': 'f1c0ffee-0000-4000-8000-000000000001' });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('answers a wrong token or code as not found, without saying which', async () => {
    const { reservation } = await book({ date: '2026-12-09', time: '09:00' });
    expect((await withToken('GET', reservation.code, 'x'.repeat(43))).status).toBe(404);
    expect((await withToken('DELETE', 'ABCD2345', 'x'.repeat(43))).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/api/v1/counter/reservations/${reservation.code}`)).status).toBe(404);
  });

  it('finds a booking by code and phone with a link of its own, and the owner keeps theirs', async () => {
    const { reservation, token } = await book({ date: '2026-12-09', time: '10:00' });
    const found = await post('/counter/reservations/lookup', {
      code: `${reservation.code.slice(0, 4)}-${reservation.code.slice(4).toLowerCase()}`,
      phone: '0475-50-1210',
    });
    expect(found.status).toBe(200);
    const { token: newToken } = (await found.json()) as CounterReservationCreated;
    expect(newToken).not.toBe(token);
    // Defect 4 of the hardening issue: the look-up used to revoke the owner's link.
    expect((await withToken('GET', reservation.code, token)).status).toBe(200);
    const seen = (await (await withToken('GET', reservation.code, newToken)).json()) as { links: ManagementLink[] };
    expect(seen.links.map((link) => [link.openedBy, link.current])).toEqual([
      ['booking', false],
      ['lookup', true],
    ]);
    // The owner closes the other device's link; theirs stays open.
    const closed = await withToken('DELETE', `${reservation.code}/links`, token);
    expect(((await closed.json()) as { links: ManagementLink[] }).links.map((link) => link.openedBy)).toEqual(['booking']);
    expect((await withToken('GET', reservation.code, newToken)).status).toBe(404);
    expect((await withToken('GET', reservation.code, token)).status).toBe(200);
    expect((await post('/counter/reservations/lookup', { code: reservation.code, phone: '0475-00-0000' })).status).toBe(404);
  });

  it('keeps at most five links, closing the oldest found one, never the owner’s', async () => {
    const { reservation, token } = await book({ date: '2026-12-09', time: '10:30' });
    const found: string[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await post(
        '/counter/reservations/lookup',
        { code: reservation.code, phone: '0475-50-1210' },
        { 'X-Forwarded-For': `192.0.2.${String(i)}` },
      );
      found.push(((await response.json()) as CounterReservationCreated).token);
    }
    const seen = (await (await withToken('GET', reservation.code, token)).json()) as { links: ManagementLink[] };
    expect(seen.links.map((link) => link.openedBy)).toEqual(['booking', 'lookup', 'lookup', 'lookup', 'lookup']);
    expect((await withToken('GET', reservation.code, found[0] ?? '')).status).toBe(404);
    expect((await withToken('GET', reservation.code, found[1] ?? '')).status).toBe(404);
    expect((await withToken('GET', reservation.code, found[5] ?? '')).status).toBe(200);
  });
});

describe('guessing and retention', () => {
  it('limits look-ups by phone to a few tries', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await post('/counter/reservations/lookup', { code: 'ABCD2345', phone: `0475000${String(1000 + i)}` })).status);
    expect(statuses.slice(0, 8).every((status) => status === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('deletes names, phones and e-mails 30 days after the visit, and keeps the booking', async () => {
    const created = (await (
      await post('/counter/reservations', { ...booking, slot: { date: '2026-12-10', time: '11:00' }, email: 'a@example.jp' })
    ).json()) as CounterReservationCreated;
    await deleteExpiredPersonalData(server.store, new Date('2027-01-09T01:00:00Z'), 30);
    expect(await server.store.counter.find(created.reservation.code)).toMatchObject({ nameKana: 'トウガネ タロウ' });
    await deleteExpiredPersonalData(server.store, new Date('2027-01-10T01:00:00Z'), 30);
    expect(await server.store.counter.find(created.reservation.code)).toMatchObject({
      nameKana: null,
      phone: null,
      email: null,
      status: 'booked',
      slot: '2026-12-10T11:00',
    });
  });
});
