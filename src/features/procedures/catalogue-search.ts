import searchIndex from 'virtual:procedure-search-index';
import type { ProcedureSummary } from '../../domain/procedure-catalogue.ts';
import { searchProcedures } from '../../domain/procedure-search.ts';
import { findSummary } from './catalogue.ts';

/**
 * Procedures matching the query, best first; none for an empty query. The index is built from the
 * content pack at build time (scripts/procedure-catalogue-plugin.ts), so a phone only parses JSON and
 * searches offline, with no server; only 手続きを探す loads it.
 */
export function searchCatalogue(query: string, limit = 100): ProcedureSummary[] {
  return searchProcedures(searchIndex, query, limit)
    .map((hit) => findSummary(hit.id))
    .filter((summary) => summary !== undefined);
}
