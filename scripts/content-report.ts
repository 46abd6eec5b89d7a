/**
 * `npm run content:report [-- DIR]`: the city's checklist of every fact still unconfirmed or a
 * sample, per department, as CSV (UTF-8 with BOM, for Excel) and Markdown, in DIR (default
 * content-report/). It lists them and exits 0 whatever it finds; a broken content file is
 * content:check's business, which runs first in npm test.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { CityContent } from '../src/domain/city.ts';
import { buildContentReport, reportCsv, reportMarkdown } from './content-report-build.ts';
import type { FacilitiesContent } from '../src/domain/facilities.ts';
import { japanClock } from '../src/domain/japan-time.ts';
import type { ProceduresContent } from '../src/domain/procedures.ts';

const contentDir = resolve(import.meta.dirname, '../src/content');
const read = <T>(name: string) => JSON.parse(readFileSync(resolve(contentDir, name), 'utf8')) as T;
const outDir = resolve(process.argv[2] ?? 'content-report');

const { rows, counts } = buildContentReport({
  city: read<CityContent>('city.json'),
  procedures: read<ProceduresContent>('procedures.json'),
  facilities: read<FacilitiesContent>('facilities.json'),
  others: [
    { file: 'マイナンバーカードの窓口', where: '/mynumber', departmentId: 'shimin', content: read('mynumber-counter.json') },
    { file: 'コンビニで証明書', where: '/certificates', departmentId: 'shimin', content: read('certificates.json') },
    { file: '納付書で支払う', where: '/payments', content: read('payments.json') },
  ],
});

mkdirSync(outDir, { recursive: true });
const csvPath = resolve(outDir, 'content-report.csv');
const mdPath = resolve(outDir, 'content-report.md');
writeFileSync(csvPath, reportCsv(rows));
writeFileSync(mdPath, reportMarkdown(rows, counts, japanClock(new Date()).date));
console.log(
  `手続き：確認済み ${String(counts.procedures.verified)}件、確認中 ${String(counts.procedures.unverified)}件、見本 ${String(counts.procedures.sample)}件。` +
    `見本でない手続きの項目：確かめた ${String(counts.procedureFacts.confirmed)}、まだ ${String(counts.procedureFacts.unconfirmed)}。`,
);
console.log(`確認が必要な ${String(counts.rows)}件を ${relative(process.cwd(), csvPath)} と ${relative(process.cwd(), mdPath)} に書きました。`);
