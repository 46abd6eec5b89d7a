import type { CityContent, Provenance } from '../src/domain/city.ts';
import type { FacilitiesContent } from '../src/domain/facilities.ts';
import { csvField } from './procedure-csv/csv-text.ts';
import { type Procedure, type ProceduresContent } from '../src/domain/procedures.ts';
import { confirmedFacts, PROCEDURE_FACTS, type ProcedureFact, unconfirmedFacts } from '../src/domain/procedure-codes.ts';

/**
 * The city's checklist (npm run content:report): every fact the portal shows that is still
 * unconfirmed or a sample, per department, with where it shows and its current value, so a clerk
 * can confirm it and feed it back (procedures through content:import). It lists; it never fails.
 */
export type ReportStatus = '見本' | '未確認';

export interface ReportRow {
  department: string;
  /** 手続き, 施設, 課, or the feature the fact belongs to. */
  kind: string;
  item: string;
  /** The portal's address where the fact shows. */
  where: string;
  fact: string;
  status: ReportStatus;
  value: string;
}

export interface ReportCounts {
  procedures: { verified: number; unverified: number; sample: number };
  /** Facts of non-sample procedures: confirmed by a source or not. */
  procedureFacts: { confirmed: number; unconfirmed: number };
  rows: number;
}

/** The words the page shows for a fact, as the clerk will see it on screen. */
function factValue(procedure: Procedure, fact: ProcedureFact, city: CityContent): string {
  switch (fact) {
    case 'summary':
      return procedure.summary;
    case 'department':
      return city.departments.find((department) => department.id === procedure.departmentId)?.name ?? procedure.departmentId;
    case 'channels':
      return procedure.channels
        .map((channel) => {
          if (channel.kind === 'online') return `オンライン（${channel.provider}）`;
          if (channel.kind === 'counter') return `窓口：${channel.place}`;
          return channel.kind === 'post' ? '郵便' : 'コンビニ';
        })
        .join('／');
    case 'hours':
      return procedure.hours ?? '';
    case 'applicants':
      return procedure.applicants.join('・') + (procedure.proxyNeedsLetter ? '（代理人は委任状）' : '');
    case 'deadline':
      return procedure.deadline ?? '決まった期限はありません';
    case 'fee':
      return procedure.fee.required ? (procedure.fee.amount ?? '') : 'かかりません（無料）';
    case 'bring':
      return procedure.bring.length > 0 ? procedure.bring.join('／') : '特にありません';
    case 'processingTime':
      return [procedure.processingTime?.offline, procedure.processingTime?.online].filter(Boolean).join('／');
  }
}

/** Every unconfirmed provenance inside a content file (mynumber-counter.json …), named by the nearest name or title. */
function provenanceRows(value: unknown, label: string, base: Omit<ReportRow, 'item' | 'fact' | 'value' | 'status'>): ReportRow[] {
  if (Array.isArray(value)) return value.flatMap((item) => provenanceRows(item, label, base));
  if (typeof value !== 'object' || value === null) return [];
  const record = value as Record<string, unknown>;
  const name = ['name', 'title', 'label'].map((key) => record[key]).find((candidate) => typeof candidate === 'string');
  const here = typeof name === 'string' ? name : label;
  return Object.entries(record).flatMap(([key, child]) => {
    if (/provenance$/i.test(key) && typeof child === 'object' && child !== null) {
      const provenance = child as Provenance;
      return provenance.verified
        ? []
        : [
            {
              ...base,
              item: here,
              fact: key === 'provenance' ? '内容' : key.replace(/Provenance$/, ''),
              status: '未確認' as const,
              value: provenance.note ?? '',
            },
          ];
    }
    return provenanceRows(child, here, base);
  });
}

export interface ReportInput {
  city: CityContent;
  procedures: ProceduresContent;
  facilities: FacilitiesContent;
  /** Other content files with provenance, with the portal address and department they belong to. */
  others: { file: string; where: string; departmentId?: string; content: unknown }[];
}

