import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDirectory } from '../../scripts/precompress-files.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** node:http, not fetch: fetch would inflate the body and hide what travelled. */
function get(url: string, acceptEncoding: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) });
      });
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('compressed answers', () => {
  let server: TestServer;
  let staticDir: string;
  // Repetitive enough to compress, large enough to matter.
  const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, index) => `手続き${String(index)}`))};\n`;
  const html = `<!doctype html><html lang="ja"><title>つながる東金</title><p>${'東金市の市民ポータル。'.repeat(100)}</p></html>`;

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'togane-static-'));
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), html);
    writeFileSync(join(staticDir, 'assets', 'index-AbC123.js'), script);
    writeFileSync(join(staticDir, 'icon.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    precompressDirectory(staticDir);
    server = await startTestServer({ staticDir });
  });
  afterAll(async () => {
    await server.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('writes brotli and gzip twins for text files only', () => {
    const assets = join(staticDir, 'assets', 'index-AbC123.js');
    expect(brotliDecompressSync(readFileSync(`${assets}.br`)).toString()).toBe(script);
    expect(gunzipSync(readFileSync(`${assets}.gz`)).toString()).toBe(script);
    expect(() => readFileSync(join(staticDir, 'icon.png.br'))).toThrow();
  });

  it('sends brotli to a browser that accepts it, with the type, the cache rule and Vary', async () => {
    const answer = await get(`${server.baseUrl}/assets/index-AbC123.js`, 'gzip, deflate, br');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toContain('javascript');
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(answer.headers.vary).toContain('Accept-Encoding');
    expect(brotliDecompressSync(answer.body).toString()).toBe(script);
    // The build's twin itself, not a copy compressed again on each request.
    expect(answer.body.equals(readFileSync(join(staticDir, 'assets', 'index-AbC123.js.br')))).toBe(true);
  });

  it('sends gzip when brotli is not accepted, and the plain file when nothing is', async () => {
    const gzip = await get(`${server.baseUrl}/assets/index-AbC123.js`, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(script);

    const identity = await get(`${server.baseUrl}/assets/index-AbC123.js`, 'identity');
    expect(identity.status).toBe(200);
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.headers.vary).toContain('Accept-Encoding');
    expect(identity.body.toString()).toBe(script);
  });

  it('compresses the page an app route falls back to', async () => {
    const answer = await get(`${server.baseUrl}/procedures/tennyu`, 'br');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toContain('text/html');
    expect(brotliDecompressSync(answer.body).toString()).toBe(html);
  });

  it('compresses JSON answers above 1 KB, and leaves small ones plain', async () => {
    const document = await get(`${server.baseUrl}/api/openapi.json`, 'br');
    expect(document.headers['content-encoding']).toBe('br');
    expect(document.headers.vary).toContain('accept-encoding');
    expect(JSON.parse(brotliDecompressSync(document.body).toString())).toHaveProperty('openapi');

    const plain = await get(`${server.baseUrl}/api/openapi.json`, 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body.toString())).toHaveProperty('openapi');

    const small = await get(`${server.baseUrl}/api/v1/missing`, 'br');
    expect(small.status).toBe(404);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});
