import { request } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readApiError } from '../domain/api-error.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

/**
 * Bad input never gets a 5xx. Every route the server registers — found through Fastify's onRoute
 * hook, so routes added by later issues are covered without editing this file — receives malformed,
 * oversized and wrongly typed bodies and odd headers; each must answer with a 4xx (or a success)
 * and, under /api, with our JSON error shape.
 */
interface RawResponse {
  status: number;
  body: string;
}

function send(baseUrl: string, method: string, path: string, headers: Record<string, string>, body?: string | Buffer) {
  return new Promise<RawResponse>((resolve, reject) => {
    let status = 0;
    const chunks: Buffer[] = [];
    const length = body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(body)) };
    const outgoing = request(new URL(path, baseUrl), { method, headers: { ...length, ...headers }, agent: false }, (response) => {
      status = response.statusCode ?? 0;
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status, body: Buffer.concat(chunks).toString('utf8') }));
    });
    // A server may answer 413 and close the connection while a large body is still being sent:
    // that is a proper refusal, so an error after the answer arrived is not a failure.
    outgoing.on('error', (error) => {
      if (status !== 0) resolve({ status, body: Buffer.concat(chunks).toString('utf8') });
      else reject(new Error(`${method} ${path}: ${error.message}`));
    });
    if (body !== undefined) outgoing.write(body);
    outgoing.end();
  });
}

const json = { 'Content-Type': 'application/json' };
const BAD_REQUESTS: { name: string; headers: Record<string, string>; body?: string | Buffer }[] = [
  { name: 'broken JSON', headers: json, body: '{"name": "とうがね",' },
  { name: 'JSON null', headers: json, body: 'null' },
  { name: 'JSON array', headers: json, body: '[1,2,3]' },
  { name: 'JSON string', headers: json, body: '"こんにちは"' },
  { name: 'wrong types', headers: json, body: JSON.stringify({ kind: 42, slot: [], name: { a: 1 }, people: '三人' }) },
  { name: 'prototype pollution', headers: json, body: '{"__proto__": {"admin": true}, "constructor": {"prototype": {}}}' },
  { name: 'deeply nested', headers: json, body: `${'['.repeat(5000)}${']'.repeat(5000)}` },
  { name: 'oversized', headers: json, body: JSON.stringify({ name: 'あ'.repeat(200_000) }) },
  { name: 'invalid UTF-8', headers: json, body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) },
  { name: 'form encoded', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1&b=2' },
  { name: 'xml', headers: { 'Content-Type': 'application/xml' }, body: '<a>1</a>' },
  { name: 'no content type', headers: {}, body: '{}' },
  { name: 'empty JSON body', headers: { ...json, 'Content-Length': '0' }, body: '' },
  { name: 'odd charset', headers: { 'Content-Type': 'application/json; charset=shift_jis' }, body: '{}' },
  { name: 'odd accept and language', headers: { Accept: 'image/png', 'Accept-Language': 'xx-YY;q=abc' } },
  { name: 'huge header', headers: { 'X-Filler': 'x'.repeat(8_000) } },
  { name: 'bad forwarded-for', headers: { 'X-Forwarded-For': 'not-an-ip, ::::' } },
  { name: 'bad idempotency key', headers: { ...json, 'Idempotency-Key': '\u0000'.replace('\u0000', '%00') }, body: '{}' },
];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

describe('no 5xx for bad input on any route', () => {
  let server: TestServer;
  const routes: { method: string; url: string }[] = [];
  beforeAll(async () => {
    server = await startTestServer({ rateLimitPerMinute: 100_000 });
    // Routes are registered before listen; list them from Fastify itself.
    for (const line of server.app.printRoutes({ commonPrefix: false }).split('\n')) {
      const match = /([/\w.*:-]+) \(([A-Z, ]+)\)/.exec(line.replace(/^[\s│├└─]+/, ''));
      if (!match?.[1] || !match[2]) continue;
      for (const method of match[2].split(', ')) routes.push({ method, url: match[1] });
    }
  });
  afterAll(() => server.close());

  it('answers a request the HTTP parser cannot read with our JSON error', async () => {
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(Number(new URL(server.baseUrl).port), '127.0.0.1', () =>
        socket.end('GET /api/v1/health HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n'),
      );
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('close', () => resolve(text));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(readApiError(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)))).toMatchObject({ code: 'bad_request' });
  });

  it('finds the routes to test', () => {
    expect(routes.map((route) => `${route.method} ${route.url}`)).toContain('GET /api/v1/health');
  });

  it('answers every method and bad body on every route without a server error', async () => {
    const failures: string[] = [];
    const paths = [...new Set(routes.map((route) => route.url.replace(/:\w+/g, 'x%27%22<>').replace('*', 'a/b')))];
    paths.push('/api/v1/health/../../etc/passwd', '/api/v1/%E0%A4%A', '/api/v1/health?x=' + 'y'.repeat(3000));
    for (const path of paths) {
      for (const method of METHODS) {
        for (const bad of BAD_REQUESTS) {
          const withBody = method !== 'GET' && method !== 'HEAD' ? bad.body : undefined;
          const response = await send(server.baseUrl, method, path, bad.headers, withBody);
          const label = `${method} ${path.slice(0, 60)} (${bad.name}) → ${String(response.status)}`;
          if (response.status >= 500 || response.status === 0) failures.push(label);
          if (path.startsWith('/api/') && response.status >= 400 && method !== 'HEAD') {
            let parsed: unknown = null;
            try {
              parsed = JSON.parse(response.body);
            } catch {
              failures.push(`${label}: not JSON`);
            }
            if (parsed !== null && readApiError(parsed) === null) failures.push(`${label}: not our error shape`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // Every route × method × bad body, one after another: the time grows with each feature's routes.
  }, 60_000);
});
