import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { hashWithScrypt, matchesScryptHash } from '../scrypt-hash.ts';
import { checkContractAnswers } from '../testing/contract-answers.ts';

checkContractAnswers();

const PIN = '482916';
let clock = new Date('2026-11-24T01:00:00Z');
let server: TestServer;
let unconfigured: TestServer;

beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 100_000, kioskPinHash: await hashWithScrypt(PIN) }, () => clock);
  unconfigured = await startTestServer({ rateLimitPerMinute: 100_000 });
});
afterAll(async () => {
  await server.close();
  await unconfigured.close();
});

async function verify(target: TestServer, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${target.baseUrl}/api/v1/kiosk/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { verified?: true; error?: { code: string; message: string } },
    cache: response.headers.get('cache-control'),
  };
}

describe('the kiosk PIN hash', () => {
  // Four scrypt hashes at the production cost: seconds on a busy two-core machine.
  it('matches its own PIN only, and is salted', { timeout: 30_000 }, async () => {
    const hash = await hashWithScrypt(PIN);
    expect(hash).toMatch(/^scrypt:32768:8:1:/);
    expect(hash).not.toContain(PIN);
    expect(await hashWithScrypt(PIN)).not.toBe(hash);
    expect(await matchesScryptHash(PIN, hash)).toBe(true);
    expect(await matchesScryptHash('482917', hash)).toBe(false);
    expect(await matchesScryptHash(PIN, 'scrypt:32768:8:1:broken')).toBe(false);
  });
});

describe('POST /api/v1/kiosk/session', () => {
  it('says whether a PIN is configured', async () => {
    expect(await (await fetch(`${server.baseUrl}/api/v1/kiosk`)).json()).toEqual({ pinConfigured: true });
    expect(await (await fetch(`${unconfigured.baseUrl}/api/v1/kiosk`)).json()).toEqual({ pinConfigured: false });
  });

  it('accepts the right PIN, and answers nothing a cache may keep', async () => {
    const answer = await verify(server, { pin: PIN }, { 'X-Forwarded-For': 'ignored' });
    expect(answer).toEqual({ status: 200, body: { verified: true }, cache: 'no-store' });
  });

  it('refuses a wrong PIN and a malformed one in Japanese', async () => {
    const wrong = await verify(server, { pin: '000000' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error?.message).toBe('暗証番号が違います。もう一度入力してください。');
    const malformed = await verify(server, { pin: '12ab' });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('6～12けたの数字');
  });

  it('refuses when the server has no PIN, telling staff whom to ask', async () => {
    const answer = await verify(unconfigured, { pin: PIN });
    expect(answer.status).toBe(503);
    expect(answer.body.error?.message).toBe('キオスクの設定がされていません。情報管理課にお問い合わせください。');
  });

  it('after 5 wrong PINs in 15 minutes refuses even the right one, then forgives', { timeout: 30_000 }, async () => {
    const fresh = await startTestServer({ rateLimitPerMinute: 100_000, kioskPinHash: await hashWithScrypt(PIN) }, () => clock);
    try {
      // The right PIN does not count as a failure.
      for (let i = 0; i < 3; i++) expect((await verify(fresh, { pin: PIN })).status).toBe(200);
      for (let i = 0; i < 5; i++) expect((await verify(fresh, { pin: '111111' })).status).toBe(403);
      const blocked = await verify(fresh, { pin: PIN });
      expect(blocked.status).toBe(429);
      expect(blocked.body.error?.message).toContain('15分ほど待ってから');
      clock = new Date(clock.getTime() + 15 * 60_000 + 1_000);
      expect((await verify(fresh, { pin: PIN })).status).toBe(200);
    } finally {
      await fresh.close();
    }
  });

  it('is in the OpenAPI document', async () => {
    const document = (await (await fetch(`${server.baseUrl}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId?: string }>> };
    expect(document.paths['/api/v1/kiosk/session']?.post?.operationId).toBe('kioskVerifyPin');
    expect(document.paths['/api/v1/kiosk']?.get?.operationId).toBe('kioskStatus');
  });
});
