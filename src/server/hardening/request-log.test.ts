import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

/** Defect 6 of the hardening issue: the booking code was written to the request log in the path. */
const lines: string[] = [];
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 100_000, logLevel: 'info' }, undefined, { logStream: { write: (line) => lines.push(line) } });
});
afterAll(() => server.close());

describe('the request log', () => {
  it('masks booking codes in API and screen paths, and keeps no query', async () => {
    await fetch(`${server.baseUrl}/api/v1/counter/reservations/QRST2345`, { headers: { Authorization: `Bearer ${'A'.repeat(43)}` } });
    await fetch(`${server.baseUrl}/api/v1/facilities/bookings/QRST2346`);
    await fetch(`${server.baseUrl}/mynumber/reservations/QRST2347?phone=0475501210`);
    const log = lines.join('');
    expect(log).toContain('/api/v1/counter/reservations/:code');
    expect(log).toContain('/api/v1/facilities/bookings/:code');
    expect(log).not.toMatch(/QRST234|0475501210|Bearer/);
  });
});
