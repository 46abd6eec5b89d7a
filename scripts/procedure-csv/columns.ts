import type { CityContent } from '../../src/domain/city.ts';
import type { ProcedureChannel, ProcedureSource } from '../../src/domain/procedures.ts';
import {
  APPLICANTS,
  ATTACHMENTS,
  IDENTITY_CHECKS,
  LIFE_EVENTS,
  ONLINE_PROVIDERS,
  ONLINE_STATUSES,
  PAYMENT_METHODS,
  PROCEDURE_AREAS,
  PROCEDURE_FACT_KEYS,
  PROCEDURE_FACTS,
  PROCEDURE_TYPES,
  type ProcedureFact,
} from '../../src/domain/procedure-codes.ts';
import type { CsvProblem, CsvRecord } from './csv-text.ts';

// ---------------------------------------------------------------------------------------------
// Columns

interface ColumnSpec {
  header: string;
  aliases?: readonly string[];
  required?: boolean;
}

/** The columns the importer reads, with the national-inventory names it also accepts. */
export const PROCEDURE_COLUMNS = {
  id: { header: 'ID', aliases: ['手続ID'], required: true },
  title: { header: '手続名', required: true },
  reading: { header: 'よみ', aliases: ['読み', 'よみがな', 'ふりがな'], required: true },
  summary: { header: '概要', required: true },
  type: { header: '手続類型', required: true },
  onlineStatus: { header: 'オンライン化の実施状況', required: true },
  plannedYear: { header: 'オンライン化実施時期', aliases: ['オンライン化の実施予定年度'] },
  onlineReason: { header: 'オンライン化の実施状況に関する補足', aliases: ['オンライン化しない理由'] },
  department: { header: '担当課', required: true },
  hours: { header: '受付時間' },
  onlineUrl: { header: 'オンライン申請先' },
  onlineProvider: { header: 'オンライン申請の種類' },
  onlineNote: { header: 'オンライン申請の注意' },
  counter: { header: '窓口' },
  counterNote: { header: '窓口の注意' },
  post: { header: '郵送' },
  konbini: { header: 'コンビニ' },
  applicants: { header: '申請できる人', required: true },
  proxyLetter: { header: '委任状' },
  identityCheck: { header: '本人確認手法', aliases: ['申請等における本人確認手法'], required: true },
  deadline: { header: '期限' },
  feeRequired: { header: '手数料等の納付有無', required: true },
  feeAmount: { header: '手数料' },
  paymentMethods: { header: '納付方法', aliases: ['手数料等の納付方法'] },
  processingOnline: { header: '処理期間(オンライン)' },
  processingOffline: { header: '処理期間(非オンライン)', aliases: ['処理期間(オフライン)'] },
  attachments: { header: '添付書類', aliases: ['申請時に添付させる書類'] },
  bring: { header: '持ち物' },
  lifeEvents: { header: '手続が行われるイベント(個人)', aliases: ['ライフイベント'] },
  areas: { header: '分野', required: true },
  related: { header: '関連する手続き', aliases: ['関連する手続'] },
  keywords: { header: 'キーワード' },
  source: { header: '出典', required: true },
  sources: { header: '確認した出典' },
  lastVerified: { header: '最終確認日', required: true },
  verified: { header: '確認済み' },
  sample: { header: '見本', required: true },
} as const satisfies Record<string, ColumnSpec>;

export type ColumnKey = keyof typeof PROCEDURE_COLUMNS;
export const COLUMN_KEYS = Object.keys(PROCEDURE_COLUMNS) as ColumnKey[];

/** Headers and code values compare after NFKC (full-width → half-width brackets) without spaces. */
function fold(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '');
}

/** The national inventory writes codes before values: 「1 実施済」「2-1 申請等に基づく処分通知等」. */
function withoutCode(value: string): string {
  return value
    .normalize('NFKC')
    .trim()
    .replace(/^\d+(-\d+)?\s+(?=\S)/, '')
    .replace(/\s+/g, '');
}

