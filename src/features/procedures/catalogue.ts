import searchIndex from 'virtual:procedure-search-index';
import { findDepartment } from '../../content/city.ts';
import data from '../../content/procedures.json';
import type { Department } from '../../domain/city.ts';
import { searchProcedures } from '../../domain/procedure-search.ts';
import type { LifeEvent, LifeEventGuide, Procedure, ProceduresContent } from '../../domain/procedures.ts';

/**
 * The one door to the procedure catalogue for the screens. The build checks procedures.json against
 * proceduresContentSchema (scripts/content-plugin.ts), so the cast keeps zod out; the search index
 * is built from the same pack at build time (scripts/search-index-plugin.ts), so a phone only loads
 * JSON and searches offline, with no server.
 */
const content = data as ProceduresContent;

export const procedures: readonly Procedure[] = content.procedures;
const byId = new Map(procedures.map((procedure) => [procedure.id, procedure]));
const redirects = new Map(content.redirects.map((redirect) => [redirect.from, redirect.to]));

/** The procedure with this id, or the one a merged id now points to (the content check keeps both sound). */
export function findProcedure(id: string | undefined): Procedure | undefined {
  return id === undefined ? undefined : byId.get(redirects.get(id) ?? id);
}

/** Procedures matching the query, best first; none for an empty query. */
export function searchCatalogue(query: string, limit = 100): Procedure[] {
  return searchProcedures(searchIndex, query, limit)
    .map((hit) => byId.get(hit.id))
    .filter((procedure) => procedure !== undefined);
}

export function departmentOf(procedure: Procedure): Department | undefined {
  return findDepartment(procedure.departmentId);
}

export function hasOnlineRoute(procedure: Procedure): boolean {
  return procedure.channels.some((channel) => channel.kind === 'online');
}

/** A hand-picked list of what most households need (not from the city's statistics, which we do not have); unknown ids drop out. */
const POPULAR_IDS = ['tennyu', 'tenshutsu', 'juminhyo', 'inkan-shomei', 'kokuho-dattai', 'jido-teate-nintei', 'inu-toroku'];

export const popularProcedures: readonly Procedure[] = POPULAR_IDS.map((id) => byId.get(id)).filter((procedure) => procedure !== undefined);

/** The departments that own at least one procedure, in the order of city.json. */
export const catalogueDepartments: readonly Department[] = [...new Set(procedures.map((procedure) => procedure.departmentId))]
  .map((id) => findDepartment(id))
  .filter((department) => department !== undefined);

/**
 * A life event as steps in order: the content's own guide when it has one, otherwise one step with
 * every procedure tagged with the event.
 */
export function lifeEventGuide(event: LifeEvent): LifeEventGuide | undefined {
  const guide = content.lifeEvents.find((candidate) => candidate.event === event);
  if (guide) return guide;
  const ids = procedures.filter((procedure) => procedure.lifeEvents.includes(event)).map((procedure) => procedure.id);
  return ids.length === 0 ? undefined : { event, lead: 'この出来事にかかわる手続きです。', steps: [{ title: 'この出来事の手続き', procedureIds: ids }] };
}

export function proceduresOf(ids: readonly string[]): Procedure[] {
  return ids.map((id) => byId.get(id)).filter((procedure) => procedure !== undefined);
}
