import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthSchema } from '../domain/health.ts';
import { bundledMigrations } from './store/bundled-migrations.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

describe('the API over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('reports health with the version, the schema version and the content fingerprint', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/health`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const health = healthSchema.parse(await response.json());
    expect(health).toMatchObject({ status: 'ok', version: 'test', database: { engine: 'sqlite', status: 'ok', schemaVersion: bundledMigrations.length } });
    expect(health.content.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    // The event loop's figures, for a monitor (see hardening/event-loop.test.ts).
    expect(health.eventLoop.utilization).toBeGreaterThanOrEqual(0);
  });

  it('publishes an OpenAPI document that lists the health route and the error shape', async () => {
    const document = (await (await fetch(`${server.baseUrl}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toContain('/api/v1/health');
    expect(document.components.schemas).toHaveProperty('ApiError');
  });

  it('answers unknown API paths with a JSON 404 in Japanese', async () => {
    for (const path of ['/api/v1/nothing-here', '/api/v2/health', '/api']) {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        error: { code: 'not_found', message: 'お探しのページやデータは見つかりませんでした。' },
      });
    }
  });

  it('sends a strict Content-Security-Policy and the usual security headers', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/health`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('permissions-policy')).toContain('geolocation=()');
  });

  it('sends the same security headers on every answer: a page, an API answer, a refusal, an unknown path', async () => {
    const securityHeaders = (response: Response) =>
      Object.fromEntries(
        [...response.headers].filter(([name]) =>
          /^(content-security-policy|cross-origin-|origin-agent-cluster|referrer-policy|strict-transport-security|x-(?!ratelimit)|permissions-policy)/.test(
            name,
          ),
        ),
      );
    const health = await fetch(`${server.baseUrl}/api/v1/health`);
    expect(Object.keys(securityHeaders(health)).sort()).toEqual([
      'content-security-policy',
      'cross-origin-opener-policy',
      'cross-origin-resource-policy',
      'origin-agent-cluster',
      'permissions-policy',
      'referrer-policy',
      'strict-transport-security',
      'x-content-type-options',
      'x-dns-prefetch-control',
      'x-download-options',
      'x-frame-options',
      'x-permitted-cross-domain-policies',
      'x-xss-protection',
    ]);
    const refused = await fetch(`${server.baseUrl}/api/v1/counter/availability?from=2026-13-01`);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    for (const path of ['/', '/api/v1/counter/availability?from=2026-13-01', '/api/v1/nowhere', '/assets/nowhere.js']) {
      expect(securityHeaders(await fetch(`${server.baseUrl}${path}`))).toEqual(securityHeaders(health));
    }
  });

  it('refuses a body over the limit with 413 and a Japanese message', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/health`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: 'あ'.repeat(100_000) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large', message: '送られた内容が大きすぎます。' } });
  });
});

describe('rate limiting on /api', () => {
  it('answers 429 in Japanese once a client passes the limit', async () => {
    const server = await startTestServer({ rateLimitPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await fetch(`${server.baseUrl}/api/v1/kiosk`)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const response = await fetch(`${server.baseUrl}/api/v1/kiosk`);
      expect(response.headers.get('retry-after')).not.toBeNull();
      expect(await response.json()).toMatchObject({ error: { code: 'too_many_requests' } });
      // Health stays open to monitors: it reports the database even when the counts cannot be read.
      expect((await fetch(`${server.baseUrl}/api/v1/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe('serving the built PWA', () => {
  let server: TestServer;
  let staticDir: string;
  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'togane-static-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html lang="ja"><title>つながる東金</title></html>');
    writeFileSync(join(staticDir, 'sw.js'), '// service worker');
    writeFileSync(join(staticDir, 'manifest.webmanifest'), '{}');
    writeFileSync(join(staticDir, 'assets', 'index-AbC123.js'), 'export {}');
    server = await startTestServer({ staticDir });
  });
  afterAll(async () => {
    await server.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('caches hashed assets for a year and revalidates everything else', async () => {
    const cacheControl = async (path: string) => (await fetch(`${server.baseUrl}${path}`)).headers.get('cache-control');
    expect(await cacheControl('/assets/index-AbC123.js')).toBe('public, max-age=31536000, immutable');
    expect(await cacheControl('/')).toBe('no-cache');
    expect(await cacheControl('/sw.js')).toBe('no-cache');
    expect(await cacheControl('/manifest.webmanifest')).toBe('no-cache');
  });

  it('answers app routes with index.html, and missing files with 404', async () => {
    const route = await fetch(`${server.baseUrl}/procedures/tennyu?from=home`);
    expect(route.status).toBe(200);
    expect(route.headers.get('cache-control')).toBe('no-cache');
    expect(await route.text()).toContain('<html lang="ja">');
    expect((await fetch(`${server.baseUrl}/assets/missing-123.js`)).status).toBe(404);
    expect((await fetch(`${server.baseUrl}/api/v1/missing`)).headers.get('content-type')).toContain('application/json');
  });
});
