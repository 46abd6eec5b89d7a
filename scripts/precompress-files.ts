/**
 * Writes `FILE.br` and `FILE.gz` next to every compressible file of a built site, so the server
 * sends them by content negotiation (`@fastify/static` `preCompressed`) without compressing on
 * each request. Run after `vite build` — after the service worker is generated, so the `.br` and
 * `.gz` twins never enter the precache list (the worker's own fetches negotiate them instead).
 * `npm run build` runs it through scripts/precompress.ts.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text and WebAssembly shrink; PNG, WOFF2 and the like are compressed formats already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|webmanifest|wasm|txt|map)$/i;

export interface PrecompressResult {
  files: number;
  raw: number;
  brotli: number;
  gzip: number;
}

function listFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Writes the twins of one file (replacing older ones); returns the bytes raw, as brotli and as gzip. */
export function precompressFile(path: string): { raw: number; brotli: number; gzip: number } {
  const raw = readFileSync(path);
  // Maximum effort: this runs once per build, and every visit saves the bytes.
  const brotli = brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  });
  const gzip = gzipSync(raw, { level: 9 });
  // A twin that is not smaller would only cost a header; the server then falls back to the file.
  if (brotli.length < raw.length) writeFileSync(`${path}.br`, brotli);
  if (gzip.length < raw.length) writeFileSync(`${path}.gz`, gzip);
  return { raw: raw.length, brotli: Math.min(brotli.length, raw.length), gzip: Math.min(gzip.length, raw.length) };
}

export function precompressDirectory(directory: string): PrecompressResult {
  const result: PrecompressResult = { files: 0, raw: 0, brotli: 0, gzip: 0 };
  for (const path of listFiles(directory)) {
    if (!COMPRESSIBLE.test(path)) continue;
    const sizes = precompressFile(path);
    result.files += 1;
    result.raw += sizes.raw;
    result.brotli += sizes.brotli;
    result.gzip += sizes.gzip;
  }
  return result;
}
