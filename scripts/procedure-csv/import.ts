/**
 * The city's procedure inventory as a spreadsheet exports it (CSV, UTF-8 or Shift_JIS), read into
 * the catalogue's schema. Column headers follow the national inventory (行政手続等の棚卸調査:
 * 手続名, 手続類型, オンライン化の実施状況 …, with its code values such as 「1 実施済」) plus the city's
 * columns (ID, よみ, 概要, 担当課 …). Every problem is reported with its spreadsheet row and column,
 * in Japanese; the pack is produced only when the whole file is valid.
 */
import type { CityContent } from '../../src/domain/city.ts';
import { checkContentPack } from '../../src/domain/content-pack.ts';
import { procedureSchema, proceduresContentSchema, type LifeEventGuide, type Procedure, type ProceduresContent } from '../../src/domain/procedures.ts';
import { type CsvEncoding, type CsvProblem, decodeCsv, parseCsv } from './csv-text.ts';
import { COLUMN_KEYS, type ColumnKey, columnName, columnOfPath, PROCEDURE_COLUMNS, readHeader, readRow } from './columns.ts';

export interface ParsedRows {
  procedures: Procedure[];
  /** The spreadsheet row of each procedure. */
  rows: number[];
  problems: CsvProblem[];
  /** Headers the importer does not use (national columns such as 所管府省庁 or 法令名). */
  ignoredColumns: string[];
  /** Each column's header as the file writes it. */
  headers: Partial<Record<ColumnKey, string>>;
}

/** Reads every row; a row with problems is left out of `procedures` and all its problems are listed. */
export function proceduresFromCsv(text: string, departments: CityContent['departments']): ParsedRows {
  const { records, problems: csvProblems } = parseCsv(text);
  const problems: CsvProblem[] = [...csvProblems];
  const [headerRecord, ...rowRecords] = records;
  if (!headerRecord)
    return {
      procedures: [],
      rows: [],
      problems: [...problems, { message: 'ファイルが空です。1行目に見出し、2行目から手続きを書いてください。' }],
      ignoredColumns: [],
      headers: {},
    };
  const header = readHeader(headerRecord);
  problems.push(...header.problems);
  const headers = Object.fromEntries(COLUMN_KEYS.map((key) => [key, columnName(header, key)])) as Record<ColumnKey, string>;
  const procedures: Procedure[] = [];
  const rows: number[] = [];
  if (header.problems.some((problem) => problem.column === undefined)) {
    return { procedures, rows, problems: sortProblems(problems), ignoredColumns: header.ignored, headers };
  }
  const headerWidth = headerRecord.cells.length;
  const idRows = new Map<string, number>();
  for (const record of rowRecords) {
    if (record.cells.every((value) => value.trim() === '')) continue;
    if (record.cells.length > headerWidth) {
      problems.push({
        row: record.row,
        message: `項目が${String(record.cells.length)}個あり、見出し（${String(headerWidth)}個）より多くなっています。「,」を含む項目は「"」で囲んでください。`,
      });
      continue;
    }
    const { draft, problems: cellProblems } = readRow(record, { row: record.row, header, departments });
    if (typeof draft.id === 'string') {
      const firstRow = idRows.get(draft.id);
      if (firstRow === undefined) idRows.set(draft.id, record.row);
      else cellProblems.set('id', [`id「${draft.id}」は ${String(firstRow)}行目と同じです。別の id にしてください。`]);
    }
    const result = procedureSchema.safeParse(draft);
    const rowProblems = new Map(cellProblems);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const key = columnOfPath(issue.path, draft);
        // A cell already reported is not reported again by the schema; one message per cell.
        if (cellProblems.has(key)) continue;
        if (!rowProblems.has(key)) rowProblems.set(key, [issue.message]);
      }
    }
    for (const key of COLUMN_KEYS) {
      for (const message of rowProblems.get(key) ?? []) problems.push({ row: record.row, column: columnName(header, key), message });
    }
    if (result.success && rowProblems.size === 0) {
      procedures.push(result.data);
      rows.push(record.row);
    }
  }
  // 関連する手続き must name a row of the file (a row with mistakes still counts: one mistake, one message).
  procedures.forEach((procedure, index) => {
    for (const relatedId of procedure.related.filter((id) => !idRows.has(id))) {
      problems.push({ row: rows[index], column: headers.related, message: `関連する手続き「${relatedId}」がありません。` });
    }
  });
  return { procedures, rows, problems: sortProblems(problems), ignoredColumns: header.ignored, headers };
}

function sortProblems(problems: CsvProblem[]): CsvProblem[] {
  return problems
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) => (a.problem.row ?? 0) - (b.problem.row ?? 0) || a.order - b.order)
    .map(({ problem }) => problem);
}

export type ImportResult =
  { ok: true; content: ProceduresContent; encoding: CsvEncoding; ignoredColumns: string[] } | { ok: false; encoding?: CsvEncoding; problems: CsvProblem[] };

/**
 * The whole import: decode, read every row, then check the pack as it would be written (ids not
 * repeated, related procedures and the kept life-event guides pointing at procedures that exist,
 * departments in city.json, the kept redirects of merged ids). `ok` only when there is no problem at all.
 */
export function importProceduresCsv(
  bytes: Uint8Array,
  city: CityContent,
  lifeEvents: readonly LifeEventGuide[],
  redirects: ProceduresContent['redirects'] = [],
): ImportResult {
  const decoded = decodeCsv(bytes);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  const parsed = proceduresFromCsv(decoded.text, city.departments);
  if (parsed.problems.length > 0) return { ok: false, encoding: decoded.encoding, problems: parsed.problems };
  if (parsed.procedures.length === 0)
    return { ok: false, encoding: decoded.encoding, problems: [{ message: '手続きの行がありません。2行目から手続きを書いてください。' }] };

  const pack = proceduresContentSchema.safeParse({ procedures: parsed.procedures, lifeEvents, redirects });
  const problems: CsvProblem[] = [];
  if (!pack.success) {
    for (const issue of pack.error.issues) {
      const [collection, index, ...rest] = issue.path;
      const procedure = collection === 'procedures' ? parsed.procedures[Number(index)] : undefined;
      if (procedure) {
        const key = columnOfPath(rest, procedure);
        problems.push({ row: parsed.rows[Number(index)], column: parsed.headers[key] ?? PROCEDURE_COLUMNS[key].header, message: issue.message });
      } else {
        problems.push({
          message: `procedures.json の ${issue.path.map(String).join('.')}（残しておく暮らしの出来事の案内か、古い id の転送）: ${issue.message}`,
        });
      }
    }
  } else {
    for (const { problems: crossProblems } of checkContentPack({ 'city.json': city, 'procedures.json': pack.data })) {
      for (const problem of crossProblems) {
        const index = Number(problem.path.split('.')[1]);
        problems.push({ row: parsed.rows[index], column: parsed.headers.department ?? PROCEDURE_COLUMNS.department.header, message: problem.message });
      }
    }
  }
  if (!pack.success || problems.length > 0) return { ok: false, encoding: decoded.encoding, problems: sortProblems(problems) };
  return { ok: true, content: pack.data, encoding: decoded.encoding, ignoredColumns: parsed.ignoredColumns };
}
