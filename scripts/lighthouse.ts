/**
 * `npm run lighthouse`: Lighthouse (mobile, its default emulation and throttling) against the
 * production build on the real server, in Debian's Chromium, for the home screen, one page per
 * feature and a procedure page. Prints the four scores, LCP, TBT and CLS a page, and the floor: the
 * prerendered home screen with every script taken out (plain HTML and the same CSS, served by the
 * same server), measured in the same run, so home's LCP is read against what no script could beat.
 * Writes test-results/lighthouse-summary.json with them and every audit that did not pass, and each
 * page's whole report to test-results/lighthouse/<address>.json. Not part
 * of `npm test`: scores move with the machine's load.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium.ts';
import { precompressFile } from './precompress-files.ts';

const FLOOR = '/lighthouse-floor.html';
const ALL_PAGES = ['/', '/procedures', '/procedures/tennyu', '/facilities', '/payments', '/certificates', '/mynumber', '/settings', '/accessibility'];
/** `npm run lighthouse -- / /procedures` measures only those pages (and the floor); without addresses, all of them. */
const chosen = process.argv.slice(2).filter((argument) => argument.startsWith('/'));
const PAGES = [FLOOR, ...(chosen.length > 0 ? chosen : ALL_PAGES)];
const METRICS = { lcp: 'largest-contentful-paint', tbt: 'total-blocking-time', cls: 'cumulative-layout-shift' } as const;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const SUMMARY_FILE = 'test-results/lighthouse-summary.json';
const REPORTS_DIR = 'test-results/lighthouse';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, 'localhost', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function startServer(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    env: { ...process.env, PORT: String(port), HOST: 'localhost', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  for (let attempt = 0; attempt < 150; attempt++) {
    try {
      if ((await fetch(`http://localhost:${String(port)}/api/v1/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGTERM');
  throw new Error('the server did not start');
}

interface PageResult {
  path: string;
  scores: Record<(typeof CATEGORIES)[number], number | null>;
  /** LCP and TBT in milliseconds, CLS as Lighthouse reports it. */
  metrics: Record<keyof typeof METRICS, number | null>;
  /** Audits of those categories that scored below 1, with their titles. */
  notPassed: { id: string; title: string; score: number | null; displayValue?: string }[];
}

/** One Lighthouse run; a run that loses its trace (NO_NAVSTART, seen on a busy machine) is tried again, twice at most. */
async function measure(path: string, attempt = 1): Promise<Result> {
  const runner = await lighthouse(`http://localhost:${String(port)}${path}`, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
  });
  if (!runner) throw new Error(`Lighthouse gave no result for ${path}`);
  const { lhr } = runner;
  if (!lhr.runtimeError) return lhr;
  if (attempt < 3) {
    console.warn(`${path}: ${lhr.runtimeError.code}, trying again`);
    return measure(path, attempt + 1);
  }
  throw new Error(`${path}: ${lhr.runtimeError.message}`);
}

/** The floor: home's prerendered page without a single script (nor a preload of one), as plain HTML. */
function writeFloorPage(): string {
  const file = join('dist/client', FLOOR);
  const home = readFileSync('dist/client/prerendered/index.html', 'utf8');
  const floor = home.replace(/<script[^>]*><\/script>/g, '').replace(/<link rel="modulepreload"[^>]*>/g, '');
  writeFileSync(file, floor);
  // Compressed as the build compresses home's page, so both travel the same way.
  precompressFile(file);
  return file;
}

const floorFile = writeFloorPage();
mkdirSync(REPORTS_DIR, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), 'togane-lighthouse-'));
const port = await freePort();
const server = await startServer(port, dataDir);
const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: [...CHROMIUM_ARGS, '--headless=new'] });
const results: PageResult[] = [];
try {
  for (const path of PAGES) {
    const lhr = await measure(path);
    // The whole report, for what the table leaves out (long tasks, the critical chain, render-blocking files).
    writeFileSync(join(REPORTS_DIR, `${path.replace(/[^a-z0-9]+/gi, '_')}.json`), JSON.stringify(lhr));
    const auditIds = new Set(CATEGORIES.flatMap((category) => lhr.categories[category]?.auditRefs.filter((ref) => ref.weight > 0).map((ref) => ref.id) ?? []));
    results.push({
      path,
      scores: Object.fromEntries(
        CATEGORIES.map((category) => {
          const score = lhr.categories[category]?.score;
          return [category, typeof score === 'number' ? Math.round(score * 100) : null];
        }),
      ) as PageResult['scores'],
      metrics: Object.fromEntries(Object.entries(METRICS).map(([name, id]) => [name, lhr.audits[id]?.numericValue ?? null])) as PageResult['metrics'],
      notPassed: [...auditIds]
        .map((id) => lhr.audits[id])
        .filter((audit) => audit !== undefined && audit.score !== null && audit.score < 1)
        .map((audit) => ({
          id: audit?.id ?? '',
          title: audit?.title ?? '',
          score: audit?.score ?? null,
          ...(audit?.displayValue ? { displayValue: audit.displayValue } : {}),
        })),
    });
    console.log(`measured ${path}`);
  }
} finally {
  chrome.kill();
  server.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
  for (const file of [floorFile, `${floorFile}.br`, `${floorFile}.gz`]) rmSync(file, { force: true });
}

const milliseconds = (value: number | null) => (value === null ? '-' : `${value.toFixed(0)} ms`);
const header = ['page', ...CATEGORIES, 'LCP', 'TBT', 'CLS'];
const rows = results.map((result) => [
  result.path === FLOOR ? 'floor (home, no script)' : result.path,
  ...CATEGORIES.map((category) => String(result.scores[category] ?? '-')),
  milliseconds(result.metrics.lcp),
  milliseconds(result.metrics.tbt),
  result.metrics.cls === null ? '-' : result.metrics.cls.toFixed(3),
]);
const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
console.log(['', line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n'));
const floorLcp = results.find((result) => result.path === FLOOR)?.metrics.lcp;
const homeLcp = results.find((result) => result.path === '/')?.metrics.lcp;
if (floorLcp && homeLcp) console.log(`\nhome LCP ${(homeLcp / floorLcp).toFixed(2)}× the floor's (goal ≤ 1.2×)`);
for (const result of results) {
  for (const audit of result.notPassed) console.log(`  ${result.path}: ${audit.id} (${String(audit.score)}) ${audit.displayValue ?? ''}`);
}
mkdirSync('test-results', { recursive: true });
writeFileSync(SUMMARY_FILE, `${JSON.stringify({ measuredAt: new Date().toISOString(), lighthouse: '12.8', results }, null, 2)}\n`);
console.log(`\nSummary written to ${SUMMARY_FILE}`);
