import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, freePort, startCluster, startClusterServer, stopCluster } from '../../testing/postgres-cluster.ts';
import { startTestServer, type TestServer } from '../../testing/test-server.ts';
import { isDatabaseUnavailable } from '../unavailable.ts';

/**
 * The database goes away after the server has started (a restart, a crash, a fail-over): requests
 * get 503 with Retry-After and a Japanese message, nothing is half-written, the server keeps running,
 * and once the database is back the same server answers again, with every booking committed before.
 * This file stops and starts PostgreSQL, so it has a cluster of its own (not the run's shared one).
 */
const clock = () => new Date('2026-11-24T01:00:00Z');
const booking = (time: string) => ({
  kindId: 'card-pickup',
  slot: { date: '2026-12-02', time },
  nameKana: 'トウガネ タロウ',
  phone: '0475-50-1210',
  people: 1,
  proxy: false,
});

let dir: string;
let port: number;
let server: TestServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'togane-pg-loss-'));
  port = await freePort();
  // Crash-safe settings: this test kills PostgreSQL and expects every acknowledged booking after.
  await startCluster(dir, port, 'crash-safe');
  server = await startTestServer({ databaseUrl: await createDatabase(port, 'loss'), rateLimitPerMinute: 100_000 }, clock);
}, 120_000);
afterAll(async () => {
  await server.close();
  await stopCluster(dir).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

const api = (path: string, init: RequestInit = {}) => fetch(`${server.baseUrl}/api/v1${path}`, init);
const book = (time: string) =>
  api('/counter/reservations', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify(booking(time)),
  });

describe('when PostgreSQL goes away after start-up', () => {
  it('answers 503 while it is gone, keeps every committed booking through a crash, and recovers without a restart', { timeout: 120_000 }, async () => {
    const before = await book('09:30');
    expect(before.status).toBe(201);
    const { reservation, token } = (await before.json()) as { reservation: { code: string }; token: string };

    // A crash: every PostgreSQL process quits at once (as after kill -9 of the postmaster's children).
    await stopCluster(dir, 'immediate');
    for (const response of [
      await api('/counter/availability'),
      await book('10:00'),
      await api(`/counter/reservations/${reservation.code}`, { headers: { Authorization: `Bearer ${token}` } }),
    ]) {
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(await response.json()).toMatchObject({
        error: { code: 'service_unavailable', message: 'ただいま利用できません。時間をおいて、もう一度お試しください。' },
      });
    }
    const health = await api('/health');
    expect(health.status).toBe(503);
    expect(((await health.json()) as { database: unknown }).database).toEqual({ engine: 'postgres', status: 'error', schemaVersion: null });

    // Back (recovered from its write-ahead log): the same server process answers again.
    await startClusterServer(dir, port, 'crash-safe');
    expect((await api('/health')).status).toBe(200);
    const kept = await api(`/counter/reservations/${reservation.code}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(kept.status).toBe(200);
    expect(((await kept.json()) as { reservation: { slot: unknown } }).reservation.slot).toEqual({ date: '2026-12-02', time: '09:30' });
    // The booking refused while it was gone was not half-made: its slot is still free and books now.
    expect((await book('10:00')).status).toBe(201);
  });
});

describe('isDatabaseUnavailable', () => {
  it('knows connection failures and nothing else', () => {
    const withCode = (code: string) => Object.assign(new Error('x'), { code });
    expect(isDatabaseUnavailable(withCode('ECONNREFUSED'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('57P01'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('08006'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('23505'))).toBe(false);
    expect(isDatabaseUnavailable(withCode('57014'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});
