import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runRetentionJobOnce } from './retention.ts';
import { openPostgresStore } from './store/postgres/postgres-store.ts';
import { openSqliteStore } from './store/sqlite-store.ts';
import type { Store } from './store/store.ts';
import { createTestDatabase } from './testing/postgres-test-database.ts';

/** Two server instances on one PostgreSQL database: the periodic jobs must run once, not twice. */
let one: Store;
let two: Store;
beforeEach(async () => {
  const url = await createTestDatabase();
  const settings = { url, poolSize: 10, statementTimeoutMs: 5_000 };
  [one, two] = await Promise.all([openPostgresStore(settings), openPostgresStore(settings)]);
}, 130_000);
afterEach(async () => {
  await Promise.all([one.close(), two.close()]);
});

const answer = () => '{}';

async function bookVisit(store: Store, code: string, slot: string): Promise<void> {
  const outcome = await store.counter.book(
    {
      code,
      tokenHash: `token-${code}`,
      kindId: 'new-card',
      slot,
      capacity: 3,
      people: 1,
      proxy: false,
      nameKana: 'トウガネ タロウ',
      phone: '0475-50-1210',
      email: null,
      pushSubscription: null,
      reminders: [],
      now: '2026-10-01T00:00:00.000Z',
    },
    null,
    answer,
  );
  expect(outcome).toEqual({ replayed: false, value: 'booked' });
}

async function bookProvisional(store: Store, code: string, roomId: string, until: string): Promise<void> {
  const outcome = await store.facilities.book(
    {
      code,
      tokenHash: `token-${code}`,
      facilityId: 'chuo-kominkan',
      roomId,
      dates: ['2026-12-20'],
      blockIds: ['morning'],
      residency: 'resident',
      group: 'general',
      headCount: 5,
      fee: 800,
      status: 'provisional',
      provisionalUntil: until,
      applyBy: '2026-11-20',
      purpose: '会議',
      groupName: '東金の会',
      nameKana: 'トウガネ ハナコ',
      phone: '0475-50-1210',
      email: null,
      segments: [{ date: '2026-12-20', segment: '09:00' }],
      mails: [],
      now: '2026-11-01T00:00:00.000Z',
    },
    null,
    answer,
  );
  expect(outcome).toEqual({ replayed: false, value: 'booked' });
}

describe('the retention job with two instances on one database', () => {
  it('runs once per hour: one instance deletes, the other finds it done', async () => {
    await bookVisit(one, 'VISIT001', '2026-10-20T10:00');
    await bookVisit(two, 'VISIT002', '2026-10-21T10:00');
    await bookProvisional(one, 'PROV0001', 'hall', '2026-11-20T08:00:00.000Z');

    const now = new Date('2026-11-24T01:00:00Z');
    const results = await Promise.all([
      runRetentionJobOnce(one, now, { personalDataDays: 30, auditDays: 1825 }, 'one'),
      runRetentionJobOnce(two, now, { personalDataDays: 30, auditDays: 1825 }, 'two'),
    ]);
    expect(results.filter((result) => result === null)).toHaveLength(1);
    expect(results.find((result) => result !== null)).toMatchObject({ reservations: 2, releasedProvisional: 1 });
    expect((await two.counter.find('VISIT002'))?.phone).toBeNull();

    const nextHour = await runRetentionJobOnce(two, new Date('2026-11-24T02:00:00Z'), { personalDataDays: 30, auditDays: 1825 }, 'two');
    expect(nextHour).toMatchObject({ reservations: 0, releasedProvisional: 0 });
  });

  it('releases each expired 仮予約 once when both release at the same moment', async () => {
    for (let index = 0; index < 20; index++)
      await bookProvisional(index % 2 ? one : two, `PROV${String(index).padStart(4, '0')}`, `room-${String(index)}`, '2026-11-20T08:00:00.000Z');
    const released = await Promise.all([one, two, one, two].map((store) => store.facilities.releaseExpired('2026-11-24T01:00:00.000Z')));
    expect(released.reduce((sum, count) => sum + count, 0)).toBe(20);
  });
});

describe('the record of which instance ran each job', () => {
  const engines: { name: string; open(): Promise<{ store: Store; remove: () => void }> }[] = [
    {
      name: 'SQLite',
      open() {
        const dir = mkdtempSync(join(tmpdir(), 'togane-jobs-'));
        return Promise.resolve({ store: openSqliteStore(dir), remove: () => rmSync(dir, { recursive: true, force: true }) });
      },
    },
    {
      name: 'PostgreSQL',
      async open() {
        const url = await createTestDatabase();
        return { store: await openPostgresStore({ url, poolSize: 2, statementTimeoutMs: 5_000 }), remove: () => undefined };
      },
    },
  ];
  for (const engine of engines) {
    it(`keeps a week of it on ${engine.name}, not every hour since the first start`, async () => {
      const { store, remove } = await engine.open();
      try {
        // Ten days of hourly claims up to 2026-11-24T00 (UTC), as a server running all along leaves them.
        const first = Date.parse('2026-11-14T01:00:00Z');
        for (let hour = 0; hour < 240; hour++) {
          expect(await store.claimJobRun('retention', new Date(first + hour * 3_600_000).toISOString().slice(0, 13), 'one')).toBe(true);
        }
        const ran = await runRetentionJobOnce(store, new Date('2026-11-24T01:00:00Z'), { personalDataDays: 30, auditDays: 1825 }, 'one');
        // Claims before 2026-11-17T01 go: the three days from 11-14T01 to 11-17T00.
        expect(ran?.jobRuns).toBe(72);
        // What is kept still guards its hour: the same hour cannot be claimed again.
        expect(await store.claimJobRun('retention', '2026-11-17T01', 'two')).toBe(false);
        expect(await store.claimJobRun('retention', '2026-11-24T01', 'two')).toBe(false);
        expect((await runRetentionJobOnce(store, new Date('2026-11-24T02:00:00Z'), { personalDataDays: 30, auditDays: 1825 }, 'one'))?.jobRuns).toBe(1);
      } finally {
        await store.close();
        remove();
      }
    }, 130_000);
  }
});
