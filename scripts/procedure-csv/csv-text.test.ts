import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, decodeCsv, parseCsv } from './csv-text.ts';

const fixtures = resolve(import.meta.dirname, 'fixtures');
const fixture = (name: string) => new Uint8Array(readFileSync(resolve(fixtures, name)));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeCsv', () => {
  it('reads UTF-8 with and without a BOM, and Shift_JIS when the bytes are not UTF-8', () => {
    const withBom = decodeCsv(fixture('procedures-valid.csv'));
    expect(withBom.ok && withBom.encoding).toBe('utf-8');
    expect(withBom.ok && withBom.text.startsWith('ID,')).toBe(true);
    expect(decodeCsv(utf8('ID,手続名')).ok).toBe(true);
    const sjis = decodeCsv(fixture('procedures-shift-jis.csv'));
    expect(sjis.ok && sjis.encoding).toBe('shift_jis');
    // Windows-31J characters (髙, ①) as Excel on Windows writes them.
    expect(sjis.ok && sjis.text).toContain('住民票の写しの交付（髙橋さんの例：①）');
  });

  it('says so when the bytes are neither UTF-8 nor Shift_JIS', () => {
    const result = decodeCsv(new Uint8Array([0x49, 0x44, 0xff, 0xff, 0xfd]));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toMatch(/UTF-8 でも Shift_JIS でもありません/);
  });
});

describe('parseCsv', () => {
  it('reads quoted commas, line breaks and doubled quotes, with CRLF or LF, and numbers rows as a spreadsheet does', () => {
    const { records, problems } = parseCsv('a,b\r\n"x,1","line\r\nbreak"\n"say ""hi""",\r\n\r\nlast,row');
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 2, cells: ['x,1', 'line\r\nbreak'] },
      { row: 3, cells: ['say "hi"', ''] },
      { row: 5, cells: ['last', 'row'] },
    ]);
  });

  it('reads back any table the writer writes', () => {
    const cellText = fc.string({ unit: fc.constantFrom('a', 'あ', ',', '"', '\r\n', '\n', ' ', '；', '〇') });
    fc.assert(
      fc.property(fc.array(fc.array(cellText, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (table) => {
        const text = table.map((cells) => cells.map(csvField).join(',')).join('\r\n');
        const { records, problems } = parseCsv(text);
        expect(problems).toEqual([]);
        expect(records.map((record) => record.cells)).toEqual(table);
      }),
    );
  });

  it('reports a quote left open and text after a closing quote, with their rows', () => {
    expect(parseCsv('a,b\n"x"y,z').problems[0]).toMatchObject({ row: 2 });
    expect(parseCsv('a,b\nc,"open\nstill open').problems).toEqual([
      { row: 2, message: '「"」で始まった項目が閉じられていません（ファイルの終わりまで探しました）。閉じる「"」を書いてください。' },
    ]);
  });
});
