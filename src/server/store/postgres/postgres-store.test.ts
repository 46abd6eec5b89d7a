import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, counterBooking } from '../../../booking/store-contract.ts';
import { createTestDatabase } from '../../testing/postgres-test-database.ts';
import type { Store } from '../store.ts';
import { bundledPostgresMigrations } from './postgres-migrations.ts';
import { DatabaseUnreachableError, openPostgresStore } from './postgres-store.ts';
import { sqlState } from './transaction.ts';

const settings = (url: string) => ({ url, poolSize: 10, statementTimeoutMs: 5_000 });

let url: string;
const opened: Store[] = [];
async function open(): Promise<Store> {
  const store = await openPostgresStore(settings(url));
  opened.push(store);
  return store;
}
beforeEach(async () => {
  url = await createTestDatabase();
}, 130_000);
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('openPostgresStore', () => {
  it('migrates once when three instances start together on an empty database', async () => {
    const stores = await Promise.all([open(), open(), open()]);
    for (const store of stores) {
      expect(await store.checkHealth()).toEqual({ ok: true, schemaVersion: bundledPostgresMigrations.length, contentFingerprint: null });
    }
    const versions = await query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((row) => row.version)).toEqual(bundledPostgresMigrations.map((migration) => migration.version));
  });

  it('keeps what it recorded across a restart, and reports a closed pool as unhealthy', async () => {
    const first = await openPostgresStore(settings(url));
    await first.recordContentFingerprint('v1');
    await first.close();
    expect(await first.checkHealth()).toEqual({ ok: false });
    const second = await open();
    expect(await second.checkHealth()).toMatchObject({ ok: true, contentFingerprint: 'v1' });
    expect(second.engine).toBe('postgres');
  });

  it('names DATABASE_URL in Japanese and English when the database cannot be reached', async () => {
    const nowhere = url.replace(/:\d+\//, ':1/');
    const failure = openPostgresStore(settings(nowhere));
    await expect(failure).rejects.toThrow(DatabaseUnreachableError);
    await expect(failure).rejects.toThrow(/DATABASE_URL のデータベースに接続できない[\s\S]*Could not connect to or migrate the database in DATABASE_URL/);
  });

  it('cancels a statement that runs past the timeout', async () => {
    const store = await openPostgresStore({ url, poolSize: 2, statementTimeoutMs: 200 });
    opened.push(store);
    // The limit store's reservation runs under the subject's lock: holding that lock elsewhere makes
    // the store's statement wait past its timeout.
    const holder = new pg.Client(url);
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query("SELECT pg_advisory_xact_lock(2, hashtext('kiosk-pin' || chr(10) || 'someone'))");
    const failure: unknown = await store.limits.reserveAttempt('kiosk-pin', 'someone', 5, 60_000, Date.now()).catch((error: unknown) => error);
    // 57014: query_canceled, here by statement_timeout.
    expect(sqlState(failure)).toBe('57014');
    await holder.query('ROLLBACK');
    await holder.end();
  });
});

