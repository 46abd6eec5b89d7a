import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTER_MESSAGES, type CounterDay, type CounterReservationCreated } from '../../domain/counter-reservation.ts';
import type { FacilityBookingCreated } from '../../domain/facility-booking.ts';
import type {
  AuditEntry,
  CounterClosure,
  CounterDeskBooking,
  BookedFacilityBooking,
  ProvisionalFacilityBooking,
  StaffAccountListing,
  StaffSessionListing,
} from '../../domain/staff-api.ts';
import type { StaffFigures } from '../../domain/staff-figures.ts';
import { formatReservationCode } from '../../domain/citizen-fields.ts';
import { formatJapaneseDate } from '../../domain/japan-time.ts';
import type { DaySheet, RoomBlock } from '../../domain/room-blocks.ts';
import { applyContentToStore, loadContentPack } from '../content.ts';
import { TEST_DATABASE_ENGINES, type TestDatabase } from '../testing/test-databases.ts';
import { addStaffAccount, signIn, signInRequest, type StaffClient } from '../testing/staff-client.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { checkContractAnswers } from '../testing/contract-answers.ts';

checkContractAnswers();

// Tuesday 24 November 2026, 10:00 in Japan; tests move the clock for timeouts and 仮予約 deadlines.
const START = new Date('2026-11-24T01:00:00Z');
let clock = START;
const PASSWORD = 'kuju-kuri-hama-2026';
/** The Japanese message of a refusal. */
const message = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;

for (const engine of TEST_DATABASE_ENGINES) {
  describe(`on ${engine.name}`, () => {
    staffApiTests(() => engine.newDatabase());
  });
}

