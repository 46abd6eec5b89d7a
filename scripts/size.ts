/**
 * `npm run size`: the gzip size of the JavaScript a phone downloads to show the home screen —
 * the entry chunk, the home route's chunk, and everything they import statically. Reads Vite's
 * build manifest, so run `npm run build` first.
 */
import { readFileSync } from 'node:fs';
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
const BUDGET_KB = 120;

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
// The service worker registration loads workbox-window on every first screen, home included.
for (const dynamic of manifest[entry]?.dynamicImports ?? []) {
  if (dynamic.includes('workbox-window')) collect(dynamic, keys);
}
let total = 0;
for (const key of keys) {
  const file = manifest[key]?.file ?? '';
  const gzipped = gzipSync(readFileSync(resolve(clientDir, file)), { level: 9 }).length;
  total += gzipped;
  console.log(`${(gzipped / 1024).toFixed(1).padStart(7)} KB  ${file}`);
}
console.log(`${(total / 1024).toFixed(1).padStart(7)} KB  合計（ホーム画面の JavaScript、gzip） 目標 ${String(BUDGET_KB)} KB 以下`);
