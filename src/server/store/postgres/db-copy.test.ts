import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CounterReservationCreated } from '../../../domain/counter-reservation.ts';
import type { FacilityBookingCreated } from '../../../domain/facility-booking.ts';
import { createTestDatabase } from '../../testing/postgres-test-database.ts';
import { addStaffAccount, signIn } from '../../testing/staff-client.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';
import { bundledMigrations } from '../bundled-migrations.ts';
import { CopyRefused, copySqliteToPostgres } from '../db-copy.ts';
import { applyMigrations } from '../migrations.ts';
import { DATABASE_FILE_NAME } from '../sqlite-store.ts';
import { applyPostgresMigrations, bundledPostgresMigrations } from './postgres-migrations.ts';

// Tuesday 24 November 2026, 10:00 in Japan: both servers run on this clock, so their answers compare.
const NOW = new Date('2026-11-24T01:00:00Z');
const clock = () => NOW;
const PASSWORD = 'kuju-kuri-hama-2026';
const IDEMPOTENCY_KEY = '0b7e3c52-9a14-4f6d-8e21-5c3d7a9b1f40';

function counterBooking(time: string, people = 1) {
  return { kindId: 'card-pickup', slot: { date: '2026-12-01', time }, nameKana: 'とうがね たろう', phone: '0475-50-1210', email: '', people, proxy: false };
}
const roomBooking = {
  facilityId: 'bunka-kaikan',
  roomId: 'meeting-1',
  dates: ['2026-12-16', '2026-12-17'],
  blockIds: ['morning', 'afternoon'],
  residency: 'resident',
  group: 'general',
  purpose: '自治会の会議',
  headCount: 12,
  groupName: '東金一丁目自治会',
  nameKana: 'とうがね はなこ',
  phone: '0475-50-1210',
  email: '',
};

async function call(server: TestServer, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Everything the citizens and the staff see of the bookings made below, as one server answers it. */
async function whatIsSeen(server: TestServer, counter: CounterReservationCreated[], room: FacilityBookingCreated): Promise<unknown[]> {
  const clerk = await signIn(server, 'madoguchi', PASSWORD);
  const admin = await signIn(server, 'kanri', PASSWORD);
  const manager = await signIn(server, 'shisetsu', PASSWORD);
  const answers = [
    ...counter.map((created) => call(server, 'GET', `/counter/reservations/${created.reservation.code}`, undefined, bearer(created.token))),
    call(server, 'GET', `/facilities/bookings/${room.booking.code}`, undefined, bearer(room.token)),
    call(server, 'GET', '/counter/availability?from=2026-12-01&to=2026-12-04'),
    call(server, 'GET', '/facilities/bunka-kaikan/rooms/meeting-1/availability?from=2026-12-15&to=2026-12-18'),
    clerk.send('GET', '/staff/counter/bookings?date=2026-12-01'),
    admin.send('GET', '/staff/counter/closures'),
    manager.send('GET', '/staff/facilities/provisional'),
    admin.send('GET', '/staff/accounts'),
  ];
  return Promise.all(
    answers.map(async (pending) => {
      const response = await pending;
      expect(response.status).toBe(200);
      return (await response.json()) as unknown;
    }),
  );
}

/** A fresh SQLite database file at this server's schema, for the refusal tests. */
function emptySqlite(dir: string, migrations = bundledMigrations): Database.Database {
  const db = new Database(join(dir, `${String(Math.random()).slice(2)}.sqlite`));
  applyMigrations(db, migrations);
  return db;
}

async function rowsIn(url: string, table: string): Promise<number> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return Number((await client.query<{ count: string }>(`SELECT count(*) FROM ${table}`)).rows[0]?.count);
  } finally {
    await client.end();
  }
}

