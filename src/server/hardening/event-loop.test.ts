import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readApiError } from '../../domain/api-error.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

/**
 * A stuck event loop makes the server answer 503 (health too), so a monitor sees it and a
 * restart cures it (the hardening issue's "watch the event loop").
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 100_000, maxEventLoopDelayMs: 500 });
});
afterAll(() => server.close());

function blockEventLoop(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until);
}

describe('the event loop', () => {
  it('answers 503 with Retry-After while it is stuck, and recovers', async () => {
    // under-pressure samples the mean delay once a second: a block longer than that dominates the
    // sample in which it falls, whatever the phase of the sampler.
    blockEventLoop(1500);
    let stuck: Response | undefined;
    await expect.poll(async () => (stuck = await fetch(`${server.baseUrl}/api/v1/health`)).status, { timeout: 5_000, interval: 50 }).toBe(503);
    if (!stuck) throw new Error('no answer');
    expect(stuck.headers.get('retry-after')).toBe('10');
    expect(readApiError(await stuck.json())?.code).toBe('service_unavailable');
    await expect.poll(async () => (await fetch(`${server.baseUrl}/api/v1/health`)).status, { timeout: 10_000, interval: 250 }).toBe(200);
  });
});
