import summaries from 'virtual:procedure-summaries';
import { findDepartment } from '../../content/city.ts';
import type { Department } from '../../domain/city.ts';
import type { ProcedureSummary } from '../../domain/procedure-catalogue.ts';

/**
 * The procedure catalogue's lists for the screens: every procedure's card, cut from the content pack
 * at build time (scripts/procedure-catalogue-plugin.ts; the build checks the pack against its schema,
 * so no zod here). A procedure's own page reads procedure-details.ts instead, and the search its index
 * (catalogue-search.ts), so a screen loads only what it shows.
 */
export const procedureSummaries: readonly ProcedureSummary[] = summaries;
const byId = new Map(summaries.map((summary) => [summary.id, summary]));

/** The card of the procedure with this id (merged ids are not here: only a procedure's page follows them). */
export function findSummary(id: string): ProcedureSummary | undefined {
  return byId.get(id);
}

export function proceduresOf(ids: readonly string[]): ProcedureSummary[] {
  return ids.map((id) => byId.get(id)).filter((summary) => summary !== undefined);
}

/** A hand-picked list of what most households need (not from the city's statistics, which we do not have); unknown ids drop out. */
const POPULAR_IDS = ['tennyu', 'tenshutsu', 'juminhyo', 'inkan-shomei', 'kokuho-dattai', 'jido-teate-nintei', 'inu-toroku'];

export const popularProcedures: readonly ProcedureSummary[] = proceduresOf(POPULAR_IDS);

/** The departments that own at least one procedure, in the order of city.json. */
export const catalogueDepartments: readonly Department[] = [...new Set(summaries.map((summary) => summary.departmentId))]
  .map((id) => findDepartment(id))
  .filter((department) => department !== undefined);

/** The catalogue still holds sample content (the lists say so). */
export const hasSamples = summaries.some((summary) => summary.sample);