describe('the PostgreSQL limits, shared by two instances', () => {
  it('grant at most max tries of a burst split over both, and count failed ones for both', async () => {
    const [one, two] = await Promise.all([open(), open()]);
    const now = Date.parse('2026-11-24T01:00:00Z');
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, index) => (index % 2 ? one : two).limits.reserveAttempt('kiosk-pin', 'device-a', 5, 60_000, now)),
    );
    const granted = burst.filter((reservation) => reservation.granted);
    expect(granted).toHaveLength(5);
    expect(burst.filter((reservation) => !reservation.granted)).toEqual(Array.from({ length: 35 }, () => ({ granted: false, retryAfterMs: 60_000 })));

    for (const reservation of granted) if (reservation.granted) await one.limits.settleAttempt(reservation.id, 'failed', now + 1_000);
    expect(await two.limits.reserveAttempt('kiosk-pin', 'device-a', 5, 60_000, now + 2_000)).toEqual({ granted: false, retryAfterMs: 59_000 });
    expect((await two.limits.reserveAttempt('kiosk-pin', 'device-a', 5, 60_000, now + 61_000)).granted).toBe(true);
    expect((await one.limits.reserveAttempt('kiosk-pin', 'device-b', 5, 60_000, now)).granted).toBe(true);
  });

  it('free a try that succeeded', async () => {
    const store = await open();
    const now = Date.parse('2026-11-24T01:00:00Z');
    const first = await store.limits.reserveAttempt('lookup', 'code-1', 1, 60_000, now);
    expect((await store.limits.reserveAttempt('lookup', 'code-1', 1, 60_000, now)).granted).toBe(false);
    if (first.granted) await store.limits.settleAttempt(first.id, 'succeeded', now);
    expect((await store.limits.reserveAttempt('lookup', 'code-1', 1, 60_000, now)).granted).toBe(true);
  });

  it('count each request of a burst once, across both, and start a new window when it ends', async () => {
    const [one, two] = await Promise.all([open(), open()]);
    const now = Date.parse('2026-11-24T01:00:00Z');
    const counts = await Promise.all(Array.from({ length: 30 }, (_, index) => (index % 2 ? one : two).limits.countRequest('client-a', 60_000, now)));
    expect(counts.map((count) => count.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
    expect(await one.limits.countRequest('client-a', 60_000, now + 60_000)).toEqual({ count: 1, windowEndsAt: now + 120_000 });
    expect(await two.limits.deleteLimitsBefore(now + 60_000)).toBe(0);
    expect(await two.limits.deleteLimitsBefore(now + 60_001)).toBe(1);
  });

  it('share one subject key, made once per installation', async () => {
    const [one, two] = await Promise.all([open(), open()]);
    const key = await one.limits.subjectKey();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await two.limits.subjectKey()).toBe(key);
  });
});

describe('the desks of a day, changed while bookings race', () => {
  // The change is sent first, then among the bookings: it wins in one case and is refused in the other.
  it.each([0, 8])('never lets a slot hold more than the desks in force, over two instances (change sent at %i)', async (at) => {
    const [one, two] = await Promise.all([open(), open()]);
    await one.staff.addAccount({ loginName: 'kanri', displayName: '管理', role: 'admin', passwordHash: 'x', now: '2026-11-24T01:00:00Z' });
    const accountId = (await one.staff.findAccount('kanri'))?.id ?? 0;
    const day = '2026-12-14';
    const slots = ['09:00', '09:30', '10:00'].map((time) => `${day}T${time}`);
    const change = (desks: number | null) => ({ date: day, desks, defaultDesks: 2, slots, accountId, now: '2026-11-24T01:00:00Z' });
    expect(await one.staff.setDayDesks(change(4))).toEqual({ set: true, before: null });

    const slot = `${day}T10:00`;
    const racing = await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        index === at ? (index % 2 ? one : two).staff.setDayDesks(change(1)) : (index % 2 ? one : two).counter.book(counterBooking(slot, 2), null, answer),
      ),
    );
    const lowered = racing[at] as { set: boolean };
    const [row] = await query<{ booked: number; capacity: number }>(`SELECT booked, capacity FROM counter_slots WHERE slot = '${slot}'`);
    const [desks] = await query<{ desks: number }>(`SELECT desks FROM counter_day_desks WHERE date = '${day}'`);
    const booked = racing.filter((outcome) => typeof outcome === 'object' && 'value' in outcome && outcome.value === 'booked').length;
    expect(row?.booked).toBe(booked);
    expect(row?.capacity).toBe(desks?.desks);
    expect(desks?.desks).toBe(lowered.set ? 1 : 4);
    expect(booked).toBe(lowered.set ? 1 : 4);
  });
});

describe('claimJobRun', () => {
  it('gives each job and period to exactly one of two instances', async () => {
    const [one, two] = await Promise.all([open(), open()]);
    const claims = await Promise.all([one.claimJobRun('retention', '2026-11-24T01', 'one'), two.claimJobRun('retention', '2026-11-24T01', 'two')]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await two.claimJobRun('retention', '2026-11-24T02', 'two')).toBe(true);
    expect(await one.claimJobRun('reminders', '2026-11-24T01', 'one')).toBe(true);
  });
});
