/**
 * `npm run content:import -- FILE.csv [--out PATH] [--city PATH]`: reads the city's procedure
 * inventory exported from a spreadsheet (UTF-8 or Shift_JIS), checks every row and writes
 * src/content/procedures.json (keeping its life-event guides) only when the whole file is valid.
 * `--out` and `--city` (or CONTENT_IMPORT_OUT / CONTENT_IMPORT_CITY) point elsewhere, for tests.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContentFile } from '../src/domain/content-pack.ts';
import type { CityContent } from '../src/domain/city.ts';
import { formatCsvProblem } from './procedure-csv/csv-text.ts';
import { importProceduresCsv } from './procedure-csv/import.ts';
import type { ProceduresContent } from '../src/domain/procedures.ts';

const contentDir = resolve(import.meta.dirname, '../src/content');

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  console.error('誤りがあるため、何も書きませんでした。直してから、もう一度取り込んでください。');
  process.exit(1);
}

const { values, positionals } = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: { out: { type: 'string' }, city: { type: 'string' } },
});
const [file] = positionals;
if (!file || positionals.length > 1) fail(['使い方: npm run content:import -- 手続き一覧.csv']);

const outPath = resolve(values.out ?? process.env.CONTENT_IMPORT_OUT ?? resolve(contentDir, 'procedures.json'));
const cityPath = resolve(values.city ?? process.env.CONTENT_IMPORT_CITY ?? resolve(contentDir, 'city.json'));

let bytes: Uint8Array;
try {
  bytes = readFileSync(file);
} catch {
  fail([`ファイル ${file} を読めません。`]);
}

const cityCheck = checkContentFile('city.json', readFileSync(cityPath, 'utf8'));
if (!cityCheck.ok) fail([`${cityPath} に誤りがあります。先に npm run content:check で直してください。`]);
const city = cityCheck.value as CityContent;

// The life-event guides and the redirects of merged ids are written by hand; the import keeps them and
// checks they still point at procedures.
let kept: Partial<ProceduresContent> = {};
if (existsSync(outPath)) {
  const current = checkContentFile('procedures.json', readFileSync(outPath, 'utf8'));
  kept = current.ok ? (current.value as ProceduresContent) : (JSON.parse(readFileSync(outPath, 'utf8')) as Partial<ProceduresContent>);
}

const result = importProceduresCsv(bytes, city, kept.lifeEvents ?? [], kept.redirects ?? []);
if (!result.ok) {
  fail([
    `${file}${result.encoding ? `（${result.encoding === 'utf-8' ? 'UTF-8' : 'Shift_JIS'}）` : ''} に ${String(result.problems.length)} 件の誤りがあります:`,
    ...result.problems.map((problem) => `  ${formatCsvProblem(problem)}`),
  ]);
}

writeFileSync(outPath, `${JSON.stringify(result.content, null, 2)}\n`);
const shown = relative(process.cwd(), outPath);
console.log(
  `${String(result.content.procedures.length)}件の手続きを ${shown.startsWith('..') ? outPath : shown} に書きました（${result.encoding === 'utf-8' ? 'UTF-8' : 'Shift_JIS'} として読みました）。`,
);
if (result.ignoredColumns.length > 0) console.log(`使わなかった列: ${result.ignoredColumns.join('、')}`);
