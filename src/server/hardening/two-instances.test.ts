import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CounterDay } from '../../domain/counter-reservation.ts';
import { loadContentPack } from '../content.ts';
import { hashWithScrypt } from '../scrypt-hash.ts';
import { bundledPostgresMigrations } from '../store/postgres/postgres-migrations.ts';
import { createTestDatabase } from '../testing/postgres-test-database.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

/**
 * Two server instances on one PostgreSQL database, as behind a load balancer: a race spread over
 * both cannot over-book, the limits that protect citizens count requests to both, and a restarted
 * instance still knows them.
 */
const PIN = '482916';
const clock = () => new Date('2026-11-24T01:00:00Z');
const slot = { date: '2026-12-02', time: '09:30' };
const booking = { kindId: 'card-pickup', slot, nameKana: 'トウガネ タロウ', phone: '0475-50-1210', people: 1, proxy: false };

let pinHash: string;
let databaseUrl: string;
const running: TestServer[] = [];
beforeAll(async () => {
  pinHash = await hashWithScrypt(PIN);
});
beforeEach(async () => {
  databaseUrl = await createTestDatabase();
}, 130_000);
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function start(rateLimitPerMinute = 100_000): Promise<TestServer> {
  const server = await startTestServer({ databaseUrl, rateLimitPerMinute, kioskPinHash: pinHash }, clock);
  running.push(server);
  return server;
}
async function restart(server: TestServer, rateLimitPerMinute?: number): Promise<TestServer> {
  running.splice(running.indexOf(server), 1);
  await server.close();
  return start(rateLimitPerMinute);
}

const post = (server: TestServer, path: string, body: unknown) =>
  fetch(`${server.baseUrl}/api/v1${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then(
    (response) => response.status,
  );

function tally(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe('two instances on one PostgreSQL database', () => {
  it('report PostgreSQL in their health', async () => {
    const server = await start();
    const health = (await (await fetch(`${server.baseUrl}/api/v1/health`)).json()) as { database: unknown };
    expect(health.database).toEqual({ engine: 'postgres', status: 'ok', schemaVersion: bundledPostgresMigrations.length });
  });

  it('cannot over-book a counter slot raced from both', { timeout: 60_000 }, async () => {
    const desks = loadContentPack().counter.desksPerSlot;
    const [one, two] = await Promise.all([start(), start()]);
    const statuses = await Promise.all(Array.from({ length: 60 }, (_, index) => post(index % 2 ? one : two, '/counter/reservations', booking)));
    expect(tally(statuses)).toEqual({ 201: desks, 409: 60 - desks });
    for (const server of [one, two]) {
      const answer = (await (await fetch(`${server.baseUrl}/api/v1/counter/availability?from=${slot.date}&to=${slot.date}`)).json()) as { days: CounterDay[] };
      expect(answer.days[0]?.slots.find((candidate) => candidate.time === slot.time)?.seatsLeft).toBe(0);
    }
  });

  it('cannot book one block of a room twice when raced from both', { timeout: 60_000 }, async () => {
    const [one, two] = await Promise.all([start(), start()]);
    const roomPath = '/api/v1/facilities/bunka-kaikan/rooms/meeting-1/availability';
    const { days } = (await (await fetch(`${one.baseUrl}${roomPath}`)).json()) as { days: { date: string; blocks: { id: string; bookable: boolean }[] }[] };
    const date = days.find((day) => day.blocks.some((block) => block.id === 'morning' && block.bookable))?.date;
    expect(date).toBeDefined();
    const request = (index: number) => ({
      facilityId: 'bunka-kaikan',
      roomId: 'meeting-1',
      dates: [date],
      blockIds: index % 2 === 0 ? ['morning'] : ['all-day'],
      residency: 'resident',
      group: 'general',
      purpose: '会議',
      headCount: 10,
      groupName: '',
      nameKana: 'トウガネ タロウ',
      phone: `090${String(10_000_000 + index)}`,
    });
    const statuses = await Promise.all(Array.from({ length: 60 }, (_, index) => post(index % 3 ? one : two, '/facilities/bookings', request(index))));
    expect(tally(statuses)).toEqual({ 201: 1, 409: 59 });
  });

  it('check exactly 5 of 40 wrong kiosk PINs sent to both at once, and still refuse the right one after a restart', { timeout: 60_000 }, async () => {
    const [one, two] = await Promise.all([start(), start()]);
    // Wrong PINs only: a right one among them, if it were checked, would not count against the limit.
    const pins = Array.from({ length: 40 }, (_, index) => String(100_000 + index));
    const counts = tally(await Promise.all(pins.map((pin, index) => post(index % 2 ? one : two, '/kiosk/session', { pin }))));
    expect(counts).toEqual({ 403: 5, 429: 35 });
    const restarted = await restart(one);
    expect(await post(restarted, '/kiosk/session', { pin: PIN })).toBe(429);
    expect(await post(two, '/kiosk/session', { pin: PIN })).toBe(429);
  });

  it('hold one rate limit over both, across a restart', { timeout: 60_000 }, async () => {
    const [one, two] = await Promise.all([start(20), start(20)]);
    const statuses = await Promise.all(
      Array.from({ length: 50 }, (_, index) => fetch(`${(index % 2 ? one : two).baseUrl}/api/v1/kiosk`).then((response) => response.status)),
    );
    expect(tally(statuses)).toEqual({ 200: 20, 429: 30 });
    const restarted = await restart(two, 20);
    expect((await fetch(`${restarted.baseUrl}/api/v1/kiosk`)).status).toBe(429);
  });
});
