/**
 * `npm run size`: the gzip size of the JavaScript a phone downloads to show the home screen —
 * the entry chunk, the home route's chunk, and everything they import statically — and the
 * precache (everything the service worker downloads on a first visit), raw and on the wire; and what
 * 手続きを探す and a procedure's page add to it.
 * Reads Vite's build manifest and sw.js, so run `npm run build` first. Exits 1 over a budget.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const clientDir = resolve(import.meta.dirname, '../dist/client');
const manifest = JSON.parse(readFileSync(resolve(clientDir, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
const BUDGET_KB = 100;
/** The precache on the wire as brotli; README「最初の訪問で届くもの」 says why this figure. */
const PRECACHE_BUDGET_KB = 480;

function collect(key: string, seen: Set<string>): void {
  if (seen.has(key)) return;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} がビルドのマニフェストにありません。`);
  seen.add(key);
  for (const imported of chunk.imports ?? []) collect(imported, seen);
}

const homeRoute = Object.keys(manifest).find((key) => key.endsWith('src/app/HomePage.tsx'));
const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
if (!homeRoute || !entry) throw new Error('エントリーかホーム画面のチャンクが見つかりません。');

const keys = new Set<string>();
collect(entry, keys);
collect(homeRoute, keys);
// The entry loads the app after the first paint (src/app/main.tsx), and the service worker registration
// loads workbox-window on every first screen, home included.
const startApp = manifest[entry]?.dynamicImports?.find((key) => key.endsWith('src/app/start-app.tsx'));
if (!startApp) throw new Error('src/app/start-app.tsx がエントリーから読み込まれていません。');
collect(startApp, keys);
for (const key of [...keys]) {
  for (const dynamic of manifest[key]?.dynamicImports ?? []) {
    if (dynamic.includes('workbox-window')) collect(dynamic, keys);
  }
}
function gzipKb(key: string): number {
  return gzipSync(readFileSync(resolve(clientDir, manifest[key]?.file ?? '')), { level: 9 }).length / 1024;
}

let total = 0;
for (const key of keys) {
  const size = gzipKb(key);
  total += size;
  console.log(`${size.toFixed(1).padStart(7)} KB  ${manifest[key]?.file ?? ''}`);
}
console.log(`${total.toFixed(1).padStart(7)} KB  合計（ホーム画面の JavaScript、gzip） 目標 ${String(BUDGET_KB)} KB 以下`);

/**
 * What a screen adds to the home screen's JavaScript when it is opened first: its chunk, what it
 * imports, the answer cache every screen but home comes with, and what it reads first (a procedure's
 * own page), less what home has already loaded.
 */
const SCREENS: { name: string; modules: string[] }[] = [
  { name: '手続きを探す（/procedures）', modules: ['src/features/procedures/SearchPage.tsx', 'src/app/QueryRoot.tsx'] },
  {
    name: '手続きのページ（/procedures/tennyu）',
    modules: ['src/features/procedures/ProcedurePage.tsx', 'src/app/QueryRoot.tsx', 'procedure-detail/procedure-page-tennyu'],
  },
];
for (const { name, modules } of SCREENS) {
  const added = new Set<string>();
  for (const module of modules) collect(module, added);
  const addition = [...added].filter((key) => !keys.has(key)).reduce((sum, key) => sum + gzipKb(key), 0);
  console.log(`${addition.toFixed(1).padStart(7)} KB  ${name}がホーム画面に足す JavaScript（gzip）`);
}

/** Bytes of the file as sent for an encoding: its build-time twin (scripts/precompress.ts), or the file. */
function wireSize(path: string, extension: '.br' | '.gz'): number {
  return existsSync(path + extension) ? statSync(path + extension).size : statSync(path).size;
}

const serviceWorker = readFileSync(resolve(clientDir, 'sw.js'), 'utf8');
const precached = [...serviceWorker.matchAll(/url:"([^"]+)"/g)].map((match) => match[1] ?? '');
const precache = { raw: 0, gzip: 0, brotli: 0 };
for (const url of precached) {
  const path = resolve(clientDir, url);
  precache.raw += statSync(path).size;
  precache.gzip += wireSize(path, '.gz');
  precache.brotli += wireSize(path, '.br');
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
console.log(
  `プリキャッシュ ${String(precached.length)} ファイル: ${kb(precache.raw)}（圧縮なし） / ${kb(precache.gzip)}（gzip） / ${kb(precache.brotli)}（brotli） 目標 brotli ${String(PRECACHE_BUDGET_KB)} KB 以下`,
);
// Cached on first use (vite.config.ts): in the precache they would cost every visitor.
const optional = precached.filter((url) => url.endsWith('.wasm') || /zxing|\/practice-/.test(url));
if (optional.length > 0) console.error(`プリキャッシュに入れないはずのファイル: ${optional.join(', ')}`);
if (total / 1024 > BUDGET_KB || precache.brotli / 1024 > PRECACHE_BUDGET_KB || optional.length > 0) process.exitCode = 1;