export function buildContentReport({ city, procedures, facilities, others }: ReportInput): { rows: ReportRow[]; counts: ReportCounts } {
  const departmentName = (id: string | undefined) =>
    city.departments.find((department) => department.id === (id ?? city.portalContact.departmentId))?.name ?? id ?? '';
  const rows: ReportRow[] = [];

  for (const department of city.departments) {
    const base = { department: department.name, kind: '課', item: department.name, where: '手続き・施設の「問い合わせ」' };
    if (!department.provenance.verified) rows.push({ ...base, fact: '課の名前', status: '未確認', value: department.provenance.note ?? department.name });
    if (!department.phone && !department.desks)
      rows.push({ ...base, fact: '電話番号', status: '未確認', value: `（なし：代表電話 ${city.cityHall.phone.number} を案内しています）` });
  }

  for (const procedure of procedures.procedures) {
    const status: ReportStatus = procedure.sample ? '見本' : '未確認';
    for (const fact of unconfirmedFacts(procedure)) {
      rows.push({
        department: departmentName(procedure.departmentId),
        kind: '手続き',
        item: procedure.title,
        where: `/procedures/${procedure.id}`,
        fact: PROCEDURE_FACTS[fact],
        status,
        value: factValue(procedure, fact, city),
      });
    }
  }

  for (const facility of facilities.facilities) {
    const base = { department: facility.operator, kind: '施設', item: facility.name, where: `/facilities/${facility.id}` };
    if (facility.sample) rows.push({ ...base, fact: '施設', status: '見本', value: facility.summary });
    rows.push(...provenanceRows(facility, facility.name, base).filter((row) => !facility.sample || row.fact !== '内容'));
  }

  // When the facility mails go out: the portal's times until the facilities agree to them.
  rows.push(
    ...provenanceRows(facilities.mail, '施設予約のお知らせメールの時刻', { department: departmentName(undefined), kind: '施設', where: '/facilities' }),
  );

  for (const other of others) {
    rows.push(...provenanceRows(other.content, other.file, { department: departmentName(other.departmentId), kind: other.file, where: other.where }));
  }

  const real = procedures.procedures.filter((procedure) => !procedure.sample);
  const counts: ReportCounts = {
    procedures: {
      verified: procedures.procedures.filter((procedure) => procedure.verified).length,
      unverified: real.filter((procedure) => !procedure.verified).length,
      sample: procedures.procedures.length - real.length,
    },
    procedureFacts: {
      confirmed: real.reduce((sum, procedure) => sum + confirmedFacts(procedure).length, 0),
      unconfirmed: real.reduce((sum, procedure) => sum + unconfirmedFacts(procedure).length, 0),
    },
    rows: rows.length,
  };
  return { rows: sortRows(rows), counts };
}

function sortRows(rows: ReportRow[]): ReportRow[] {
  const order = [...new Set(rows.map((row) => row.department))];
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => order.indexOf(a.row.department) - order.indexOf(b.row.department) || a.index - b.index)
    .map(({ row }) => row);
}

const COLUMNS: [keyof ReportRow, string][] = [
  ['department', '担当'],
  ['kind', '種類'],
  ['item', '項目'],
  ['fact', '確かめること'],
  ['status', '状態'],
  ['value', 'いまの内容'],
  ['where', 'ポータルでの場所'],
];

/** UTF-8 with a BOM (Excel), CRLF, RFC 4180 fields. */
export function reportCsv(rows: readonly ReportRow[]): string {
  const lines = [COLUMNS.map(([, header]) => header).join(','), ...rows.map((row) => COLUMNS.map(([key]) => csvField(row[key])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function cell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function reportMarkdown(rows: readonly ReportRow[], counts: ReportCounts, date: string): string {
  const departments = [...new Set(rows.map((row) => row.department))];
  const lines = [
    `# 確認が必要な内容（${date}）`,
    '',
    'ポータルに出ている内容のうち、まだ市の案内で確かめていないもの（未確認）と、形を示すための見本を、担当ごとに並べました。',
    '確かめたら、手続きは `npm run content:export` の表の「確認した出典」「確認済み」「見本」を直して `npm run content:import` で戻します。',
    '',
    `- 手続き：確認済み ${String(counts.procedures.verified)}件、確認中 ${String(counts.procedures.unverified)}件、見本 ${String(counts.procedures.sample)}件`,
    `- 見本でない手続きの項目：出典で確かめた ${String(counts.procedureFacts.confirmed)}項目、まだの ${String(counts.procedureFacts.unconfirmed)}項目`,
    `- この表の行：${String(counts.rows)}行`,
    '',
  ];
  for (const department of departments) {
    const own = rows.filter((row) => row.department === department);
    lines.push(`## ${department}（${String(own.length)}件）`, '', '| 種類 | 項目 | 確かめること | 状態 | いまの内容 | 場所 |', '|---|---|---|---|---|---|');
    for (const row of own)
      lines.push(`| ${cell(row.kind)} | ${cell(row.item)} | ${cell(row.fact)} | ${row.status} | ${cell(row.value)} | ${cell(row.where)} |`);
    lines.push('');
  }
  return lines.join('\n');
}
