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
const listed = [...serviceWorker.matchAll(/url:"([^"]+)"/g)].map((match) => match[1] ?? '');
// Workbox downloads a URL listed twice once; a second listing is a configuration mistake all the same.
const precached = [...new Set(listed)];
const listedTwice = precached.filter((url) => listed.indexOf(url) !== listed.lastIndexOf(url));
if (listedTwice.length > 0) console.error(`プリキャッシュの一覧に二度あるファイル: ${listedTwice.join(', ')}`);
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

/** Every chunk a module loads, statically or on demand, short of the modules `stop` names. */
function reachable(from: string[], stop: (key: string) => boolean): Set<string> {
  const found = new Set<string>();
  const pending = [...from];
  for (let key = pending.pop(); key !== undefined; key = pending.pop()) {
    if (found.has(key) || stop(key)) continue;
    found.add(key);
    pending.push(...(manifest[key]?.imports ?? []), ...(manifest[key]?.dynamicImports ?? []));
  }
  return found;
}
// The staff console's code: what /staff loads that no citizen's screen can reach. Fetched on line when
// /staff opens (vite.config.ts), never in the precache.
const isStaff = (key: string) => key.startsWith('src/features/staff/');
const citizens = reachable([entry], isStaff);
const staffOnly = [...reachable(Object.keys(manifest).filter(isStaff), () => false)].filter((key) => !citizens.has(key));
const staffFiles = new Set(staffOnly.map((key) => manifest[key]?.file));
const staffBrotli = [...staffFiles].reduce((sum, file) => sum + wireSize(resolve(clientDir, file ?? ''), '.br'), 0);
console.log(`職員の画面（/staff、プリキャッシュしない） ${String(staffFiles.size)} ファイル: ${kb(staffBrotli)}（brotli）`);

// Cached on first use (vite.config.ts): in the precache they would cost every visitor.
const optional = precached.filter((url) => url.endsWith('.wasm') || /zxing|\/practice-/.test(url) || staffFiles.has(url));
if (optional.length > 0) console.error(`プリキャッシュに入れないはずのファイル: ${optional.join(', ')}`);
const overBudget = total / 1024 > BUDGET_KB || precache.brotli / 1024 > PRECACHE_BUDGET_KB;
if (overBudget || optional.length > 0 || listedTwice.length > 0) process.exitCode = 1;
