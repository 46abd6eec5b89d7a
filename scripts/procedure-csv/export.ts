import type { CityContent } from '../../src/domain/city.ts';
import type { Procedure } from '../../src/domain/procedures.ts';
import { csvField } from './csv-text.ts';
import { COLUMN_KEYS, type ColumnKey, PROCEDURE_COLUMNS, sourceToCell } from './columns.ts';

/** The catalogue as the importer reads it: one header row, CRLF, multi-values joined with 「;」. */
export function proceduresToCsv(procedures: readonly Procedure[], departments: CityContent['departments']): string {
  const rows = procedures.map((procedure) => {
    const online = procedure.channels.find((channel) => channel.kind === 'online');
    const counter = procedure.channels.find((channel) => channel.kind === 'counter');
    const post = procedure.channels.find((channel) => channel.kind === 'post');
    const konbini = procedure.channels.find((channel) => channel.kind === 'konbini');
    const markOf = (channel: { note?: string } | undefined) => (channel ? (channel.note ? `○（${channel.note}）` : '○') : '×');
    const values: Record<ColumnKey, string> = {
      id: procedure.id,
      title: procedure.title,
      reading: procedure.reading,
      summary: procedure.summary,
      type: procedure.type,
      onlineStatus: procedure.online.status,
      plannedYear: procedure.online.plannedYear === undefined ? '' : String(procedure.online.plannedYear),
      onlineReason: procedure.online.reason ?? '',
      department: departments.find((department) => department.id === procedure.departmentId)?.name ?? procedure.departmentId,
      hours: procedure.hours ?? '',
      onlineUrl: online?.url ?? '',
      onlineProvider: online?.provider ?? '',
      onlineNote: online?.note ?? '',
      counter: counter?.place ?? '',
      counterNote: counter?.note ?? '',
      post: markOf(post),
      konbini: markOf(konbini),
      applicants: procedure.applicants.join(';'),
      proxyLetter: procedure.proxyNeedsLetter ? '○' : '×',
      identityCheck: procedure.identityCheck,
      deadline: procedure.deadline ?? '',
      feeRequired: procedure.fee.required ? '有り' : '無し',
      feeAmount: procedure.fee.amount ?? '',
      paymentMethods: procedure.fee.methods.join(';'),
      processingOnline: procedure.processingTime?.online ?? '',
      processingOffline: procedure.processingTime?.offline ?? '',
      attachments: procedure.attachments.join(';'),
      bring: procedure.bring.join(';'),
      lifeEvents: procedure.lifeEvents.join(';'),
      areas: procedure.areas.join(';'),
      related: procedure.related.join(';'),
      keywords: procedure.keywords.join(';'),
      source: procedure.source,
      sources: procedure.sources.map(sourceToCell).join('\n'),
      lastVerified: procedure.lastVerified,
      verified: procedure.verified ? '○' : '×',
      sample: procedure.sample ? '○' : '×',
    };
    return COLUMN_KEYS.map((key) => csvField(values[key])).join(',');
  });
  return [COLUMN_KEYS.map((key) => PROCEDURE_COLUMNS[key].header).join(','), ...rows].join('\r\n') + '\r\n';
}
