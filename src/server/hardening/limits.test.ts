import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hashWithScrypt } from '../scrypt-hash.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

/**
 * Defects 2 and 5 of the hardening issue: PINs sent all at once were all checked (the limit was
 * consulted before the slow comparison and the failure recorded after it), and every limit lived in
 * one process's memory, so a restart forgot it.
 */
const PIN = '482916';
const clock = () => new Date('2026-11-24T01:00:00Z');
let pinHash: string;
let dataDir: string;
beforeAll(async () => {
  pinHash = await hashWithScrypt(PIN);
});
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'togane-limits-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const start = (overrides: Parameters<typeof startTestServer>[0] = {}) =>
  startTestServer({ rateLimitPerMinute: 100_000, kioskPinHash: pinHash, dataDir, ...overrides }, clock);

function send(server: TestServer, path: string, body: unknown) {
  return fetch(`${server.baseUrl}/api/v1${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then(
    (response) => response.status,
  );
}

function tally(statuses: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe('the kiosk PIN limit', () => {
  it('checks at most 5 of 40 PINs sent at once, the right one among them', { timeout: 60_000 }, async () => {
    const server = await start();
    try {
      const pins = Array.from({ length: 40 }, (_, index) => (index === 20 ? PIN : String(100_000 + index)));
      const statuses = await Promise.all(pins.map((pin) => send(server, '/kiosk/session', { pin })));
      const counts = tally(statuses);
      expect((counts[403] ?? 0) + (counts[200] ?? 0)).toBeLessThanOrEqual(5);
      expect(counts[429]).toBeGreaterThanOrEqual(35);
    } finally {
      await server.close();
    }
  });

  it('still refuses after a restart', { timeout: 60_000 }, async () => {
    const first = await start();
    for (let i = 0; i < 5; i++) expect(await send(first, '/kiosk/session', { pin: '111111' })).toBe(403);
    await first.close();
    const second = await start();
    try {
      expect(await send(second, '/kiosk/session', { pin: PIN })).toBe(429);
    } finally {
      await second.close();
    }
  });
});

describe('the look-up by code + phone', () => {
  it('checks at most 10 of 40 guesses sent at once, and remembers them after a restart', { timeout: 60_000 }, async () => {
    const first = await start();
    const guesses = Array.from({ length: 40 }, (_, index) => ({ code: 'ABCD2345', phone: `0475${String(100_000 + index)}` }));
    const counts = tally(await Promise.all(guesses.map((guess) => send(first, '/counter/reservations/lookup', guess))));
    expect(counts[404]).toBeLessThanOrEqual(10);
    expect(counts[429]).toBeGreaterThanOrEqual(30);
    await first.close();
    const second = await start();
    try {
      expect(await send(second, '/counter/reservations/lookup', { code: 'ABCD2345', phone: '0475-50-1210' })).toBe(429);
    } finally {
      await second.close();
    }
  });
});

describe('the API rate limit', () => {
  it('holds under a burst and across a restart', { timeout: 60_000 }, async () => {
    const first = await start({ rateLimitPerMinute: 20 });
    const statuses = await Promise.all(Array.from({ length: 50 }, () => fetch(`${first.baseUrl}/api/v1/kiosk`).then((response) => response.status)));
    expect(tally(statuses)).toEqual({ 200: 20, 429: 30 });
    await first.close();
    const second = await start({ rateLimitPerMinute: 20 });
    try {
      expect((await fetch(`${second.baseUrl}/api/v1/kiosk`)).status).toBe(429);
    } finally {
      await second.close();
    }
  });
});
