import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDirectory } from '../../scripts/precompress-files.ts';
import { PRERENDERED_LIST, prerenderedFile, readPrerenderedPages } from './prerendered-pages.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

describe('prerendered page files', () => {
  it('names one file per address, inside prerendered/', () => {
    expect(prerenderedFile('/')).toBe('prerendered/index.html');
    expect(prerenderedFile('/procedures')).toBe('prerendered/procedures.html');
    expect(prerenderedFile('/procedures/tennyu')).toBe('prerendered/procedures/tennyu.html');
  });

  it('refuses an address that could leave the directory or is not a plain route', () => {
    for (const path of ['', 'procedures', '/../secret', '/procedures/', '/a//b', '/procedures?q=1', '/手続き', '/A']) {
      expect(() => prerenderedFile(path), path).toThrow();
    }
  });

  it('reads nothing from a build without prerendered pages, and refuses a list that is not one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'togane-prerendered-'));
    try {
      expect(readPrerenderedPages(dir).size).toBe(0);
      mkdirSync(join(dir, 'prerendered'));
      writeFileSync(join(dir, PRERENDERED_LIST), JSON.stringify({ '/': 'x' }));
      expect(() => readPrerenderedPages(dir)).toThrow();
      writeFileSync(join(dir, PRERENDERED_LIST), JSON.stringify(['/', '/../etc/passwd']));
      expect(() => readPrerenderedPages(dir)).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the server sends a prerendered page for its address', () => {
  let server: TestServer;
  let staticDir: string;
  const shell = '<!doctype html><html lang="ja"><title>つながる東金</title><div id="root"></div></html>';
  const page = (heading: string) => `<!doctype html><html lang="ja"><title>${heading}</title><div id="root"><h1>${heading}</h1></div></html>`;

  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'togane-static-'));
    mkdirSync(join(staticDir, 'prerendered'));
    writeFileSync(join(staticDir, 'index.html'), shell);
    writeFileSync(join(staticDir, 'prerendered', 'index.html'), page('何をしますか'));
    writeFileSync(join(staticDir, 'prerendered', 'procedures.html'), page('手続きを探す'));
    writeFileSync(join(staticDir, PRERENDERED_LIST), JSON.stringify(['/', '/procedures']));
    precompressDirectory(staticDir);
    server = await startTestServer({ staticDir });
  });
  afterAll(async () => {
    await server.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  const text = async (path: string, init?: RequestInit) => {
    const answer = await fetch(`${server.baseUrl}${path}`, init);
    expect(answer.status, path).toBe(200);
    expect(answer.headers.get('cache-control'), path).toBe('no-cache');
    return answer.text();
  };

  it('answers the start screen and a listed address with their pages, with or without search words', async () => {
    expect(await text('/')).toContain('<h1>何をしますか</h1>');
    expect(await text('/procedures')).toContain('<h1>手続きを探す</h1>');
    expect(await text('/procedures?q=%E8%BB%A2%E5%85%A5')).toContain('<h1>手続きを探す</h1>');
  });

  it('answers any other app address, and /index.html itself, with the shell the service worker keeps', async () => {
    expect(await text('/procedures/tennyu')).toBe(shell);
    expect(await text('/procedures/')).toBe(shell);
    expect(await text('/index.html')).toBe(shell);
  });

  it('sends the build’s compressed twin of the page', async () => {
    const answer = await fetch(`${server.baseUrl}/`, { headers: { 'accept-encoding': 'br' } });
    expect(answer.headers.get('content-encoding')).toBe('br');
    expect(await answer.text()).toContain('<h1>何をしますか</h1>');
  });

  it('answers HEAD for the start screen as for GET', async () => {
    const answer = await fetch(`${server.baseUrl}/`, { method: 'HEAD' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/html');
  });
});