function staffApiTests(newDatabase: () => Promise<TestDatabase>): void {
  let database: TestDatabase;
  let server: TestServer;
  let clerk: StaffClient;
  let manager: StaffClient;
  let admin: StaffClient;

  // Long enough for the test PostgreSQL cluster to finish starting (see postgres-test-database.ts).
  beforeAll(async () => {
    database = await newDatabase();
    server = await startTestServer({ ...database.config, rateLimitPerMinute: 100_000 }, () => clock);
    await addStaffAccount(server, 'madoguchi', 'counter', PASSWORD);
    await addStaffAccount(server, 'shisetsu', 'facility', PASSWORD);
    await addStaffAccount(server, 'kanri', 'admin', PASSWORD);
    clerk = await signIn(server, 'madoguchi', PASSWORD);
    manager = await signIn(server, 'shisetsu', PASSWORD);
    admin = await signIn(server, 'kanri', PASSWORD);
  }, 150_000);
  afterAll(async () => {
    await server.close();
    database.remove();
  });

  async function bookCounter(time: string, nameKana = 'とうがね たろう'): Promise<CounterReservationCreated> {
    const response = await fetch(`${server.baseUrl}/api/v1/counter/reservations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kindId: 'card-pickup', slot: { date: '2026-12-01', time }, nameKana, phone: '0475-50-1210', email: '', people: 2, proxy: false }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as CounterReservationCreated;
  }

  async function counterDay(client: StaffClient, date = '2026-12-01'): Promise<CounterDeskBooking[]> {
    const response = await client.send('GET', `/staff/counter/bookings?date=${date}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { bookings: CounterDeskBooking[] }).bookings;
  }

  async function audit(): Promise<AuditEntry[]> {
    return ((await (await admin.send('GET', '/staff/audit')).json()) as { entries: AuditEntry[] }).entries;
  }

  describe('sign-in and the session cookie', () => {
    it('sets a __Host- cookie that scripts cannot read, sent only over HTTPS and only from this site', async () => {
      const response = await signInRequest(server, 'madoguchi', PASSWORD);
      expect(response.status).toBe(200);
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^__Host-togane-staff=[A-Za-z0-9_-]{43}; /);
      expect(cookie.split('; ').slice(1).sort()).toEqual(['HttpOnly', 'Path=/', 'SameSite=Strict', 'Secure']);
      expect(await response.json()).toMatchObject({ account: { loginName: 'madoguchi', role: 'counter', displayName: 'madoguchiさん' }, idleMinutes: 15 });
    });

    it('answers a wrong password and an unknown name alike', async () => {
      for (const [name, password] of [
        ['madoguchi', 'wrong-password-123'],
        ['nobody', PASSWORD],
      ] as const) {
        const response = await signInRequest(server, name, password);
        expect(response.status).toBe(401);
        expect(((await response.json()) as { error: { message: string } }).error.message).toBe('ログイン名かパスワードが違います。');
      }
    });

    it('refuses a sign-in posted from another site', async () => {
      expect((await signInRequest(server, 'madoguchi', PASSWORD, 'https://evil.example')).status).toBe(403);
    });

    it('signs out: the cookie opens nothing afterwards', async () => {
      const session = await signIn(server, 'madoguchi', PASSWORD);
      expect((await session.send('GET', '/staff/session')).status).toBe(200);
      const out = await session.send('DELETE', '/staff/session');
      expect(out.status).toBe(200);
      expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
      expect((await session.send('GET', '/staff/session')).status).toBe(401);
    });

    it('ends a session left alone for the idle timeout, and any session at its lifetime', async () => {
      const idle = await signIn(server, 'madoguchi', PASSWORD);
      const busy = await signIn(server, 'madoguchi', PASSWORD);
      try {
        clock = new Date(START.getTime() + 14 * 60_000);
        expect((await idle.send('GET', '/staff/session')).status).toBe(200);
        clock = new Date(START.getTime() + 29 * 60_000);
        expect((await idle.send('GET', '/staff/session')).status).toBe(401);
        // Used every 10 minutes, the other session lives until 10 hours after sign-in, not longer.
        for (let minutes = 10; minutes < 600; minutes += 10) {
          clock = new Date(START.getTime() + minutes * 60_000);
          expect((await busy.send('GET', '/staff/session')).status).toBe(200);
        }
        clock = new Date(START.getTime() + 600 * 60_000);
        expect((await busy.send('GET', '/staff/session')).status).toBe(401);
      } finally {
        clock = START;
      }
    });
  });

  describe('every staff route checks the session, the role, the Origin and the CSRF token', () => {
    type Who = 'clerk' | 'manager' | 'admin';
    const routes: { method: string; path: string; allowed: Who[]; body?: unknown }[] = [
      { method: 'GET', path: '/staff/counter/bookings?date=2026-12-01', allowed: ['clerk'] },
      { method: 'POST', path: '/staff/counter/bookings/ABCD2345/check-in', allowed: ['clerk'] },
      { method: 'POST', path: '/staff/counter/bookings/ABCD2345/no-show', allowed: ['clerk'] },
      { method: 'POST', path: '/staff/counter/bookings/ABCD2345/cancel', allowed: ['clerk'], body: { reason: '電話で依頼' } },
      { method: 'POST', path: '/staff/counter/bookings/ABCD2345/phone', allowed: ['clerk'] },
      { method: 'POST', path: '/staff/counter/bookings/ABCD2345/move', allowed: ['clerk'], body: { slot: { date: '2026-12-02', time: '10:00' } } },
      { method: 'GET', path: '/staff/counter/closures', allowed: ['clerk', 'admin'] },
      {
        method: 'POST',
        path: '/staff/counter/closures',
        allowed: ['admin'],
        body: { date: '2026-12-25', startTime: '24:00', endTime: '00:00', reason: '点検' },
      },
      { method: 'DELETE', path: '/staff/counter/closures/999999', allowed: ['admin'] },
      { method: 'GET', path: '/staff/counter/desks', allowed: ['admin'] },
      { method: 'POST', path: '/staff/counter/desks', allowed: ['admin'], body: { date: '2026-12-16', desks: 3 } },
      { method: 'DELETE', path: '/staff/counter/desks/2026-12-16', allowed: ['admin'] },
      { method: 'GET', path: '/staff/facilities/provisional', allowed: ['manager'] },
      { method: 'POST', path: '/staff/facilities/bookings/ABCD2345/confirm', allowed: ['manager'] },
      { method: 'POST', path: '/staff/facilities/bookings/ABCD2345/decline', allowed: ['manager'], body: { reason: '申し込みの書類がそろわなかったため' } },
      { method: 'GET', path: '/staff/facilities/booked', allowed: ['manager'] },
      { method: 'POST', path: '/staff/facilities/bookings/ABCD2345/fee-paid', allowed: ['manager'], body: { method: 'cash', receiptNumber: 'R06-1' } },
      { method: 'GET', path: '/staff/facilities/room-blocks', allowed: ['manager', 'admin'] },
      {
        method: 'POST',
        path: '/staff/facilities/room-blocks',
        allowed: ['manager', 'admin'],
        body: { facilityId: 'bunka-kaikan', roomId: 'meeting-2', date: '2020-01-01', blockIds: ['morning'], reason: '点検' },
      },
      { method: 'DELETE', path: '/staff/facilities/room-blocks/999999', allowed: ['manager', 'admin'] },
      { method: 'GET', path: '/staff/facilities/day-sheet?facilityId=bunka-kaikan&roomId=meeting-2&date=2026-12-18', allowed: ['manager'] },
      { method: 'GET', path: '/staff/accounts', allowed: ['admin'] },
      { method: 'POST', path: '/staff/accounts', allowed: ['admin'], body: { loginName: 'x-y-z', displayName: 'x', role: 'counter', password: 'x' } },
      { method: 'POST', path: '/staff/accounts/madoguchi/disable', allowed: ['admin'] },
      { method: 'POST', path: '/staff/accounts/madoguchi/password', allowed: ['admin'], body: { password: 'x' } },
      { method: 'GET', path: '/staff/sessions', allowed: ['admin'] },
      { method: 'DELETE', path: '/staff/sessions/999999', allowed: ['admin'] },
      { method: 'GET', path: '/staff/audit', allowed: ['admin'] },
      { method: 'GET', path: '/staff/mail/undelivered', allowed: ['clerk', 'manager', 'admin'] },
      { method: 'GET', path: '/staff/figures?month=2026-12', allowed: ['clerk', 'manager', 'admin'] },
    ];
    const clients = () => ({ clerk, manager, admin });

    it('answers 401 without a session', async () => {
      for (const route of routes) {
        const response = await fetch(`${server.baseUrl}/api/v1${route.path}`, { method: route.method, headers: { Origin: server.baseUrl } });
        expect([route.path, response.status]).toEqual([route.path, 401]);
      }
    });

    it('answers 403 to the wrong role (a 窓口 account cannot use the 施設 API)', async () => {
      for (const route of routes) {
        for (const [name, client] of Object.entries(clients())) {
          if (route.allowed.includes(name as Who)) continue;
          const response = await client.send(route.method, route.path, route.body);
          expect([route.path, name, response.status]).toEqual([route.path, name, 403]);
        }
      }
      const refused = await clerk.send('GET', '/staff/facilities/provisional');
      expect(((await refused.json()) as { error: { message: string } }).error.message).toBe('この操作は、あなたの役割ではできません。');
    });

    it('answers 403 to a change without the CSRF token, with a wrong one, or from another Origin', async () => {
      for (const route of routes.filter((candidate) => candidate.method !== 'GET')) {
        const client = clients()[route.allowed[0] ?? 'admin'];
        for (const headers of [
          { 'X-CSRF-Token': '' },
          { 'X-CSRF-Token': `${client.csrfToken}x` },
          { Origin: 'https://evil.example' },
          { Origin: 'null' },
        ] as Record<string, string>[]) {
          const response = await client.send(route.method, route.path, route.body, headers);
          expect([route.path, headers, response.status]).toEqual([route.path, headers, 403]);
        }
      }
      // Another session's token does not do either.
      expect((await clerk.send('POST', '/staff/counter/bookings/ABCD2345/check-in', undefined, { 'X-CSRF-Token': admin.csrfToken })).status).toBe(403);
    });
  });

  describe('the counter desk', () => {
    it('lists the day, checks a citizen in, and logs who did it without personal data', async () => {
      const { reservation } = await bookCounter('10:00', 'ちょうし はなこ');
      const row = (await counterDay(clerk)).find((candidate) => candidate.code === reservation.code);
      expect(row).toEqual({
        code: reservation.code,
        time: '10:00',
        kindId: 'card-pickup',
        kindName: 'カードの受け取り',
        people: 2,
        proxy: false,
        nameKana: 'チョウシ ハナコ',
        status: 'booked',
        cancelReason: null,
      });
      // Not before the booking's time: the citizen may still be on the way.
      const early = await clerk.send('POST', `/staff/counter/bookings/${reservation.code}/no-show`);
      expect(early.status).toBe(409);
      expect(((await early.json()) as { error: { message: string } }).error.message).toBe('予約の時刻になってから記録できます。');

      expect((await clerk.send('POST', `/staff/counter/bookings/${reservation.code}/check-in`)).status).toBe(200);
      expect((await counterDay(clerk)).find((candidate) => candidate.code === reservation.code)?.status).toBe('checked-in');
      // Twice is harmless, and logged once.
      expect((await clerk.send('POST', `/staff/counter/bookings/${reservation.code}/check-in`)).status).toBe(200);
      const rows = (await audit()).filter((entry) => entry.target === reservation.code);
      expect(rows.map(({ actor, action }) => ({ actor, action }))).toEqual([{ actor: 'madoguchi', action: 'counter-check-in' }]);
      expect(JSON.stringify(await audit())).not.toMatch(/チョウシ|0475/);
      // A checked-in visit is not cancelled afterwards.
      expect((await clerk.send('POST', `/staff/counter/bookings/${reservation.code}/cancel`, { reason: '間違い' })).status).toBe(409);
    });

    it('cancels with a reason: the seat is free again and the citizen sees it cancelled, and why', async () => {
      const { reservation, token } = await bookCounter('10:30');
      expect((await clerk.send('POST', `/staff/counter/bookings/${reservation.code}/cancel`, { reason: '' })).status).toBe(400);
      expect((await clerk.send('POST', `/staff/counter/bookings/${reservation.code}/cancel`, { reason: 'ご本人から電話で取り消しの依頼' })).status).toBe(200);
      const row = (await counterDay(clerk)).find((candidate) => candidate.code === reservation.code);
      expect(row).toMatchObject({ status: 'cancelled', cancelReason: 'ご本人から電話で取り消しの依頼' });
      const citizen = await fetch(`${server.baseUrl}/api/v1/counter/reservations/${reservation.code}`, { headers: { Authorization: `Bearer ${token}` } });
      expect(((await citizen.json()) as { reservation: unknown }).reservation).toMatchObject({
        status: 'cancelled',
        cityCancellationReason: 'ご本人から電話で取り消しの依頼',
      });
      expect((await clerk.send('POST', `/staff/counter/bookings/${reservation.code}/cancel`, { reason: 'もう一度' })).status).toBe(409);
      expect((await clerk.send('POST', `/staff/counter/bookings/${reservation.code}/check-in`)).status).toBe(409);
      expect((await audit()).filter((entry) => entry.target === reservation.code).map((entry) => entry.action)).toEqual(['counter-cancel']);
      expect(JSON.stringify(await audit())).not.toContain('電話で取り消し');
    });

    it('leaves the phone out of the day list; 「電話番号を見る」 gives it for one booking and is audited each time', async () => {
      const { reservation } = await bookCounter('16:00', 'でんわ はなこ');
      const list = await clerk.send('GET', '/staff/counter/bookings?date=2026-12-01');
      const listed = await list.text();
      expect(listed).toContain(reservation.code);
      expect(listed).not.toMatch(/0475|phone/);

      const phone = async () => clerk.send('POST', `/staff/counter/bookings/${reservation.code}/phone`);
      const first = await phone();
      expect(first.status).toBe(200);
      expect(first.headers.get('cache-control')).toBe('no-store');
      expect(await first.json()).toEqual({ phone: '0475501210' });
      expect((await phone()).status).toBe(200);
      const rows = (await audit()).filter((entry) => entry.target === reservation.code);
      expect(rows.map(({ actor, action }) => ({ actor, action }))).toEqual([
        { actor: 'madoguchi', action: 'counter-phone-viewed' },
        { actor: 'madoguchi', action: 'counter-phone-viewed' },
      ]);
      expect(JSON.stringify(await audit())).not.toContain('0475');
      expect((await clerk.send('POST', '/staff/counter/bookings/ABCD2345/phone')).status).toBe(404);
    });

    it('moves a booking after a phone call: new seat first, the old one freed, the citizen sees the new time and that the city moved it', async () => {
      const { reservation, token } = await bookCounter('14:00');
      const move = (code: string, date: string, time: string, client = clerk) =>
        client.send('POST', `/staff/counter/bookings/${code}/move`, { slot: { date, time } });

      // A full slot is refused and nothing changes.
      const fullDay = '2026-12-08';
      for (let i = 0; i < 2; i++) {
        const response = await fetch(`${server.baseUrl}/api/v1/counter/reservations`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            kindId: 'card-pickup',
            slot: { date: fullDay, time: '09:00' },
            nameKana: 'とうがね',
            phone: '0475-50-1210',
            people: 1,
            proxy: false,
          }),
        });
        expect(response.status).toBe(201);
      }
      const full = await move(reservation.code, fullDay, '09:00');
      expect(full.status).toBe(409);
      expect((await counterDay(clerk)).find((row) => row.code === reservation.code)?.time).toBe('14:00');

      // Closed days, times off the grid and the same time are refused in words a clerk can act on.
      const closed = await move(reservation.code, '2026-12-12', '10:00');
      expect([closed.status, await message(closed)]).toEqual([422, 'その日は窓口が休みです。ほかの日を選んでください。']);
      expect((await move(reservation.code, '2026-12-07', '10:10')).status).toBe(422);
      expect((await move(reservation.code, '2026-12-07', '25:00')).status).toBe(400);
      const same = await move(reservation.code, '2026-12-01', '14:00');
      expect([same.status, await message(same)]).toEqual([409, 'いまと同じ日時です。ほかの日時を選んでください。']);

      const moved = await move(reservation.code, '2026-12-07', '11:30');
      expect(moved.status).toBe(200);
      expect(await moved.json()).toMatchObject({ from: '2026-12-01T14:00', to: '2026-12-07T11:30' });
      expect((await counterDay(clerk)).find((row) => row.code === reservation.code)).toBeUndefined();
      expect((await counterDay(clerk, '2026-12-07')).find((row) => row.code === reservation.code)).toMatchObject({ time: '11:30', status: 'booked' });
      const citizen = await fetch(`${server.baseUrl}/api/v1/counter/reservations/${reservation.code}`, { headers: { Authorization: `Bearer ${token}` } });
      expect(((await citizen.json()) as { reservation: unknown }).reservation).toMatchObject({
        status: 'booked',
        slot: { date: '2026-12-07', time: '11:30' },
        cityMovedFrom: { date: '2026-12-01', time: '14:00' },
      });
      expect((await audit()).find((entry) => entry.target === reservation.code)).toMatchObject({
        actor: 'madoguchi',
        action: 'counter-move',
        before: '2026-12-01 14:00',
        after: '2026-12-07 11:30',
      });

      // The citizen's cut-off (an hour before) does not bind the clerk: at 10:05 on the day, 10:30 is still given.
      clock = new Date('2026-12-07T01:05:00Z');
      try {
        const desk = await signIn(server, 'madoguchi', PASSWORD);
        expect((await move(reservation.code, '2026-12-07', '10:30', desk)).status).toBe(200);
        const past = await move(reservation.code, '2026-12-07', '10:00', desk);
        expect([past.status, await message(past)]).toEqual([422, 'その時刻はもう過ぎています。これから先の時刻を選んでください。']);
        // Checked in, it stays where it happened.
        expect((await desk.send('POST', `/staff/counter/bookings/${reservation.code}/check-in`)).status).toBe(200);
        const came = await move(reservation.code, '2026-12-07', '15:00', desk);
        expect([came.status, await message(came)]).toEqual([409, '来庁済みの予約は日時を変えられません。']);
      } finally {
        clock = START;
      }
    });

    it('records 来なかった once the time has come; a late arrival is checked in all the same', async () => {
      const { reservation } = await bookCounter('11:00');
      const { reservation: cancelled } = await bookCounter('13:30');
      expect((await clerk.send('POST', `/staff/counter/bookings/${cancelled.code}/cancel`, { reason: '電話で依頼' })).status).toBe(200);
      // 1 December, 11:05 in Japan: a new sign-in, as a week has passed.
      clock = new Date('2026-12-01T02:05:00Z');
      try {
        const desk = await signIn(server, 'madoguchi', PASSWORD);
        const status = async () => (await counterDay(desk)).find((candidate) => candidate.code === reservation.code)?.status;
        expect((await desk.send('POST', `/staff/counter/bookings/${reservation.code}/no-show`)).status).toBe(200);
        expect(await status()).toBe('no-show');
        expect((await desk.send('POST', `/staff/counter/bookings/${reservation.code}/no-show`)).status).toBe(200);
        // A cancelled booking is not a no-show.
        const refused = await desk.send('POST', `/staff/counter/bookings/${cancelled.code}/no-show`);
        expect(refused.status).toBe(409);
        expect(((await refused.json()) as { error: { message: string } }).error.message).toBe('この予約は取り消されているため、記録できません。');
        // The citizen arrives late: checked in, and no longer counted as absent.
        expect((await desk.send('POST', `/staff/counter/bookings/${reservation.code}/check-in`)).status).toBe(200);
        expect(await status()).toBe('checked-in');
        const again = await desk.send('POST', `/staff/counter/bookings/${reservation.code}/no-show`);
        expect(again.status).toBe(409);
        expect(((await again.json()) as { error: { message: string } }).error.message).toBe('この予約は来庁済みです。');
      } finally {
        clock = START;
      }
      // Newest first. (Read back at the suite's clock, where the administrator's session lives.)
      expect((await audit()).filter((entry) => entry.target === reservation.code).map((entry) => entry.action)).toEqual([
        'counter-check-in',
        'counter-no-show',
      ]);
    });

    it('keeps a visit the desk recorded: the citizen can no longer change or cancel it (the store checks in the same transaction)', async () => {
      const { reservation, token } = await bookCounter('15:30');
      expect((await clerk.send('POST', `/staff/counter/bookings/${reservation.code}/check-in`)).status).toBe(200);
      const url = `${server.baseUrl}/api/v1/counter/reservations/${reservation.code}`;
      const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
      const cancel = await fetch(url, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } });
      const change = await fetch(url, { method: 'PATCH', headers, body: JSON.stringify({ slot: { date: '2026-12-02', time: '10:00' } }) });
      for (const refused of [cancel, change]) {
        expect([refused.status, await message(refused)]).toEqual([409, COUNTER_MESSAGES.visitRecorded]);
      }
      expect((await counterDay(clerk)).find((row) => row.code === reservation.code)?.status).toBe('checked-in');
    });

    it('books again the seat a clerk’s cancel freed, though the slot was seen full', async () => {
      const { reservation } = await bookCounter('11:30');
      await bookCounter('11:30');
      const third = await fetch(`${server.baseUrl}/api/v1/counter/reservations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          kindId: 'card-pickup',
          slot: { date: '2026-12-01', time: '11:30' },
          nameKana: 'とうがね',
          phone: '0475-50-1210',
          people: 1,
          proxy: false,
        }),
      });
      expect(third.status).toBe(409);
      expect((await clerk.send('POST', `/staff/counter/bookings/${reservation.code}/cancel`, { reason: '電話で依頼' })).status).toBe(200);
      await bookCounter('11:30');
    });

    it('answers 404 for a code that does not exist and 400 for a bad date', async () => {
      expect((await clerk.send('POST', '/staff/counter/bookings/ZZZZ9999/check-in')).status).toBe(404);
      expect((await clerk.send('GET', '/staff/counter/bookings?date=2026-13-01')).status).toBe(400);
    });
  });

  /** The citizens' availability of one day, as their calendar gets it. */
  async function availableDay(date: string): Promise<CounterDay | undefined> {
    const response = await fetch(`${server.baseUrl}/api/v1/counter/availability?from=${date}&to=${date}`);
    return ((await response.json()) as { days: CounterDay[] }).days[0];
  }

  async function seats(date: string): Promise<Record<string, number>> {
    return Object.fromEntries(((await availableDay(date))?.slots ?? []).map((slot) => [slot.time, slot.seatsLeft]));
  }

  describe('closing the counter', () => {
    const close = (client: StaffClient, body: unknown) => client.send('POST', '/staff/counter/closures', body);

    it('is the administrator’s: a 窓口 clerk reads the closures but may not close or reopen, and nothing changes', async () => {
      const refused = await close(clerk, { date: '2026-12-09', startTime: '00:00', endTime: '24:00', reason: '研修' });
      expect([refused.status, await message(refused)]).toEqual([403, 'この操作は、あなたの役割ではできません。']);
      expect(Object.values(await seats('2026-12-09')).every((left) => left === 2)).toBe(true);
      expect((await close(admin, { date: '2026-12-09', startTime: '00:00', endTime: '24:00', reason: '研修' })).status).toBe(201);
      const closures = ((await (await clerk.send('GET', '/staff/counter/closures')).json()) as { closures: CounterClosure[] }).closures;
      const closure = closures.find((candidate) => candidate.date === '2026-12-09');
      expect(closure).toMatchObject({ startTime: '00:00', endTime: '24:00', reason: '研修' });
      expect((await clerk.send('DELETE', `/staff/counter/closures/${String(closure?.id)}`)).status).toBe(403);
      expect((await admin.send('DELETE', `/staff/counter/closures/${String(closure?.id)}`)).status).toBe(200);
    });

    it('closes some hours: those slots are no longer offered or booked, and a restart does not reopen them', async () => {
      expect((await close(admin, { date: '2026-12-02', startTime: '10:00', endTime: '11:00', reason: 'システムの点検' })).status).toBe(201);
      expect(await seats('2026-12-02')).toMatchObject({ '09:30': 2, '10:00': 0, '10:30': 0, '11:00': 2 });
      // The citizen's list of times says which the city closed, and why.
      const closedFor = Object.fromEntries(((await availableDay('2026-12-02'))?.slots ?? []).map((slot) => [slot.time, slot.closedReason]));
      expect(closedFor).toMatchObject({ '09:30': null, '10:00': 'システムの点検', '10:30': 'システムの点検', '11:00': null });
      const refused = await fetch(`${server.baseUrl}/api/v1/counter/reservations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          kindId: 'card-pickup',
          slot: { date: '2026-12-02', time: '10:30' },
          nameKana: 'とうがね たろう',
          phone: '0475-50-1210',
          email: '',
          people: 1,
          proxy: false,
        }),
      });
      expect(refused.status).toBe(409);
      // What the server does at start-up (the content's capacity for every future slot) leaves them closed.
      await applyContentToStore(server.store, loadContentPack(), clock);
      expect(await seats('2026-12-02')).toMatchObject({ '10:00': 0, '10:30': 0, '11:00': 2 });
      const closures = ((await (await clerk.send('GET', '/staff/counter/closures')).json()) as { closures: CounterClosure[] }).closures;
      expect(closures).toContainEqual(expect.objectContaining({ date: '2026-12-02', startTime: '10:00', endTime: '11:00', reason: 'システムの点検' }));
      expect((await audit()).find((entry) => entry.action === 'counter-closed' && entry.target === '2026-12-02 10:00～11:00')).toMatchObject({
        actor: 'kanri',
      });
    });

    it('refuses where bookings are held, naming them for a phone call, and closes nothing', async () => {
      const { reservation } = await bookCounter('14:00');
      const response = await close(admin, { date: '2026-12-01', startTime: '00:00', endTime: '24:00', reason: '研修' });
      expect(response.status).toBe(409);
      const { message } = ((await response.json()) as { error: { message: string } }).error;
      expect(message).toContain(`14:00 ${reservation.code.slice(0, 4)}-${reservation.code.slice(4)}`);
      expect(message).toContain('予約の方に連絡して、先に取り消してから休みにしてください。');
      expect((await seats('2026-12-01'))['15:00']).toBe(2);
    });

    it('closes a whole day and reopens it', async () => {
      expect((await close(admin, { date: '2026-12-03', startTime: '00:00', endTime: '24:00', reason: '庁舎の停電' })).status).toBe(201);
      // The citizen's calendar shows the day closed, with the city's reason.
      expect(await availableDay('2026-12-03')).toEqual({ date: '2026-12-03', availability: 'closed', closedReason: '庁舎の停電', slots: [] });
      const closure = ((await (await admin.send('GET', '/staff/counter/closures')).json()) as { closures: CounterClosure[] }).closures.find(
        (candidate) => candidate.date === '2026-12-03',
      );
      expect((await admin.send('DELETE', `/staff/counter/closures/${String(closure?.id)}`)).status).toBe(200);
      // The citizens' availability may be kept for a second (src/server/answer-cache.ts).
      clock = new Date(START.getTime() + 2000);
      try {
        expect(Object.values(await seats('2026-12-03')).every((left) => left === 2)).toBe(true);
      } finally {
        clock = START;
      }
      expect((await admin.send('DELETE', `/staff/counter/closures/${String(closure?.id)}`)).status).toBe(404);
      expect((await audit()).find((entry) => entry.action === 'counter-reopened' && entry.target === '2026-12-03 終日')).toMatchObject({ actor: 'kanri' });
    });

    it('refuses an end before the start', async () => {
      expect((await close(admin, { date: '2026-12-04', startTime: '12:00', endTime: '10:00', reason: '点検' })).status).toBe(400);
    });
  });

  describe('the desks of a day', () => {
    const book = (date: string, time: string) =>
      fetch(`${server.baseUrl}/api/v1/counter/reservations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ kindId: 'card-pickup', slot: { date, time }, nameKana: 'まどぐち', phone: '0475-50-1210', people: 1, proxy: false }),
      });
    const setDesks = (date: string, desks: number) => admin.send('POST', '/staff/counter/desks', { date, desks });

    it('raises a day’s desks: more seats in every slot, kept in the database across a restart, audited with before and after', async () => {
      const day = '2026-12-14';
      for (let i = 0; i < 2; i++) expect((await book(day, '10:00')).status).toBe(201);
      expect((await book(day, '10:00')).status).toBe(409);

      const lower = await setDesks(day, 1);
      expect([lower.status, await message(lower)]).toEqual([
        409,
        '受付数を1にすると、すでに予約が入っている次の枠が受付数を超えます：10:00（2件）。予約を別の枠に移してから減らすか、2以上にしてください。',
      ]);
      expect(await seats(day)).toMatchObject({ '10:00': 0, '11:00': 2 });

      expect((await setDesks(day, 3)).status).toBe(200);
      expect(await seats(day)).toMatchObject({ '10:00': 1, '11:00': 3 });
      expect((await book(day, '10:00')).status).toBe(201);
      expect((await book(day, '10:00')).status).toBe(409);
      // Starting again applies the content's desks to every other day; this one keeps its own.
      await applyContentToStore(server.store, loadContentPack(), clock);
      expect(await seats(day)).toMatchObject({ '10:00': 0, '11:00': 3 });
      expect(await (await admin.send('GET', '/staff/counter/desks')).json()).toMatchObject({ defaultDesks: 2, days: [{ date: day, desks: 3 }] });
      expect((await audit()).find((entry) => entry.action === 'counter-desks')).toMatchObject({ actor: 'kanri', target: day, before: '2（既定）', after: '3' });

      // Back to the default is refused while 10:00 holds 3, then done once one is cancelled.
      const back = await admin.send('DELETE', `/staff/counter/desks/${day}`);
      expect([back.status, await message(back)]).toEqual([
        409,
        '受付数を2にすると、すでに予約が入っている次の枠が受付数を超えます：10:00（3件）。予約を別の枠に移してから減らすか、3以上にしてください。',
      ]);
      const held = (await counterDay(clerk, day)).filter((row) => row.time === '10:00');
      expect((await clerk.send('POST', `/staff/counter/bookings/${held[0]?.code ?? ''}/cancel`, { reason: '電話で依頼' })).status).toBe(200);
      expect((await admin.send('DELETE', `/staff/counter/desks/${day}`)).status).toBe(200);
      expect(await seats(day)).toMatchObject({ '10:00': 0, '11:00': 2 });
      expect((await audit()).find((entry) => entry.action === 'counter-desks')).toMatchObject({ before: '3', after: '2（既定）' });
    });

    it('keeps a closed day closed, refuses a past day, 0 desks and nonsense', async () => {
      const day = '2026-12-15';
      expect((await admin.send('POST', '/staff/counter/closures', { date: day, startTime: '00:00', endTime: '24:00', reason: '研修' })).status).toBe(201);
      expect((await setDesks(day, 4)).status).toBe(200);
      expect(Object.values(await seats(day)).every((left) => left === 0)).toBe(true);
      const past = await setDesks('2026-11-20', 3);
      expect([past.status, await message(past)]).toEqual([409, '今日より前の日の受付数は変えられません。']);
      expect((await setDesks(day, 0)).status).toBe(400);
      expect((await admin.send('POST', '/staff/counter/desks', { date: day, desks: '3' })).status).toBe(400);
      expect((await admin.send('DELETE', '/staff/counter/desks/tomorrow')).status).toBe(400);
    });
  });

  describe('the facility desk', () => {
    const held = {
      facilityId: 'bunka-kaikan',
      roomId: 'meeting-1',
      dates: ['2026-12-17'],
      blockIds: ['afternoon'],
      residency: 'resident',
      group: 'general',
      purpose: '自治会の会議',
      headCount: 12,
      groupName: '東金一丁目自治会',
      nameKana: 'とうがね はなこ',
      phone: '0475-50-1210',
      email: '',
    };
    async function hold(dates: string[], other: Partial<typeof held> = {}): Promise<FacilityBookingCreated> {
      const response = await fetch(`${server.baseUrl}/api/v1/facilities/bookings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...held, ...other, dates }),
      });
      expect(response.status).toBe(201);
      return (await response.json()) as FacilityBookingCreated;
    }

    it('lists pending 仮予約 and confirms one: the citizen then sees it booked', async () => {
      const created = await hold(['2026-12-18']);
      const list = ((await (await manager.send('GET', '/staff/facilities/provisional')).json()) as { bookings: ProvisionalFacilityBooking[] }).bookings;
      expect(list.find((booking) => booking.code === created.booking.code)).toMatchObject({
        facilityName: '東金文化会館',
        dates: ['2026-12-18'],
        headCount: 12,
        fee: 1400,
        groupName: '東金一丁目自治会',
      });
      expect((await manager.send('POST', `/staff/facilities/bookings/${created.booking.code}/confirm`)).status).toBe(200);
      const citizen = await fetch(`${server.baseUrl}/api/v1/facilities/bookings/${created.booking.code}`, {
        headers: { Authorization: `Bearer ${created.token}` },
      });
      expect(((await citizen.json()) as { booking: { status: string } }).booking.status).toBe('booked');
      const after = ((await (await manager.send('GET', '/staff/facilities/provisional')).json()) as { bookings: ProvisionalFacilityBooking[] }).bookings;
      expect(after.map((booking) => booking.code)).not.toContain(created.booking.code);
      expect((await audit()).find((entry) => entry.target === created.booking.code)).toMatchObject({ actor: 'shisetsu', action: 'facility-confirm' });
    });

    it('declines a 仮予約 with a reason: the citizen sees it cancelled by the city with the reason, the blocks are free at once, and it is audited', async () => {
      const created = await hold(['2026-12-19']);
      const code = created.booking.code;
      const blockFree = async () => {
        const answer = await fetch(`${server.baseUrl}/api/v1/facilities/bunka-kaikan/rooms/meeting-1/availability?from=2026-12-19&to=2026-12-19`);
        const { days } = (await answer.json()) as { days: { blocks: { id: string; free: boolean }[] }[] };
        return days[0]?.blocks.find((block) => block.id === 'afternoon')?.free;
      };
      expect(await blockFree()).toBe(false);
      // The reason is required and bounded; nothing changes on a refusal.
      expect((await manager.send('POST', `/staff/facilities/bookings/${code}/decline`, { reason: '  ' })).status).toBe(400);
      expect((await manager.send('POST', `/staff/facilities/bookings/${code}/decline`, { reason: 'あ'.repeat(201) })).status).toBe(400);
      expect((await manager.send('POST', `/staff/facilities/bookings/${code}/decline`, {})).status).toBe(400);
      expect(await blockFree()).toBe(false);

      const reason = '市の行事で部屋を使うことになったため';
      expect((await manager.send('POST', `/staff/facilities/bookings/${code}/decline`, { reason })).status).toBe(200);
      const citizen = await fetch(`${server.baseUrl}/api/v1/facilities/bookings/${code}`, { headers: { Authorization: `Bearer ${created.token}` } });
      expect(((await citizen.json()) as { booking: object }).booking).toMatchObject({ status: 'cancelled', cityCancellationReason: reason });
      expect(await blockFree()).toBe(true);
      const list = ((await (await manager.send('GET', '/staff/facilities/provisional')).json()) as { bookings: ProvisionalFacilityBooking[] }).bookings;
      expect(list.map((booking) => booking.code)).not.toContain(code);
      expect((await audit()).find((entry) => entry.target === code)).toMatchObject({
        actor: 'shisetsu',
        action: 'facility-decline',
        before: '仮予約',
        after: '市役所が取り消し',
      });

      // Once declined, neither again nor confirmed.
      const again = await manager.send('POST', `/staff/facilities/bookings/${code}/decline`, { reason });
      expect(again.status).toBe(409);
      expect(((await again.json()) as { error: { message: string } }).error.message).toContain('断れません');
      expect((await manager.send('POST', `/staff/facilities/bookings/${code}/confirm`)).status).toBe(409);
      expect((await manager.send('POST', '/staff/facilities/bookings/ZZZZ9999/decline', { reason })).status).toBe(404);
    });

    it('records a confirmed booking’s fee as paid (how, receipt number, who, when), once, and audits it; refuses a 仮予約', async () => {
      const created = await hold(['2026-12-26']);
      const code = created.booking.code;
      const pay = (body: unknown) => manager.send('POST', `/staff/facilities/bookings/${code}/fee-paid`, body);
      const refusal = async (response: Response) => ((await response.json()) as { error: { message: string } }).error.message;
      const provisional = await pay({ method: 'cash', receiptNumber: 'R06-001234' });
      expect(provisional.status).toBe(409);
      expect(await refusal(provisional)).toBe('仮予約の使用料は記録できません。先に本予約にしてください。');
      expect((await manager.send('POST', `/staff/facilities/bookings/${code}/confirm`)).status).toBe(200);
      const listed = async () =>
        ((await (await manager.send('GET', '/staff/facilities/booked')).json()) as { bookings: BookedFacilityBooking[] }).bookings.find(
          (booking) => booking.code === code,
        );
      expect(await listed()).toMatchObject({ facilityName: '東金文化会館', fee: 1400, payment: null });

      // Bounded and validated; nothing is recorded on a refusal.
      for (const body of [
        { method: 'bitcoin', receiptNumber: 'R06-1' },
        { method: 'cash', receiptNumber: '' },
        { method: 'cash', receiptNumber: 'R'.repeat(21) },
        { method: 'cash', receiptNumber: 'R06 <1>' },
        { method: 'cash' },
      ]) {
        expect([body, (await pay(body)).status]).toEqual([body, 400]);
      }
      expect((await listed())?.payment).toBeNull();

      expect((await pay({ method: 'bank-transfer', receiptNumber: 'ｒ０６－００１２３４' })).status).toBe(200);
      expect((await listed())?.payment).toEqual({
        method: 'bank-transfer',
        receiptNumber: 'R06-001234',
        recordedAt: START.toISOString(),
        recordedBy: 'shisetsuさん',
      });
      const twice = await pay({ method: 'cash', receiptNumber: 'R06-9' });
      expect(twice.status).toBe(409);
      expect(await refusal(twice)).toContain('支払い済み');
      expect((await audit()).find((entry) => entry.target === code && entry.action === 'facility-fee-paid')).toMatchObject({
        actor: 'shisetsu',
        before: '未払い',
        after: '口座振込（領収番号 R06-001234）',
      });
      expect((await manager.send('POST', '/staff/facilities/bookings/ZZZZ9999/fee-paid', { method: 'cash', receiptNumber: '1' })).status).toBe(404);
    });

    it('does not decline a confirmed booking, nor a 仮予約 past its deadline', async () => {
      const confirmed = await hold(['2026-12-22']);
      expect((await manager.send('POST', `/staff/facilities/bookings/${confirmed.booking.code}/confirm`)).status).toBe(200);
      expect((await manager.send('POST', `/staff/facilities/bookings/${confirmed.booking.code}/decline`, { reason: '理由' })).status).toBe(409);
      const citizen = await fetch(`${server.baseUrl}/api/v1/facilities/bookings/${confirmed.booking.code}`, {
        headers: { Authorization: `Bearer ${confirmed.token}` },
      });
      expect(((await citizen.json()) as { booking: object }).booking).toMatchObject({ status: 'booked', cityCancellationReason: null });

      const expiring = await hold(['2026-12-16']);
      clock = new Date('2026-12-01T15:00:00Z');
      try {
        const late = await signIn(server, 'shisetsu', PASSWORD);
        expect((await late.send('POST', `/staff/facilities/bookings/${expiring.booking.code}/decline`, { reason: '理由' })).status).toBe(409);
      } finally {
        clock = START;
      }
    });

    describe('blocking a room for the city, and the day sheet', () => {
      const room = { facilityId: 'bunka-kaikan', roomId: 'meeting-2' };
      const block = (body: object, client = manager) => client.send('POST', '/staff/facilities/room-blocks', { ...room, reason: '設備点検', ...body });
      const blocks = async () => ((await (await manager.send('GET', '/staff/facilities/room-blocks')).json()) as { blocks: RoomBlock[] }).blocks;
      const freeBlocks = async (date: string) => {
        const answer = await fetch(`${server.baseUrl}/api/v1/facilities/bunka-kaikan/rooms/meeting-2/availability?from=${date}&to=${date}`);
        const { days } = (await answer.json()) as { days: { blocks: { id: string; free: boolean; bookable: boolean }[] }[] };
        return (days[0]?.blocks ?? []).filter((candidate) => candidate.bookable).map((candidate) => candidate.id);
      };
      const sheet = async (date: string) => {
        const response = await manager.send('GET', `/staff/facilities/day-sheet?facilityId=bunka-kaikan&roomId=meeting-2&date=${date}`);
        expect(response.status).toBe(200);
        return (await response.json()) as DaySheet;
      };

      it('blocks the afternoon: citizens cannot book it, the day sheet lists it, unblocking frees it; both are audited', async () => {
        const date = '2026-12-18';
        expect(await freeBlocks(date)).toEqual(['morning', 'afternoon', 'evening', 'all-day']);
        expect((await block({ date, blockIds: ['afternoon'], reason: '市の行事（成人式の準備）' })).status).toBe(201);
        expect(await freeBlocks(date)).toEqual(['morning', 'evening']);
        const refused = await fetch(`${server.baseUrl}/api/v1/facilities/bookings`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ ...held, ...room, dates: [date], blockIds: ['afternoon'] }),
        });
        expect(refused.status).toBe(409);
        const listed = (await blocks()).find((candidate) => candidate.roomId === 'meeting-2' && candidate.date === date);
        expect(listed).toMatchObject({
          facilityName: '東金文化会館',
          blockIds: ['afternoon'],
          hours: '午後（13:00～17:00）',
          reason: '市の行事（成人式の準備）',
          createdBy: 'shisetsuさん',
        });

        const morning = await hold([date], { ...room, blockIds: ['morning'] });
        expect((await sheet(date)).entries).toEqual([
          {
            start: '09:00',
            hours: '午前（9:00～12:00）',
            state: '仮予約',
            code: morning.booking.code,
            groupName: '東金一丁目自治会',
            headCount: 12,
            reason: null,
          },
          {
            start: '13:00',
            hours: '午後（13:00～17:00）',
            state: '市の使用',
            code: null,
            groupName: null,
            headCount: null,
            reason: '市の行事（成人式の準備）',
          },
        ]);
        expect(JSON.stringify(await sheet(date))).not.toMatch(/0475|ハナコ|はなこ/);
        expect((await manager.send('POST', `/staff/facilities/bookings/${morning.booking.code}/confirm`)).status).toBe(200);
        expect(
          (await manager.send('POST', `/staff/facilities/bookings/${morning.booking.code}/fee-paid`, { method: 'cash', receiptNumber: 'R06-77' })).status,
        ).toBe(200);
        expect((await sheet(date)).entries[0]?.state).toBe('支払い済み');

        expect((await manager.send('DELETE', `/staff/facilities/room-blocks/${String(listed?.id)}`)).status).toBe(200);
        expect(await freeBlocks(date)).toEqual(['afternoon', 'evening']);
        expect((await manager.send('DELETE', `/staff/facilities/room-blocks/${String(listed?.id)}`)).status).toBe(404);
        const rows = (await audit()).filter((entry) => entry.target === `東金文化会館 会議室(2) ${formatJapaneseDate(date)}`);
        expect(rows.map(({ actor, action, before, after }) => ({ actor, action, before, after }))).toEqual([
          { actor: 'shisetsu', action: 'room-unblocked', before: '市の使用：午後（13:00～17:00）（市の行事（成人式の準備））', after: '予約できる' },
          { actor: 'shisetsu', action: 'room-blocked', before: '予約できる', after: '市の使用：午後（13:00～17:00）（市の行事（成人式の準備））' },
        ]);
      });

      it('refuses where bookings are held, naming each (code, time, state) for a phone call, and blocks nothing', async () => {
        const date = '2026-12-23';
        const provisional = await hold([date], { ...room, blockIds: ['morning'] });
        const confirmed = await hold([date], { ...room, blockIds: ['evening'] });
        expect((await manager.send('POST', `/staff/facilities/bookings/${confirmed.booking.code}/confirm`)).status).toBe(200);
        const refused = await block({ date, blockIds: ['all-day'] });
        expect(refused.status).toBe(409);
        const said = await message(refused);
        expect(said).toContain('予約が2件あります');
        expect(said).toContain(`${formatReservationCode(provisional.booking.code)}（午前（9:00～12:00）、仮予約）`);
        expect(said).toContain(`${formatReservationCode(confirmed.booking.code)}（夜間（18:00～21:00）、本予約）`);
        expect((await blocks()).filter((candidate) => candidate.date === date)).toEqual([]);
        expect(await freeBlocks(date)).toEqual(['afternoon']);
        // The free afternoon can be blocked; blocking it twice is refused.
        expect((await block({ date, blockIds: ['afternoon'] })).status).toBe(201);
        const twice = await block({ date, blockIds: ['afternoon'] });
        expect(twice.status).toBe(409);
        expect(await message(twice)).toBe('この時間は、もう止めてあります。一覧をご覧ください。');
      });

      it('refuses what cannot be blocked, with the reason in Japanese, and changes nothing', async () => {
        const before = (await blocks()).length;
        const cases: [object, number, string | RegExp][] = [
          [{ date: '2026-12-24', blockIds: ['afternoon'], reason: '' }, 400, /理由/],
          [{ date: '2026-12-24', blockIds: ['afternoon'], reason: 'あ'.repeat(101) }, 400, /100文字/],
          [{ date: '2026-12-24', blockIds: [] }, 400, /1つ以上/],
          [{ date: '2026-12-24', blockIds: ['morning', 'morning'] }, 400, /重なって/],
          [{ date: '2026-12-24', blockIds: Array.from({ length: 11 }, () => 'x') }, 400, /./],
          [{ date: '2026-02-30', blockIds: ['morning'] }, 400, /日付/],
          [{ date: '2026-12-24', blockIds: ['b09'] }, 422, '東金文化会館の時間の区分から選んでください。'],
          [{ date: '2026-11-23', blockIds: ['morning'] }, 422, '今日より前の日は止められません。'],
          [{ date: '2028-12-01', blockIds: ['morning'] }, 422, /までの日を選んでください/],
          [{ date: '2026-12-14', blockIds: ['morning'] }, 422, /休館日/],
          [{ facilityId: 'sample-kominkan', roomId: 'meeting', date: '2026-12-24', blockIds: ['morning'] }, 422, /予約を受けている部屋/],
          [{ facilityId: 'togane-arena', roomId: 'main-arena', date: '2026-12-24', blockIds: ['b09'] }, 422, /予約を受けている部屋/],
          [{ roomId: 'no-such-room', date: '2026-12-24', blockIds: ['morning'] }, 422, /予約を受けている部屋/],
          [{ date: '2026-12-24', blockIds: ['morning'], fee: 0 }, 400, /./],
        ];
        for (const [body, status, said] of cases) {
          const response = await block(body);
          expect([body, response.status]).toEqual([body, status]);
          // A 400 says what is wrong beside each field; a 422 says it in the message too.
          const { error } = (await response.json()) as { error: { message: string; fields?: { message: string }[] } };
          expect([error.message, ...(error.fields ?? []).map((field) => field.message)].join(' ')).toMatch(said);
        }
        expect((await blocks()).length).toBe(before);
        expect((await manager.send('GET', '/staff/facilities/day-sheet?facilityId=togane-arena&roomId=main-arena&date=2026-12-18')).status).toBe(404);
        expect((await manager.send('GET', '/staff/facilities/day-sheet?facilityId=bunka-kaikan&roomId=meeting-2&date=9999-12-31')).status).toBe(400);
      });

      it('lets the administrator block and unblock as well', async () => {
        expect((await block({ date: '2026-12-25', blockIds: ['evening'] }, admin)).status).toBe(201);
        const listed = (await blocks()).find((candidate) => candidate.date === '2026-12-25');
        expect(listed?.createdBy).toBe('kanriさん');
        expect((await admin.send('DELETE', `/staff/facilities/room-blocks/${String(listed?.id)}`)).status).toBe(200);
        expect((await audit()).filter((entry) => entry.actor === 'kanri' && entry.action.startsWith('room-')).map((entry) => entry.action)).toEqual([
          'room-unblocked',
          'room-blocked',
        ]);
      });
    });

    it('cannot confirm a 仮予約 whose deadline has passed', async () => {
      const created = await hold(['2026-12-17']);
      clock = new Date('2026-12-01T15:00:00Z');
      try {
        const late = await signIn(server, 'shisetsu', PASSWORD);
        expect((await late.send('POST', `/staff/facilities/bookings/${created.booking.code}/confirm`)).status).toBe(409);
      } finally {
        clock = START;
      }
    });

    it('counts the month by day, visit kind and room for every staff role, and gives it as CSV for Excel', async () => {
      const figures = async (client: StaffClient) => (await (await client.send('GET', '/staff/figures?month=2026-12')).json()) as StaffFigures;
      const counterRow = (answer: StaffFigures) =>
        answer.counter.find((row) => row.date === '2026-12-01' && row.kindId === 'card-pickup') ?? {
          booked: 0,
          checkedIn: 0,
          noShow: 0,
          cancelled: 0,
          people: 0,
        };
      const roomRow = (answer: StaffFigures) =>
        answer.rooms.find((row) => row.facilityId === 'bunka-kaikan' && row.roomId === 'meeting-1') ?? { booked: 0, provisional: 0, cancelled: 0, blocks: 0 };
      const before = await figures(clerk);
      const { reservation } = await bookCounter('14:00', 'かそう たろう');
      const { reservation: cancelled } = await bookCounter('14:30');
      expect((await clerk.send('POST', `/staff/counter/bookings/${cancelled.code}/cancel`, { reason: '電話で依頼' })).status).toBe(200);
      expect((await clerk.send('POST', `/staff/counter/bookings/${reservation.code}/check-in`)).status).toBe(200);
      await hold(['2026-12-23']);
      await hold(['2026-12-24']);

      const after = await figures(manager);
      const [counterBefore, counterAfter] = [counterRow(before), counterRow(after)];
      expect({
        booked: counterAfter.booked - counterBefore.booked,
        checkedIn: counterAfter.checkedIn - counterBefore.checkedIn,
        noShow: counterAfter.noShow - counterBefore.noShow,
        cancelled: counterAfter.cancelled - counterBefore.cancelled,
        people: counterAfter.people - counterBefore.people,
      }).toEqual({ booked: 1, checkedIn: 1, noShow: 0, cancelled: 1, people: 2 });
      const [roomBefore, roomAfter] = [roomRow(before), roomRow(after)];
      // Two 仮予約 of one block each.
      expect([roomAfter.provisional - roomBefore.provisional, roomAfter.blocks - roomBefore.blocks]).toEqual([2, 2]);
      expect(after.rooms.find((row) => row.roomId === 'meeting-1')?.name).toMatch(/^東金文化会館 /);
      // Occupancy: each 午後 (13:00–17:00) holds 4 of the day's 12 bookable hours (9:00–21:00).
      const occupancy = (answer: StaffFigures) => answer.occupancy.find((row) => row.facilityId === 'bunka-kaikan' && row.roomId === 'meeting-1');
      const day23 = (answer: StaffFigures) => occupancy(answer)?.days.find((row) => row.date === '2026-12-23');
      expect([(day23(after)?.bookedMinutes ?? 0) - (day23(before)?.bookedMinutes ?? 0), day23(after)?.bookableMinutes]).toEqual([240, 720]);
      expect((occupancy(after)?.bookedMinutes ?? 0) - (occupancy(before)?.bookedMinutes ?? 0)).toBe(480);

      const csv = await admin.send('GET', '/staff/figures.csv?month=2026-12');
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toBe('attachment; filename="togane-figures-2026-12.csv"');
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      expect(text).toContain(`\r\n2026-12-01,カードの受け取り,${String(counterAfter.booked)},${String(counterAfter.checkedIn)},`);
      expect(text).toContain('\r\n日付,施設・部屋,予約した時間,予約できる時間,利用率\r\n');
      expect(text).toMatch(/\r\n2026-12-23,東金文化会館 [^,]+,\d+(\.\d+)?,12,\d+\.\d%\r\n/);
      expect(text).not.toMatch(new RegExp(`${reservation.code}|カソウ|0475`));

      expect((await clerk.send('GET', '/staff/figures?month=2026-13')).status).toBe(400);
      expect((await fetch(`${server.baseUrl}/api/v1/staff/figures.csv?month=2026-12`)).status).toBe(401);
    });
  });

  describe('the administrator', () => {
    it('adds accounts, refusing short and common passwords and taken names', async () => {
      const add = (password: string, loginName = 'yamada.t') =>
        admin.send('POST', '/staff/accounts', { loginName, displayName: '山田 太郎', role: 'counter', password });
      for (const [password, message] of [
        ['short-pass', 'パスワードは12文字以上にしてください。'],
        ['1qaz2wsx3edc', 'よく使われていて推測されやすいパスワードです。ほかのものにしてください。'],
        ['yamada.t-2026-spring', 'パスワードにログイン名を含めないでください。'],
      ] as const) {
        const response = await add(password);
        expect(response.status).toBe(422);
        expect(((await response.json()) as { error: { message: string } }).error.message).toBe(message);
      }
      expect((await add('sakura-no-hana-2026')).status).toBe(201);
      expect((await add('sakura-no-hana-2026')).status).toBe(409);
      const accounts = ((await (await admin.send('GET', '/staff/accounts')).json()) as { accounts: StaffAccountListing[] }).accounts;
      expect(accounts.find((account) => account.loginName === 'yamada.t')).toMatchObject({
        displayName: '山田 太郎',
        role: 'counter',
        disabled: false,
        lockedUntil: null,
      });
      expect(JSON.stringify(accounts)).not.toMatch(/scrypt|sakura/);
    });

    it('lists sessions and revokes one: its cookie opens nothing afterwards', async () => {
      const other = await signIn(server, 'madoguchi', PASSWORD);
      const sessions = ((await (await admin.send('GET', '/staff/sessions')).json()) as { sessions: StaffSessionListing[] }).sessions;
      expect(sessions.filter((session) => session.current).map((session) => session.loginName)).toEqual(['kanri']);
      const newest = sessions.filter((session) => session.loginName === 'madoguchi').sort((a, b) => b.id - a.id)[0];
      expect((await other.send('GET', '/staff/session')).status).toBe(200);
      expect((await admin.send('DELETE', `/staff/sessions/${String(newest?.id)}`)).status).toBe(200);
      expect((await other.send('GET', '/staff/session')).status).toBe(401);
      expect((await admin.send('DELETE', `/staff/sessions/${String(newest?.id)}`)).status).toBe(404);
    });

    it('stops an account, which ends its sessions', async () => {
      await addStaffAccount(server, 'taishoku', 'counter', PASSWORD);
      const leaving = await signIn(server, 'taishoku', PASSWORD);
      expect((await admin.send('POST', '/staff/accounts/taishoku/disable')).status).toBe(200);
      expect((await leaving.send('GET', '/staff/session')).status).toBe(401);
      expect((await signInRequest(server, 'taishoku', PASSWORD)).status).toBe(401);
      expect((await admin.send('POST', '/staff/accounts/nobody-here/disable')).status).toBe(404);
    });

    it('sees the audit rows of sign-ins and sign-outs', async () => {
      const actions = new Set((await audit()).map((entry) => `${entry.actor} ${entry.action}`));
      for (const expected of [
        'madoguchi sign-in',
        'madoguchi sign-out',
        'madoguchi sign-in-refused',
        'kanri session-revoked',
        'kanri account-added',
        'kanri account-disabled',
      ])
        expect(actions).toContain(expected);
    });

    it('keeps the audit log append-only, in the database itself', async () => {
      await expect(database.run("UPDATE staff_audit_log SET actor = 'someone'")).rejects.toThrow(/append-only/);
      await expect(database.run('DELETE FROM staff_audit_log')).rejects.toThrow(/append-only/);
      expect((await audit()).length).toBeGreaterThan(0);
    });
  });

  describe('the lock-out after 5 wrong passwords', () => {
    it('holds under a burst of 20 parallel wrong passwords: 5 checks, then locked', { timeout: 30_000 }, async () => {
      await addStaffAccount(server, 'burst', 'counter', PASSWORD);
      const answers = await Promise.all(Array.from({ length: 20 }, (_, index) => signInRequest(server, 'burst', `wrong-password-${String(index)}`)));
      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(5);
      expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
      const refused = (await audit()).filter((entry) => entry.target === 'burst');
      expect(refused.filter((entry) => entry.action === 'sign-in-refused')).toHaveLength(5);
      expect(refused.filter((entry) => entry.action === 'account-locked')).toHaveLength(1);
      const right = await signInRequest(server, 'burst', PASSWORD);
      expect(right.status).toBe(429);
      expect(((await right.json()) as { error: { message: string } }).error.message).toBe(
        'パスワードを続けて間違えたため、このアカウントは10:30までロックされています。急ぐときは管理者に連絡してください。',
      );
      // The administrator lifts it with a new password.
      expect((await admin.send('POST', '/staff/accounts/burst/password', { password: 'atarashii-pass-2026' })).status).toBe(200);
      expect((await signInRequest(server, 'burst', 'atarashii-pass-2026')).status).toBe(200);
    });

    it('a right password forgets earlier wrong ones; the lock ends after its time', { timeout: 30_000 }, async () => {
      await addStaffAccount(server, 'wasure', 'counter', PASSWORD);
      for (let i = 0; i < 4; i++) expect((await signInRequest(server, 'wasure', 'wrong-password-x')).status).toBe(401);
      expect((await signInRequest(server, 'wasure', PASSWORD)).status).toBe(200);
      for (let i = 0; i < 4; i++) expect((await signInRequest(server, 'wasure', 'wrong-password-x')).status).toBe(401);
      expect((await signInRequest(server, 'wasure', 'wrong-password-x')).status).toBe(429);
      expect((await signInRequest(server, 'wasure', PASSWORD)).status).toBe(429);
      clock = new Date(START.getTime() + 31 * 60_000);
      try {
        expect((await signInRequest(server, 'wasure', PASSWORD)).status).toBe(200);
      } finally {
        clock = START;
      }
    });
  });

  describe('a restart', () => {
    it('keeps the wrong tries, the lock, the accounts and the sessions', { timeout: 60_000 }, async () => {
      const kept = await newDatabase();
      let first: TestServer | null = await startTestServer({ ...kept.config, rateLimitPerMinute: 100_000 }, () => clock);
      try {
        await addStaffAccount(first, 'saikido', 'counter', PASSWORD);
        const session = await signIn(first, 'saikido', PASSWORD);
        for (let i = 0; i < 3; i++) expect((await signInRequest(first, 'saikido', 'wrong-password-x')).status).toBe(401);
        await first.close();
        first = null;

        let second: TestServer | null = await startTestServer({ ...kept.config, rateLimitPerMinute: 100_000 }, () => clock);
        const carried = {
          ...session,
          send: (method: string, path: string) => fetch(`${second?.baseUrl ?? ''}/api/v1${path}`, { method, headers: { Cookie: session.cookie } }),
        };
        expect((await carried.send('GET', '/staff/session')).status).toBe(200);
        expect((await signInRequest(second, 'saikido', 'wrong-password-x')).status).toBe(401);
        expect((await signInRequest(second, 'saikido', 'wrong-password-x')).status).toBe(429);
        await second.close();
        second = null;

        const third = await startTestServer({ ...kept.config, rateLimitPerMinute: 100_000 }, () => clock);
        try {
          expect((await signInRequest(third, 'saikido', PASSWORD)).status).toBe(429);
        } finally {
          await third.close();
        }
      } finally {
        await first?.close();
        kept.remove();
      }
    });
  });
}
