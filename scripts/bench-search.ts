/**
 * `npm run bench:search`: how fast the procedure search is, on the real content pack and on 10,000
 * synthetic procedures. Measures index build time, the serialised index size (raw and gzip, as the
 * browser downloads it), load (JSON.parse) time, and query time over the acceptance set and every
 * prefix of it (the search runs on every keystroke). Goals from issue 3: p95 ≤ 2 ms, real index
 * ≤ 150 KB gzip. A script, not a test: figures depend on the machine.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { ACCEPTANCE_QUERIES, NO_ANSWER_QUERIES } from '../src/domain/procedure-search-acceptance.ts';
import { buildProcedureIndex, buildSearchIndex, searchProcedures, type SearchDocument, type SearchIndex } from '../src/domain/procedure-search.ts';
import { proceduresContentSchema, synonymsContentSchema } from '../src/domain/procedures.ts';

const contentDir = resolve(import.meta.dirname, '../src/content');
const pack = proceduresContentSchema.parse(JSON.parse(readFileSync(resolve(contentDir, 'procedures.json'), 'utf8')));
const synonyms = synonymsContentSchema.parse(JSON.parse(readFileSync(resolve(contentDir, 'synonyms.json'), 'utf8')));

/** Deterministic pseudo-random numbers (mulberry32), so every run benchmarks the same corpus. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 10,000 procedures made by recombining the words of the real ones: titles from a subject of one
 * procedure and the ending of another, summaries from shuffled sentences. The vocabulary and text
 * lengths stay realistic, which is what the index's size and speed depend on.
 */
function syntheticDocuments(count: number): SearchDocument[] {
  const next = random(20261124);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const procedures = pack.procedures;
  const sentences = procedures.flatMap((procedure) => procedure.summary.split('。').filter(Boolean));
  const keywords = procedures.flatMap((procedure) => procedure.keywords);
  return Array.from({ length: count }, (_, number) => {
    const first = pick(procedures);
    const second = pick(procedures);
    const cut = Math.max(1, Math.floor(first.title.length / 2));
    return {
      id: `synthetic-${String(number)}`,
      title: `${first.title.slice(0, cut)}${second.title.slice(Math.floor(second.title.length / 2))}`,
      reading: `${first.reading.slice(0, Math.floor(first.reading.length / 2))}${second.reading.slice(Math.floor(second.reading.length / 2))}`,
      keywords: Array.from({ length: 2 + Math.floor(next() * 4) }, () => pick(keywords)),
      summary: `${Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(sentences)).join('。')}。`,
      inLinks: Math.floor(next() * 4),
    };
  });
}

/** What a citizen types on the way to each query: every prefix, then the whole query. */
function keystrokes(queries: readonly string[]): string[] {
  return queries.flatMap((query) => [...query].map((_, end, chars) => chars.slice(0, end + 1).join('')));
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}

function median(values: number[]): number {
  return percentile([...values].sort((a, b) => a - b), 0.5);
}

function timeQueries(index: SearchIndex, queries: string[], rounds: number): number[] {
  for (const query of queries) searchProcedures(index, query); // warm-up: JIT and the prefix table
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const query of queries) {
      const start = performance.now();
      searchProcedures(index, query);
      times.push(performance.now() - start);
    }
  }
  return times.sort((a, b) => a - b);
}

function report(name: string, build: () => SearchIndex): void {
  const buildTimes: number[] = [];
  let index = build();
  for (let run = 0; run < 5; run += 1) {
    const start = performance.now();
    index = build();
    buildTimes.push(performance.now() - start);
  }
  const json = JSON.stringify(index);
  const loadTimes = Array.from({ length: 5 }, () => {
    const start = performance.now();
    JSON.parse(json);
    return performance.now() - start;
  });
  const whole = [...ACCEPTANCE_QUERIES.map((entry) => entry.query), ...NO_ANSWER_QUERIES];
  const typed = keystrokes(whole);
  const wholeTimes = timeQueries(index, whole, 50);
  const typedTimes = timeQueries(index, typed, 20);
  const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
  console.log(`\n## ${name}: ${String(index.ids.length)} procedures`);
  console.log(`index build (median of 5)     ${fmt(median(buildTimes))}`);
  console.log(`serialised index              ${(json.length / 1024).toFixed(1)} KB raw, ${(gzipSync(json).length / 1024).toFixed(1)} KB gzip`);
  console.log(`load in browser (JSON.parse)  ${fmt(median(loadTimes))}`);
  console.log(`whole queries (${String(whole.length)} × 50)       p50 ${fmt(percentile(wholeTimes, 0.5))}  p95 ${fmt(percentile(wholeTimes, 0.95))}  max ${fmt(wholeTimes.at(-1) ?? 0)}`);
  console.log(`every keystroke (${String(typed.length)} × 20)    p50 ${fmt(percentile(typedTimes, 0.5))}  p95 ${fmt(percentile(typedTimes, 0.95))}  max ${fmt(typedTimes.at(-1) ?? 0)}`);
}

console.log(`Node ${process.version}; goals: p95 ≤ 2 ms, real index ≤ 150 KB gzip`);
report('real content pack', () => buildProcedureIndex(pack.procedures, synonyms, pack.lifeEvents));
const synthetic = syntheticDocuments(10_000);
report('synthetic', () => buildSearchIndex(synthetic, synonyms));
