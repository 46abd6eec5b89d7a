import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cityContentSchema } from '../src/domain/city.ts';
import { buildContentReport, reportCsv, reportMarkdown } from './content-report-build.ts';
import { facilitiesContentSchema } from '../src/domain/facilities.ts';
import { proceduresContentSchema } from '../src/domain/procedures.ts';
import { PROCEDURE_FACTS } from '../src/domain/procedure-codes.ts';

const contentDir = resolve(import.meta.dirname, '../src/content');
const read = (name: string): unknown => JSON.parse(readFileSync(resolve(contentDir, name), 'utf8'));
const city = cityContentSchema.parse(read('city.json'));
const procedures = proceduresContentSchema.parse(read('procedures.json'));
const facilities = facilitiesContentSchema.parse(read('facilities.json'));
const report = buildContentReport({ city, procedures, facilities, others: [{ file: '納付書で支払う', where: '/payments', content: read('payments.json') }] });

describe('content report', () => {
  it('lists each unconfirmed fact of a partly confirmed procedure under its department, with the value shown, and not the confirmed ones', () => {
    const kokuho = report.rows.filter((row) => row.where === '/procedures/kokuho-kanyu');
    expect(kokuho.map((row) => row.fact)).toEqual([PROCEDURE_FACTS.summary, PROCEDURE_FACTS.channels, PROCEDURE_FACTS.applicants, PROCEDURE_FACTS.fee]);
    expect(kokuho.every((row) => row.department === '国保年金課' && row.status === '未確認')).toBe(true);
    expect(kokuho.find((row) => row.fact === PROCEDURE_FACTS.fee)?.value).toBe('かかりません（無料）');
  });

  it('lists samples as 見本, unconfirmed facilities, departments without a number and other files’ unconfirmed facts', () => {
    expect(report.rows.find((row) => row.where === '/procedures/tennyu')?.status).toBe('見本');
    expect(report.rows.some((row) => row.item === '東金文化会館' && row.fact === 'cancelDays')).toBe(true);
    expect(report.rows.some((row) => row.item === '課税課' && row.fact === '電話番号')).toBe(true);
    expect(report.rows.some((row) => row.kind === '納付書で支払う')).toBe(true);
    expect(report.rows.some((row) => row.item === '施設予約のお知らせメールの時刻' && row.status === '未確認')).toBe(true);
  });

  it('counts procedures as verified, unverified and sample, and every procedure is in one of them', () => {
    const { verified, unverified, sample } = report.counts.procedures;
    expect(verified + unverified + sample).toBe(procedures.procedures.length);
    expect(report.counts.rows).toBe(report.rows.length);
  });

  it('writes CSV with a BOM and CRLF, and Markdown with one section per department', () => {
    const csv = reportCsv(report.rows);
    expect(csv.startsWith('\uFEFF担当,種類,項目,確かめること,状態,いまの内容,ポータルでの場所\r\n')).toBe(true);
    expect(csv.split('\r\n').length - 2).toBe(report.rows.length);
    const markdown = reportMarkdown(report.rows, report.counts, '2026-12-02');
    expect(markdown).toContain('## 国保年金課（');
    expect(markdown.match(/^## /gm)?.length).toBe(new Set(report.rows.map((row) => row.department)).size);
  });
});
