/**
 * `npm run content:export -- FILE.csv`: writes src/content/procedures.json as a CSV (UTF-8 with BOM,
 * so Excel opens it) that `npm run content:import` reads back: edit in a spreadsheet, import again.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CityContent } from '../src/domain/city.ts';
import { proceduresToCsv } from './procedure-csv/export.ts';
import type { ProceduresContent } from '../src/domain/procedures.ts';

const contentDir = resolve(import.meta.dirname, '../src/content');
const [file] = process.argv.slice(2);
if (!file) {
  console.error('使い方: npm run content:export -- 手続き一覧.csv');
  process.exit(1);
}
const city = JSON.parse(readFileSync(resolve(contentDir, 'city.json'), 'utf8')) as CityContent;
const { procedures } = JSON.parse(readFileSync(resolve(contentDir, 'procedures.json'), 'utf8')) as ProceduresContent;
writeFileSync(file, `\uFEFF${proceduresToCsv(procedures, city.departments)}`);
console.log(`${String(procedures.length)}件の手続きを ${file} に書きました（UTF-8、BOM 付き）。`);
