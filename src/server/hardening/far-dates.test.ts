import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readApiError } from '../../domain/api-error.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

/**
 * Defect 1 of the hardening issue: one GET with dates near year 9999 sent the day loops past
 * 9999-12-31, where an ISO string sorts below every day, and the server never answered anyone again.
 * Every date a request carries is now limited to a window around today, and loops count days.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 100_000 }, () => new Date('2026-11-24T01:00:00Z'));
});
afterAll(() => server.close());

async function get(path: string) {
  const response = await fetch(`${server.baseUrl}${path}`, { signal: AbortSignal.timeout(5_000) });
  return { status: response.status, error: readApiError(await response.json()) };
}

describe('far dates', () => {
  it.each([
    '/api/v1/counter/availability?from=9999-12-01&to=9999-12-31',
    '/api/v1/counter/availability?from=0001-01-01&to=0001-01-31',
    '/api/v1/counter/availability?from=2029-01-01&to=2029-01-31',
    '/api/v1/facilities/bunka-kaikan/rooms/meeting-1/availability?from=9999-12-01&to=9999-12-31',
    '/api/v1/facilities/search?date=9999-12-31',
    '/api/v1/facilities/search?date=1999-01-01',
  ])('refuse %s with a Japanese message, and the server keeps answering', async (path) => {
    const answer = await get(path);
    expect(answer.status).toBe(400);
    // The message a person reads: the answer's own, or the field's when a schema refused the value.
    expect([answer.error?.message, ...(answer.error?.fields ?? []).map((field) => field.message)].join(' ')).toMatch(/日付|期間/);
    expect((await fetch(`${server.baseUrl}/api/v1/health`, { signal: AbortSignal.timeout(5_000) })).status).toBe(200);
  });

  it('still answers ranges inside the window', async () => {
    expect((await get('/api/v1/counter/availability?from=2026-11-01&to=2026-12-31')).status).toBe(200);
    expect((await get('/api/v1/facilities/search?date=2027-06-01')).status).toBe(200);
  });
});