/** Several values in one cell: 「;」「；」 or line breaks; spaces around each value are dropped. */
function splitCell(value: string): string[] {
  return value
    .split(/[;；\r\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

const TRUE_MARKS = new Set(['○', '〇', '◯', 'はい', 'true', 'yes', '1', '有', '有り', 'あり', '要', '必要']);
const FALSE_MARKS = new Set(['×', '✕', '✖', '☓', 'いいえ', 'false', 'no', '0', '無', '無し', 'なし', '不要', '-', 'ー', '―']);

function choices(values: readonly string[]): string {
  return values.join('、');
}

// ---------------------------------------------------------------------------------------------
// Code values of the national inventory → the catalogue's values

const TYPE_ALIASES: Record<string, (typeof PROCEDURE_TYPES)[number]> = {
  申請等に基づく処分通知等: '処分通知等',
  申請等に基づかない処分通知等: '処分通知等',
};

const ONLINE_STATUS_CODES: Record<string, (typeof ONLINE_STATUSES)[number]> = { '1': '実施済', '2': '未実施', '3': '適用除外', '4': 'その他' };

const IDENTITY_ALIASES: Record<string, (typeof IDENTITY_CHECKS)[number]> = {
  '押印+印鑑登録証明書': '押印+印鑑証明',
  本人確認書類の提示・提出: '本人確認書類',
  本人確認不要: '不要',
};

const PAYMENT_ALIASES: Record<string, (typeof PAYMENT_METHODS)[number]> = {
  行政機関の窓口: '窓口',
  銀行の窓口: '銀行',
  'ペイジー(ATM)': 'Pay-easy',
  'ペイジー(ネットバンキング)': 'Pay-easy',
  'ペイジー(ダイレクト方式)': 'Pay-easy',
  ペイジー: 'Pay-easy',
  'pay-easy': 'Pay-easy',
  コンビニ等代理施設: 'コンビニ',
  クレジットカード払い: 'クレジットカード',
  二次元コード決済: 'QRコード決済',
  インターネットバンキング: 'その他',
  その他オフラインでの納付方法: 'その他',
  その他オンラインでの納付方法: 'その他',
};

const ATTACHMENT_ALIASES: Record<string, (typeof ATTACHMENTS)[number]> = {
  '印鑑登録証明書(個人)': '印鑑登録証明書',
  '印鑑登録証明書(法人)': '印鑑登録証明書',
  '登記事項証明書(商業)': '登記事項証明書',
  '登記事項証明書(不動産)': '登記事項証明書',
  その他の添付書類: 'その他',
  添付書類なし: 'なし',
  定款: 'その他',
  決算書: 'その他',
  社員名簿: 'その他',
  健康保険及び厚生年金保険の納入証明書: 'その他',
  '営業許可証(食品衛生法、建設業等)': 'その他',
  '資格証明書(くるみん認定等)': 'その他',
};

const LIFE_EVENT_ALIASES: Record<string, (typeof LIFE_EVENTS)[number]> = {
  'その他(個人も法人にもあてはまらない)': 'その他',
};

const APPLICANT_ALIASES: Record<string, (typeof APPLICANTS)[number]> = {
  同一世帯の人: '同一世帯',
  同じ世帯の人: '同一世帯',
  代理: '代理人',
};

function providerFor(url: string): (typeof ONLINE_PROVIDERS)[number] {
  const host = URL.canParse(url) ? new URL(url).hostname : '';
  if (/(^|\.)myna\.go\.jp$/.test(host)) return 'ぴったりサービス';
  if (/(^|\.)(logoform|graffer)\.jp$/.test(host)) return 'スマート申請';
  if (/(^|\.)city\.togane\.chiba\.jp$/.test(host)) return '市の申請フォーム';
  return '国・県のサイト';
}

/** 2026-11-24, 2026/11/24, 2026/1/5, 2026年11月24日, 2026.11.24 → 2026-11-24; anything else as written. */
function isoDate(value: string): string {
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value.normalize('NFKC').trim());
  if (!match) return value.trim();
  const [, year, month, day] = match as unknown as [string, string, string, string];
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// 確認した出典: one source per line, 「タイトル | URL | ページID | 確認日 | 項目、項目 | 確かめた内容」

const SOURCE_PARTS = 'タイトル | URL | ページID | 確認日 | 確かめた項目（「、」で区切る） | 確かめた内容';

/** A source as one line of the cell; URL and ページID may be empty. */
export function sourceToCell(source: ProcedureSource): string {
  return [source.title, source.url ?? '', source.pageId ?? '', source.read, source.facts.map((fact) => PROCEDURE_FACTS[fact]).join('、'), source.confirms].join(
    ' | ',
  );
}

export function sourcesFromCell(value: string): { sources: Record<string, unknown>[]; problems: string[] } {
  const problems: string[] = [];
  const sources = value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line, index) => {
      const [title = '', url = '', pageId = '', read = '', facts = '', ...confirms] = line.split(/[|｜]/).map((part) => part.trim());
      const keys = facts
        .split(/[、,]/)
        .map((label) => label.trim())
        .filter((label) => label !== '')
        .map((label) => {
          const key = PROCEDURE_FACT_KEYS.find((candidate) => fold(PROCEDURE_FACTS[candidate]) === fold(label) || candidate === label);
          if (key === undefined)
            problems.push(
              `${String(index + 1)}つ目の出典の項目「${label}」は使えません。次のどれかを書いてください: ${choices(Object.values(PROCEDURE_FACTS))}`,
            );
          return key;
        })
        .filter((key): key is ProcedureFact => key !== undefined);
      if (confirms.length === 0) problems.push(`${String(index + 1)}つ目の出典は「${SOURCE_PARTS}」の形で書いてください。`);
      return {
        title,
        ...(url ? { url } : {}),
        ...(pageId ? { pageId } : {}),
        read: isoDate(read),
        facts: keys,
        confirms: confirms.join('|'),
      };
    });
  return { sources, problems };
}

// ---------------------------------------------------------------------------------------------
// Rows → procedures

export interface HeaderMap {
  columns: Partial<Record<ColumnKey, { index: number; header: string }>>;
  ignored: string[];
  problems: CsvProblem[];
}

export function readHeader(record: CsvRecord): HeaderMap {
  const columns: HeaderMap['columns'] = {};
  const ignored: string[] = [];
  const problems: CsvProblem[] = [];
  record.cells.forEach((raw, index) => {
    const header = raw.trim();
    if (header === '') return;
    const folded = fold(header);
    const key = COLUMN_KEYS.find((candidate) => {
      const spec: ColumnSpec = PROCEDURE_COLUMNS[candidate];
      return [spec.header, ...(spec.aliases ?? [])].some((name) => fold(name) === folded);
    });
    if (!key) {
      ignored.push(header);
      return;
    }
    const existing = columns[key];
    if (existing) {
      problems.push({ row: record.row, column: header, message: `「${existing.header}」と同じ列です。どちらか一つにしてください。` });
      return;
    }
    columns[key] = { index, header };
  });
  for (const key of COLUMN_KEYS) {
    const spec: ColumnSpec = PROCEDURE_COLUMNS[key];
    if (spec.required && !columns[key]) problems.push({ row: record.row, message: `列「${spec.header}」がありません。見出しの行に加えてください。` });
  }
  return { columns, ignored, problems };
}

/** Which column a schema problem belongs to, from its path inside one procedure. */
export function columnOfPath(path: readonly PropertyKey[], procedure: Record<string, unknown>): ColumnKey {
  const [first, second, third] = path.map(String);
  switch (first) {
    case 'online':
      return second === 'plannedYear' ? 'plannedYear' : second === 'reason' ? 'onlineReason' : 'onlineStatus';
    case 'departmentId':
      return 'department';
    case 'channels': {
      const channels = procedure.channels as ProcedureChannel[] | undefined;
      if (second === undefined && (channels?.length ?? 0) === 0) return 'counter';
      const channel = second === undefined ? undefined : channels?.[Number(second)];
      if (channel?.kind === 'counter') return third === 'note' ? 'counterNote' : 'counter';
      if (channel?.kind === 'post') return 'post';
      if (channel?.kind === 'konbini') return 'konbini';
      if (channel?.kind === 'online') return third === 'provider' ? 'onlineProvider' : third === 'note' ? 'onlineNote' : 'onlineUrl';
      return 'onlineUrl';
    }
    case 'proxyNeedsLetter':
      return 'proxyLetter';
    case 'fee':
      return second === 'required' ? 'feeRequired' : second === 'methods' ? 'paymentMethods' : 'feeAmount';
    case 'processingTime':
      return second === 'online' ? 'processingOnline' : 'processingOffline';
    default:
      return COLUMN_KEYS.includes(first as ColumnKey) ? (first as ColumnKey) : 'id';
  }
}

interface RowContext {
  row: number;
  header: HeaderMap;
  departments: CityContent['departments'];
}

/** One row → a procedure draft plus the problems of the cells that could not be read. */
export function readRow(record: CsvRecord, context: RowContext): { draft: Record<string, unknown>; problems: Map<ColumnKey, string[]> } {
  const problems = new Map<ColumnKey, string[]>();
  const complain = (key: ColumnKey, message: string) => problems.set(key, [...(problems.get(key) ?? []), message]);
  const cell = (key: ColumnKey): string => {
    const column = context.header.columns[key];
    return column === undefined ? '' : (record.cells[column.index] ?? '').trim();
  };
  const text = (key: ColumnKey): string | undefined => cell(key) || undefined;
  const list = (key: ColumnKey): string[] => splitCell(cell(key));

  const pick = <T extends string>(key: ColumnKey, value: string, allowed: readonly T[], aliases: Record<string, T> = {}): T | undefined => {
    const folded = withoutCode(value);
    const found = allowed.find((option) => fold(option) === folded) ?? aliases[folded] ?? aliases[folded.toLowerCase()];
    if (found === undefined) complain(key, `「${value}」は使えません。次のどれかを書いてください: ${choices(allowed)}`);
    return found;
  };
  const pickOne = <T extends string>(key: ColumnKey, allowed: readonly T[], aliases?: Record<string, T>): T | undefined => {
    const value = cell(key);
    return value === '' ? undefined : pick(key, value, allowed, aliases);
  };
  const pickMany = <T extends string>(key: ColumnKey, allowed: readonly T[], aliases?: Record<string, T>): T[] => {
    const values = list(key)
      .map((value) => pick(key, value, allowed, aliases))
      .filter((value): value is T => value !== undefined);
    return [...new Set(values)];
  };
  const flag = (key: ColumnKey): boolean | undefined => {
    const value = cell(key);
    if (value === '') return undefined;
    const folded = fold(value).toLowerCase();
    if (TRUE_MARKS.has(folded)) return true;
    if (FALSE_MARKS.has(folded)) return false;
    complain(key, `「${value}」は使えません。○ か × を書いてください。`);
    return undefined;
  };
  /** 郵送・コンビニ: ○ (yes), ○（注意書き）, × or empty (no). */
  const mark = (key: ColumnKey): { yes: boolean; note?: string } => {
    const value = cell(key);
    if (value === '') return { yes: false };
    const first = value.normalize('NFKC').charAt(0);
    if (FALSE_MARKS.has(first) && value.length === 1) return { yes: false };
    if (['○', '〇', '◯'].includes(first)) {
      const note = value
        .slice(1)
        .trim()
        .replace(/^[（(](.*)[)）]$/s, '$1')
        .trim();
      return note === '' ? { yes: true } : { yes: true, note };
    }
    const yesNo = flag(key);
    return { yes: yesNo === true };
  };

  // 担当課: the department's id or its name as city.json writes it (with or without the 部).
  let departmentId: string | undefined;
  const department = cell('department');
  if (department !== '') {
    const folded = fold(department);
    const found = context.departments.find(
      (candidate) => candidate.id === department || fold(candidate.name) === folded || candidate.name.split(/\s+/).some((part) => fold(part) === folded),
    );
    if (found) departmentId = found.id;
    else
      complain(
        'department',
        `「${department}」という課が city.json にありません。課の名前か id（${context.departments
          .slice(0, 3)
          .map((item) => item.id)
          .join('、')} など）を書いてください。`,
      );
  }

  const type = pickOne('type', PROCEDURE_TYPES, TYPE_ALIASES);

  let status: (typeof ONLINE_STATUSES)[number] | undefined;
  const statusCell = cell('onlineStatus');
  if (statusCell !== '') {
    const code = fold(statusCell);
    status = ONLINE_STATUS_CODES[code] ?? pick('onlineStatus', statusCell, ONLINE_STATUSES);
  }

  let plannedYear: number | undefined;
  const yearCell = withoutCode(cell('plannedYear'));
  if (yearCell !== '') {
    const western = /^(\d{4})(年度)?(以降)?$/.exec(yearCell);
    const reiwa = /^令和(\d{1,2})年度?(以降)?$/.exec(yearCell);
    if (western) plannedYear = Number(western[1]);
    else if (reiwa) plannedYear = 2018 + Number(reiwa[1]);
    else complain('plannedYear', `「${cell('plannedYear')}」は年度として読めません。2026 や 2026年度 の形で書いてください。`);
  }

  const channels: ProcedureChannel[] = [];
  const url = cell('onlineUrl');
  if (url !== '') {
    const provider = pickOne('onlineProvider', ONLINE_PROVIDERS) ?? providerFor(url);
    channels.push({ kind: 'online', provider, url, ...(text('onlineNote') ? { note: cell('onlineNote') } : {}) });
  }
  const counter = cell('counter');
  if (counter !== '') channels.push({ kind: 'counter', place: counter, ...(text('counterNote') ? { note: cell('counterNote') } : {}) });
  const post = mark('post');
  if (post.yes) channels.push({ kind: 'post', ...(post.note ? { note: post.note } : {}) });
  const konbini = mark('konbini');
  if (konbini.yes) channels.push({ kind: 'konbini', ...(konbini.note ? { note: konbini.note } : {}) });
  if (channels.length === 0 && !problems.has('post') && !problems.has('konbini')) {
    complain('counter', '窓口・郵送・コンビニ・オンライン申請先のどれかを書いてください。');
  }

  const applicants = pickMany('applicants', APPLICANTS, APPLICANT_ALIASES);
  const proxyLetter = flag('proxyLetter');
  const feeRequired = flag('feeRequired');
  // 「2 手数料等有り」「1 手数料等無し」 as the national inventory writes them.
  const feeCell = withoutCode(cell('feeRequired'));
  const required = feeRequired ?? (feeCell === '手数料等有り' ? true : feeCell === '手数料等無し' ? false : undefined);
  if (required !== undefined) problems.delete('feeRequired');

  const sourceCell = sourcesFromCell(cell('sources'));
  for (const message of sourceCell.problems) complain('sources', message);

  const processingOnline = text('processingOnline');
  const processingOffline = text('processingOffline');
  const title = text('title')?.replace(/\(/g, '（').replace(/\)/g, '）');

  const draft: Record<string, unknown> = {
    id: text('id'),
    title,
    reading: text('reading'),
    summary: text('summary'),
    type,
    online: {
      status,
      ...(plannedYear !== undefined ? { plannedYear } : {}),
      ...(text('onlineReason') ? { reason: cell('onlineReason') } : {}),
    },
    departmentId,
    ...(text('hours') ? { hours: cell('hours') } : {}),
    channels,
    applicants,
    proxyNeedsLetter: proxyLetter ?? applicants.includes('代理人'),
    identityCheck: pickOne('identityCheck', IDENTITY_CHECKS, IDENTITY_ALIASES),
    ...(text('deadline') ? { deadline: cell('deadline') } : {}),
    fee: { required, ...(text('feeAmount') ? { amount: cell('feeAmount') } : {}), methods: pickMany('paymentMethods', PAYMENT_METHODS, PAYMENT_ALIASES) },
    ...(processingOnline || processingOffline
      ? { processingTime: { ...(processingOnline ? { online: processingOnline } : {}), ...(processingOffline ? { offline: processingOffline } : {}) } }
      : {}),
    attachments: pickMany('attachments', ATTACHMENTS, ATTACHMENT_ALIASES),
    bring: list('bring'),
    lifeEvents: pickMany('lifeEvents', LIFE_EVENTS, LIFE_EVENT_ALIASES),
    areas: pickMany('areas', PROCEDURE_AREAS),
    related: list('related'),
    keywords: list('keywords'),
    source: text('source'),
    sources: sourceCell.sources,
    lastVerified: text('lastVerified') ? isoDate(cell('lastVerified')) : undefined,
    verified: flag('verified') ?? false,
    sample: flag('sample'),
  };
  return { draft, problems };
}

export function columnName(header: HeaderMap, key: ColumnKey): string {
  return header.columns[key]?.header ?? PROCEDURE_COLUMNS[key].header;
}
