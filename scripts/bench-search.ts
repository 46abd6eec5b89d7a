/**
 * `npm run bench:search`: how fast and how good the procedure search is, on the real content pack
 * and on 10,000 procedures (the real ones plus synthetic ones, so the acceptance set still has its
 * answers), side by side with MiniSearch, FlexSearch, Orama and Fuse.js on the same documents
 * (scripts/search-peers.ts). For each: build time, serialised index size (raw and gzip), query time
 * over the acceptance set and over every keystroke of it (the search runs on each one), and how many
 * acceptance queries find their procedure in the top 3. For ours also the load in a browser
 * (JSON.parse, then the first search). Goals (issue 17): every keystroke p95 ≤ 1 ms and load ≤ 30 ms
 * at 10,000. A script, not a test: figures depend on the machine, so it prints its load average.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { ACCEPTANCE_QUERIES, NO_ANSWER_QUERIES } from '../src/domain/procedure-search-acceptance.ts';
import { buildSearchIndex, procedureDocuments, searchProcedures, type SearchDocument, type SearchIndex } from '../src/domain/procedure-search.ts';
import { proceduresContentSchema, synonymsContentSchema } from '../src/domain/procedures.ts';
import { PEERS, type PeerIndex } from './search-peers.ts';

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
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
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
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

const WHOLE = [...ACCEPTANCE_QUERIES.map((entry) => entry.query), ...NO_ANSWER_QUERIES];
const TYPED = keystrokes(WHOLE);

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** How long one engine's timing of one list may take: a slow engine is timed on every n-th query instead. */
const TIME_BUDGET_MS = 15_000;

/**
 * Times of the queries, sorted, after an untimed pass over the whole queries (JIT, and what an engine
 * prepares on first use). An engine too slow for the budget is timed on an evenly spread sample.
 */
function timeQueries(search: (query: string) => unknown, queries: string[], rounds: number): number[] {
  const warmUp = timed(() => WHOLE.forEach((query) => search(query)));
  const stride = Math.max(1, Math.ceil(((warmUp / WHOLE.length) * queries.length * rounds) / TIME_BUDGET_MS));
  const times: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (let at = round % stride; at < queries.length; at += stride) {
      const query = queries[at] ?? '';
      times.push(timed(() => search(query)));
    }
  }
  return times.sort((a, b) => a - b);
}

interface Row {
  name: string;
  buildMs: number;
  serialised: string;
  whole: number[];
  typed: number[];
  top3: number;
}

function measure(name: string, build: () => PeerIndex, rounds: number): Row {
  let index: PeerIndex | undefined;
  const buildMs = timed(() => {
    index = build();
  });
  if (!index) throw new Error(`${name} built nothing`);
  const built = index;
  const top3 = ACCEPTANCE_QUERIES.filter((entry) => built.search(entry.query, 3).includes(entry.expected)).length;
  return {
    name,
    buildMs,
    serialised: built.serialised(),
    whole: timeQueries((query) => built.search(query, 50), WHOLE, rounds),
    typed: timeQueries((query) => built.search(query, 50), TYPED, rounds),
    top3,
  };
}

const fmt = (ms: number) => ms.toFixed(3);

function table(title: string, documents: readonly SearchDocument[]): void {
  console.log(
    `\n## ${title}: ${String(documents.length)} procedures (load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')})`,
  );
  const ours = measure(
    'ours (bigram BM25F)',
    () => {
      const index = buildSearchIndex(documents, synonyms);
      return { search: (query, limit) => searchProcedures(index, query, limit).map((hit) => hit.id), serialised: () => JSON.stringify(index) };
    },
    5,
  );
  // Measured before the peers fill the heap: what a phone does on opening the search screen.
  const loads = Array.from({ length: 5 }, () => {
    let loaded: SearchIndex | undefined;
    const parse = timed(() => {
      loaded = JSON.parse(ours.serialised) as SearchIndex;
    });
    const first = timed(() => loaded && searchProcedures(loaded, '住民票'));
    return { parse, first };
  });
  // The peers get one round: the same queries, fewer repeats.
  const rows = [ours, ...PEERS.map((peer) => measure(peer.name, () => peer.build(documents), 1))];
  console.log(`(${String(WHOLE.length)} queries, ${String(TYPED.length)} keystrokes; n = how many were timed)`);
  console.log('| engine | build ms | index KB raw / gzip | query p50 / p95 ms (n) | keystroke p50 / p95 ms (n) | top 3 |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    const size = `${(row.serialised.length / 1024).toFixed(0)} / ${(gzipSync(row.serialised).length / 1024).toFixed(0)}`;
    const whole = `${fmt(percentile(row.whole, 0.5))} / ${fmt(percentile(row.whole, 0.95))} (${String(row.whole.length)})`;
    const typed = `${fmt(percentile(row.typed, 0.5))} / ${fmt(percentile(row.typed, 0.95))} (${String(row.typed.length)})`;
    console.log(`| ${row.name} | ${row.buildMs.toFixed(0)} | ${size} | ${whole} | ${typed} | ${String(row.top3)}/${String(ACCEPTANCE_QUERIES.length)} |`);
  }
  console.log(
    `ours, load: JSON.parse median ${fmt(median(loads.map((load) => load.parse)))} ms, then the first search ${fmt(median(loads.map((load) => load.first)))} ms`,
  );
}

const real = procedureDocuments(pack.procedures, pack.lifeEvents);
console.log(`Node ${process.version}; goals: every keystroke p95 ≤ 1 ms, load ≤ 30 ms at 10,000`);
table('real content pack', real);
table('real + synthetic', [...real, ...syntheticDocuments(10_000 - real.length)]);
