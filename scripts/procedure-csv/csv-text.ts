/**
 * CSV as a spreadsheet writes it: bytes → text (UTF-8 or Shift_JIS), RFC 4180 text → records with
 * their spreadsheet rows, and one field written back. Problems are in Japanese with their row.
 *
 * The reader is ours, not csv-parse: csv-parse loses its place after a broken quote (tried: 「"x"y,z」
 * followed by 「c,d」 loses the row c,d and reports a quote never closed), and the importer must report
 * every mistake of a file by its row, as a clerk fixing the spreadsheet needs.
 */
export type CsvEncoding = 'utf-8' | 'shift_jis';

export interface CsvProblem {
  /** Spreadsheet row (the header is row 1); absent for problems of the whole file or of lifeEvents. */
  row?: number;
  /** The column's header as written in the file. */
  column?: string;
  message: string;
}

export function formatCsvProblem(problem: CsvProblem): string {
  if (problem.row === undefined) return problem.message;
  return problem.column === undefined
    ? `${String(problem.row)}行目: ${problem.message}`
    : `${String(problem.row)}行目「${problem.column}」: ${problem.message}`;
}

// Bytes → text

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise Shift_JIS (the WHATWG
 * decoder, which is Windows-31J: 髙, ①, ㈱ … as Excel on Windows writes them).
 */
export function decodeCsv(bytes: Uint8Array): { ok: true; text: string; encoding: CsvEncoding } | { ok: false; problem: CsvProblem } {
  const hasBom = UTF8_BOM.every((byte, index) => bytes[index] === byte);
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8' };
  } catch {
    // not UTF-8: try Shift_JIS below
  }
  try {
    return { ok: true, text: new TextDecoder('shift_jis', { fatal: true }).decode(bytes), encoding: 'shift_jis' };
  } catch {
    return {
      ok: false,
      problem: { message: 'ファイルの文字コードが UTF-8 でも Shift_JIS でもありません。表計算ソフトで「CSV UTF-8」として保存し直してください。' },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Text → records (RFC 4180)

export interface CsvRecord {
  /** Spreadsheet row: a quoted cell with line breaks stays in one row. */
  row: number;
  cells: string[];
}

/**
 * RFC 4180: fields separated by commas, records by CRLF or LF, fields in double quotes may hold
 * commas, line breaks and doubled quotes (""). A quote left open or text after a closing quote is
 * reported with the row where it happened.
 */
export function parseCsv(text: string): { records: CsvRecord[]; problems: CsvProblem[] } {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let cells: string[] = [];
  let cell = '';
  let row = 1;
  let index = 0;
  let quoted = false;
  let recordHasContent = false;

  const endRecord = () => {
    cells.push(cell);
    if (recordHasContent || cells.length > 1 || cell !== '') records.push({ row, cells });
    cells = [];
    cell = '';
    recordHasContent = false;
    row += 1;
  };

  while (index < text.length) {
    const char = text[index] as string;
    if (quoted) {
      if (char === '"') {
        if (text[index + 1] === '"') {
          cell += '"';
          index += 2;
          continue;
        }
        quoted = false;
        index += 1;
        // After a closing quote only a comma or the end of the record may follow.
        const next = text[index];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          problems.push({
            row,
            message: `「"」で囲んだ項目のあとに文字があります（「${cell.slice(0, 10)}」のあと）。「"」を文字として書くときは「""」と2つ重ねてください。`,
          });
          while (index < text.length && text[index] !== ',' && text[index] !== '\n' && text[index] !== '\r') {
            cell += text[index] as string;
            index += 1;
          }
        }
        continue;
      }
      cell += char;
      index += 1;
      continue;
    }
    if (char === '"' && cell === '') {
      quoted = true;
      recordHasContent = true;
      index += 1;
      continue;
    }
    if (char === ',') {
      cells.push(cell);
      cell = '';
      recordHasContent = true;
      index += 1;
      continue;
    }
    if (char === '\r' || char === '\n') {
      endRecord();
      index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
      continue;
    }
    if (char === '"') {
      problems.push({ row, message: '項目の途中に「"」があります。「"」を含む項目は全体を「"」で囲み、中の「"」は「""」と2つ重ねてください。' });
    }
    cell += char;
    index += 1;
  }
  if (quoted) {
    const startRow = row;
    problems.push({ row: startRow, message: '「"」で始まった項目が閉じられていません（ファイルの終わりまで探しました）。閉じる「"」を書いてください。' });
  } else if (cell !== '' || cells.length > 0 || recordHasContent) {
    endRecord();
  }
  return { records, problems };
}

/** One field as RFC 4180 writes it: quoted when it holds a comma, a quote, a line break or edge spaces. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