describe('npm run db:copy: a SQLite database into an empty PostgreSQL one', () => {
  let sqliteServer: TestServer;
  let counter: CounterReservationCreated[];
  let room: FacilityBookingCreated;
  let seenOnSqlite: unknown[];
  const scratch = mkdtempSync(join(tmpdir(), 'togane-copy-'));

  beforeAll(async () => {
    sqliteServer = await startTestServer({ rateLimitPerMinute: 100_000 }, clock);
    for (const [login, role] of [
      ['madoguchi', 'counter'],
      ['shisetsu', 'facility'],
      ['kanri', 'admin'],
    ] as const) {
      await addStaffAccount(sqliteServer, login, role, PASSWORD);
    }
    const book = async (time: string, headers: Record<string, string> = {}) => {
      const response = await call(sqliteServer, 'POST', '/counter/reservations', counterBooking(time, 2), headers);
      expect(response.status).toBe(201);
      return (await response.json()) as CounterReservationCreated;
    };
    counter = [await book('10:00', { 'Idempotency-Key': IDEMPOTENCY_KEY }), await book('10:30'), await book('11:00')];
    const [kept, cancelledByCity, cancelledByCitizen] = counter as [CounterReservationCreated, CounterReservationCreated, CounterReservationCreated];
    // A second device opens the first booking with the code and the phone number.
    expect((await call(sqliteServer, 'POST', '/counter/reservations/lookup', { code: kept.reservation.code, phone: '0475-50-1210' })).status).toBe(200);
    expect(
      (await call(sqliteServer, 'DELETE', `/counter/reservations/${cancelledByCitizen.reservation.code}`, undefined, bearer(cancelledByCitizen.token))).status,
    ).toBe(200);
    const clerk = await signIn(sqliteServer, 'madoguchi', PASSWORD);
    expect((await clerk.send('POST', `/staff/counter/bookings/${cancelledByCity.reservation.code}/cancel`, { reason: 'ご本人から電話で依頼' })).status).toBe(
      200,
    );
    const admin = await signIn(sqliteServer, 'kanri', PASSWORD);
    expect(
      (await admin.send('POST', '/staff/counter/closures', { date: '2026-12-03', startTime: '00:00', endTime: '24:00', reason: '庁舎の停電' })).status,
    ).toBe(201);
    const held = await call(sqliteServer, 'POST', '/facilities/bookings', roomBooking);
    expect(held.status, await held.clone().text()).toBe(201);
    room = (await held.json()) as FacilityBookingCreated;
    seenOnSqlite = await whatIsSeen(sqliteServer, counter, room);
    await sqliteServer.app.close();
    await sqliteServer.store.close();
  }, 60_000);
  afterAll(() => {
    rmSync(sqliteServer.dataDir, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  });

  it('copies every table, checked by count and checksum; a PostgreSQL server then answers exactly as the SQLite one did and keeps its rules', async () => {
    const url = await createTestDatabase();
    const source = new Database(join(sqliteServer.dataDir, DATABASE_FILE_NAME), { readonly: true });
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      const copied = await copySqliteToPostgres(source, pool);
      const tables = source
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'")
        .pluck()
        .all() as string[];
      expect(copied.map((table) => table.table).sort()).toEqual(tables.sort());
      for (const table of copied) {
        expect(table.rows, table.table).toBe(source.prepare(`SELECT count(*) FROM ${table.table}`).pluck().get());
      }
      // What the scenario wrote is there, not only empty tables: three counter bookings, the room's four blocks.
      expect(copied.find((table) => table.table === 'counter_reservations')?.rows).toBe(3);
      expect(copied.find((table) => table.table === 'facility_booked_segments')?.rows).toBeGreaterThanOrEqual(4);
      expect(copied.find((table) => table.table === 'staff_audit_log')?.rows).toBeGreaterThan(0);
    } finally {
      source.close();
      await pool.end();
    }

    const server = await startTestServer({ databaseUrl: url, rateLimitPerMinute: 100_000 }, clock);
    try {
      expect(await whatIsSeen(server, counter, room)).toEqual(seenOnSqlite);
      // The exclusion constraint holds the copied segments: the same room and block is refused.
      expect((await call(server, 'POST', '/facilities/bookings', { ...roomBooking, dates: ['2026-12-17'], blockIds: ['afternoon'] })).status).toBe(409);
      // A retry of the first booking, with its Idempotency-Key, is answered with that booking, not a second one.
      const replay = await call(server, 'POST', '/counter/reservations', counterBooking('10:00', 2), { 'Idempotency-Key': IDEMPOTENCY_KEY });
      expect(((await replay.json()) as CounterReservationCreated).reservation.code).toBe(counter[0]?.reservation.code);
      // New rows get ids after the copied ones.
      expect((await call(server, 'POST', '/counter/reservations', counterBooking('13:00'))).status).toBe(201);
      expect((await call(server, 'POST', '/facilities/bookings', { ...roomBooking, dates: ['2026-12-18'], blockIds: ['morning'] })).status).toBe(201);
    } finally {
      await server.close();
    }
  }, 150_000);

  it('refuses a target that already holds bookings, and changes nothing in it', async () => {
    const url = await createTestDatabase();
    const target = await startTestServer({ databaseUrl: url }, clock);
    expect((await call(target, 'POST', '/counter/reservations', counterBooking('14:00'))).status).toBe(201);
    await target.close();
    const source = new Database(join(sqliteServer.dataDir, DATABASE_FILE_NAME), { readonly: true });
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      const copy = copySqliteToPostgres(source, pool);
      await expect(copy).rejects.toThrow(CopyRefused);
      await expect(copy).rejects.toThrow(/コピー先のデータベースは空ではありません（\w+ に行があります）/);
    } finally {
      source.close();
      await pool.end();
    }
    expect(await rowsIn(url, 'counter_reservations')).toBe(1);
  }, 150_000);

  it('refuses a source whose schema is older than this server, before touching the target', async () => {
    const url = await createTestDatabase();
    const source = emptySqlite(scratch, bundledMigrations.slice(0, 5));
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await expect(copySqliteToPostgres(source, pool)).rejects.toThrow(/スキーマ（5）が、このサーバーのもの（\d+）と違います/);
    } finally {
      source.close();
      await pool.end();
    }
    expect(await rowsIn(url, 'pg_tables WHERE schemaname = current_schema()')).toBe(0);
  }, 150_000);

  it('stops at a table that one engine has and the other has not, before writing anything', async () => {
    const url = await createTestDatabase();
    const source = emptySqlite(scratch);
    source.exec('CREATE TABLE counter_waiting_list (id INTEGER PRIMARY KEY)');
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await expect(copySqliteToPostgres(source, pool)).rejects.toThrow(/schemas differ in their tables: counter_waiting_list/);
    } finally {
      source.close();
      await pool.end();
    }
  }, 150_000);

  it('commits nothing when what it reads back differs from the source', async () => {
    const url = await createTestDatabase();
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    // The target changes every name it is given, as a broken conversion would.
    await applyPostgresMigrations(pool, bundledPostgresMigrations);
    await pool.query(`CREATE FUNCTION garble() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.name_kana := 'x' || NEW.name_kana; RETURN NEW; END $$;
      CREATE TRIGGER garble BEFORE INSERT ON counter_reservations FOR EACH ROW EXECUTE FUNCTION garble()`);
    const source = new Database(join(sqliteServer.dataDir, DATABASE_FILE_NAME), { readonly: true });
    try {
      await expect(copySqliteToPostgres(source, pool)).rejects.toThrow(
        /the copy differs from the source, so nothing was committed: counter_reservations: 3 → 3/,
      );
    } finally {
      source.close();
      await pool.end();
    }
    expect(await rowsIn(url, 'counter_slots')).toBe(0);
    expect(await rowsIn(url, 'counter_reservations')).toBe(0);
  }, 150_000);
});
