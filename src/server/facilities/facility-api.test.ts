import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FacilityBookingCreated, FacilityDay, FacilityQuote, FacilitySearchResult } from '../../domain/facility-booking.ts';
import { deleteExpiredPersonalData } from '../retention.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { checkContractAnswers } from '../testing/contract-answers.ts';

checkContractAnswers();

// Tuesday 24 November 2026, 10:00 in Japan; tests move the clock to let a 仮予約 expire.
const START = new Date('2026-11-24T01:00:00Z');
let clock = START;
const choice = { facilityId: 'sample-kominkan', roomId: 'meeting', dates: ['2026-12-01'], blockIds: ['morning'], residency: 'resident', group: 'general' };
const applicant = { purpose: '自治会の会議', headCount: 12, groupName: '東金一丁目自治会', nameKana: 'とうがね はなこ', phone: '0475-50-1210', email: '' };
const booking = { ...choice, ...applicant };

// The booking rules are tried on the sample hall of the content (the only one that allows changes), so
// this server runs as a demonstration would: with SAMPLE_FACILITIES_BOOKABLE on. The default refuses it (below).
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 100_000, sampleFacilitiesBookable: true }, () => clock);
});
afterAll(() => server.close());

function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}
async function book(body: unknown, headers: Record<string, string> = {}) {
  const response = await send('POST', '/facilities/bookings', body, headers);
  return { status: response.status, body: (await response.json()) as FacilityBookingCreated & { error?: { message: string; fields?: { path: string }[] } } };
}
async function days(facilityId: string, roomId: string, from: string, to: string): Promise<FacilityDay[]> {
  return ((await (await send('GET', `/facilities/${facilityId}/rooms/${roomId}/availability?from=${from}&to=${to}`)).json()) as { days: FacilityDay[] }).days;
}
async function freeBlocks(facilityId: string, roomId: string, date: string): Promise<string[]> {
  return ((await days(facilityId, roomId, date, date))[0]?.blocks ?? []).filter((block) => block.bookable).map((block) => block.id);
}

describe('a facility marked as a sample', () => {
  it('takes no booking unless the deployment turns samples on, and stores nothing', async () => {
    const plain = await startTestServer({}, () => clock);
    try {
      const post = (body: unknown) =>
        fetch(`${plain.baseUrl}/api/v1/facilities/bookings`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
          body: JSON.stringify(body),
        });
      const refused = await post({ ...booking, dates: ['2026-12-02'] });
      expect(refused.status).toBe(409);
      expect(((await refused.json()) as { error: { code: string; message: string } }).error).toEqual({
        code: 'conflict',
        message:
          '中央公民館（見本）は見本の施設のため、実際には予約できません。予約は行われていません。予約の流れは、スマホ講座の練習モードで最後まで試せます。',
      });
      const day = (
        (await (await fetch(`${plain.baseUrl}/api/v1/facilities/sample-kominkan/rooms/meeting/availability?from=2026-12-02&to=2026-12-02`)).json()) as {
          days: FacilityDay[];
        }
      ).days[0];
      expect(day?.blocks.filter((block) => block.bookable).map((block) => block.id)).toEqual(['morning', 'afternoon', 'evening', 'all-day']);
      // A real facility books as before on the same server.
      expect((await post({ ...booking, facilityId: 'bunka-kaikan', roomId: 'meeting-1', dates: ['2026-12-19'] })).status).toBe(201);
    } finally {
      await plain.close();
    }
  });
});

describe('availability and search', () => {
  it('marks the Monday closure, its holiday shift and days outside the window', async () => {
    const result = await days('sample-kominkan', 'meeting', '2026-11-22', '2026-11-25');
    expect(result.map((day) => [day.date, day.availability, day.closedReason])).toEqual([
      ['2026-11-22', 'closed', '受付期間の外です'],
      ['2026-11-23', 'closed', '受付期間の外です'],
      ['2026-11-24', 'closed', '休館日（祝日の振替）'],
      ['2026-11-25', 'open', null],
    ]);
    expect((await days('sample-kominkan', 'meeting', '2026-11-30', '2026-11-30'))[0]?.closedReason).toBe('休館日');
  });

  it('refuses rooms booked on another system, and long ranges', async () => {
    expect((await send('GET', '/facilities/togane-arena/rooms/sub-arena/availability')).status).toBe(422);
    expect((await send('GET', '/facilities/nowhere/rooms/x/availability')).status).toBe(404);
    expect((await send('GET', '/facilities/sample-kominkan/rooms/meeting/availability?from=2026-12-01&to=2027-03-01')).status).toBe(400);
  });

  it('finds rooms by purpose and head-count, with the free blocks on a day', async () => {
    const response = await send('GET', '/facilities/search?purpose=スポーツ&headCount=250&date=2026-12-02');
    const { results } = (await response.json()) as { results: FacilitySearchResult[] };
    expect(results.map((result) => `${result.facilityId}/${result.roomId}`)).toEqual(
      expect.arrayContaining(['togane-arena/sub-arena', 'togane-arena/main-arena']),
    );
    expect(results.some((result) => result.roomId === 'hall')).toBe(false); // 80 people
    const meetings = (await (await send('GET', '/facilities/search?purpose=会議&date=2026-12-02&block=evening')).json()) as { results: FacilitySearchResult[] };
    expect(meetings.results.find((result) => result.facilityId === 'sample-kominkan' && result.roomId === 'meeting')?.freeBlockIds).toEqual(['evening']);
  });
});

describe('fees and rules', () => {
  it('computes the fee on the server from content', async () => {
    const quote = (await (
      await send('POST', '/facilities/quote', { ...choice, dates: ['2026-12-01', '2026-12-02'], blockIds: ['morning', 'evening'], residency: 'nonResident' })
    ).json()) as FacilityQuote;
    expect(quote).toMatchObject({ fee: 2 * (900 + 1200), provisional: false, applyBy: null, cancelUntil: '2026-11-30' });
    const held = (await (
      await send('POST', '/facilities/quote', { ...choice, facilityId: 'bunka-kaikan', roomId: 'meeting-1', dates: ['2026-12-10'] })
    ).json()) as FacilityQuote;
    expect(held).toMatchObject({ provisional: true, applyBy: '2026-12-01', cancelUntil: '2026-12-03' });
  });

  it('refuses a fee sent by the client, bad fields in Japanese, and choices against the rules', async () => {
    const withFee = await book({ ...booking, fee: 0 });
    expect(withFee.status).toBe(400);
    const bad = await book({ ...booking, phone: '12', headCount: 0, purpose: '123456789018' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.fields?.map((field) => field.path).sort()).toEqual(['headCount', 'phone', 'purpose']);
    const overlap = await book({ ...booking, blockIds: ['morning', 'all-day'] });
    expect(overlap.status).toBe(422);
    expect(overlap.body.error?.message).toContain('重なる時間');
    expect((await book({ ...booking, dates: ['2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05'] })).status).toBe(422);
    expect((await book({ ...booking, headCount: 31 })).status).toBe(400);
    expect((await book({ ...booking, facilityId: 'togane-arena', roomId: 'sub-arena', blockIds: ['b09'] })).status).toBe(422);
  });
});

describe('no two bookings overlap', () => {
  it('lets exactly one of 200 simultaneous bookings for one block succeed', async () => {
    const race = { ...booking, dates: ['2026-12-04'], blockIds: ['afternoon'] };
    const statuses = await Promise.all(Array.from({ length: 200 }, async () => (await book(race)).status));
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(199);
    expect(await freeBlocks('sample-kominkan', 'meeting', '2026-12-04')).toEqual(['morning', 'evening']);
  }, 30_000); // 200 requests through real HTTP: generous on a busy 2-core machine (a time limit, not a measurement).

  it('books several blocks and days all-or-nothing, and 全日 collides with any part of the day', async () => {
    expect((await book({ ...booking, dates: ['2026-12-08'], blockIds: ['evening'] })).status).toBe(201);
    const wide = await book({ ...booking, dates: ['2026-12-08', '2026-12-09'], blockIds: ['morning', 'afternoon', 'evening'] });
    expect(wide.status).toBe(409);
    expect(await freeBlocks('sample-kominkan', 'meeting', '2026-12-09')).toEqual(['morning', 'afternoon', 'evening', 'all-day']);
    expect((await book({ ...booking, dates: ['2026-12-08'], blockIds: ['all-day'] })).status).toBe(409);
    const overlapping = await Promise.all(
      [['morning', 'afternoon'], ['afternoon', 'evening'], ['all-day']].map(
        async (blockIds) => (await book({ ...booking, dates: ['2026-12-10'], blockIds })).status,
      ),
    );
    expect(overlapping.filter((status) => status === 201)).toHaveLength(1);
  });

  it('books once for a retried request with the same Idempotency-Key', async () => {
    const headers = { 'Idempotency-Key': '6f1c2a30-7d4e-4b8a-9c51-0e2f3a4b5c6d' };
    const first = await book({ ...booking, dates: ['2026-12-11'] }, headers);
    const again = await book({ ...booking, dates: ['2026-12-11'] }, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.booking.code).toBe(first.body.booking.code);
    expect((await book({ ...booking, dates: ['2026-12-12'] }, headers)).status).toBe(422);
  });
});

describe('provisional bookings, change and cancel', () => {
  const held = { ...booking, facilityId: 'bunka-kaikan', roomId: 'meeting-1', dates: ['2026-12-17'], blockIds: ['afternoon'] };

  it('holds a 仮予約 until the application is due, then releases it at once', async () => {
    const created = await book(held);
    expect(created.status).toBe(201);
    expect(created.body.booking).toMatchObject({ status: 'provisional', applyBy: '2026-12-01', fee: 1400 });
    expect(await freeBlocks('bunka-kaikan', 'meeting-1', '2026-12-17')).not.toContain('afternoon');
    clock = new Date('2026-12-01T15:00:00Z'); // 12/2 0:00 in Japan
    try {
      expect(await freeBlocks('bunka-kaikan', 'meeting-1', '2026-12-17')).toContain('afternoon');
      const view = await send('GET', `/facilities/bookings/${created.body.booking.code}`, undefined, { Authorization: `Bearer ${created.body.token}` });
      expect(((await view.json()) as { booking: { status: string } }).booking.status).toBe('released');
      expect((await book({ ...held, phone: '0475-00-0001' })).status).toBe(201);
    } finally {
      clock = START;
    }
  });

  it('changes where allowed, cancels until the deadline, and frees the blocks at once', async () => {
    const created = await book({ ...booking, dates: ['2026-12-15'], blockIds: ['morning'] });
    const auth = { Authorization: `Bearer ${created.body.token}` };
    const code = created.body.booking.code;
    expect((await send('PATCH', `/facilities/bookings/${code}`, { dates: ['2026-12-15'], blockIds: ['evening'] }, auth)).status).toBe(200);
    expect(await freeBlocks('sample-kominkan', 'meeting', '2026-12-15')).toEqual(['morning', 'afternoon']);
    expect((await send('DELETE', `/facilities/bookings/${code}`, undefined, { Authorization: `Bearer ${'A'.repeat(43)}` })).status).toBe(404);
    expect((await send('DELETE', `/facilities/bookings/${code}`, undefined, { Authorization: 'Bearer too-short' })).status).toBe(400);
    const cancelled = await send('DELETE', `/facilities/bookings/${code}`, undefined, auth);
    expect(((await cancelled.json()) as { booking: { status: string } }).booking.status).toBe('cancelled');
    expect(await freeBlocks('sample-kominkan', 'meeting', '2026-12-15')).toEqual(['morning', 'afternoon', 'evening', 'all-day']);

    const bunka = await book({ ...held, dates: ['2026-12-19'] });
    const bunkaAuth = { Authorization: `Bearer ${bunka.body.token}` };
    expect((await send('PATCH', `/facilities/bookings/${bunka.body.booking.code}`, { dates: ['2026-12-20'], blockIds: ['afternoon'] }, bunkaAuth)).status).toBe(
      422,
    );
    const soon = await book({ ...booking, dates: ['2026-12-22'] });
    clock = new Date('2026-12-22T01:00:00Z');
    try {
      const late = await send('DELETE', `/facilities/bookings/${soon.body.booking.code}`, undefined, { Authorization: `Bearer ${soon.body.token}` });
      expect(late.status).toBe(422);
    } finally {
      clock = START;
    }
  });

  it('finds a booking by code and phone as typed, with a link of its own for this device; a wrong phone learns nothing', async () => {
    const created = await book({ ...booking, dates: ['2026-12-17'] });
    const { code } = created.body.booking;
    const found = await send('POST', '/facilities/bookings/lookup', {
      code: `${code.slice(0, 4)}-${code.slice(4).toLowerCase()}`,
      phone: '０４７５ー５０ー１２１０',
    });
    expect(found.status).toBe(200);
    const { booking: seen, token } = (await found.json()) as FacilityBookingCreated;
    expect(seen).toMatchObject({ code, dates: ['2026-12-17'], status: 'booked' });
    expect(token).not.toBe(created.body.token);
    const view = (await (await send('GET', `/facilities/bookings/${code}`, undefined, { Authorization: `Bearer ${token}` })).json()) as {
      links: { openedBy: string; current: boolean }[];
    };
    expect(view.links.map((link) => [link.openedBy, link.current])).toEqual([
      ['booking', false],
      ['lookup', true],
    ]);
    const wrong = await send('POST', '/facilities/bookings/lookup', { code, phone: '0475-00-0000' });
    expect(wrong.status).toBe(404);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toBe(
      '予約が見つかりませんでした。予約番号と、予約のときの電話番号をお確かめください。',
    );
    expect((await send('POST', '/facilities/bookings/lookup', { code: 'ABC', phone: '0475501210' })).status).toBe(400);
  });

  it('deletes personal fields after the retention period and keeps the booking', async () => {
    const created = await book({ ...booking, dates: ['2026-12-16'], email: 'a@example.jp' });
    await deleteExpiredPersonalData(server.store, new Date('2027-01-15T01:00:00Z'), { personalDataDays: 30, auditDays: 1825 });
    expect(await server.store.facilities.find(created.body.booking.code)).toMatchObject({ nameKana: 'トウガネ ハナコ', groupName: '東金一丁目自治会' });
    await deleteExpiredPersonalData(server.store, new Date('2027-01-16T01:00:00Z'), { personalDataDays: 30, auditDays: 1825 });
    expect(await server.store.facilities.find(created.body.booking.code)).toMatchObject({
      nameKana: null,
      phone: null,
      email: null,
      groupName: null,
      purpose: null,
      status: 'booked',
      fee: 600,
    });
  });
});
