import type { ProcedureSummary } from '../../domain/procedure-catalogue.ts';
import { type SearchIndex, searchProcedures } from '../../domain/procedure-search.ts';
import { findSummary } from './catalogue.ts';

let arriving: Promise<SearchIndex> | undefined;
let arrived: SearchIndex | undefined;

/**
 * The search index, built from the content pack at build time (scripts/procedure-catalogue-plugin.ts), so
 * a phone only parses JSON and searches offline, with no server. It is most of what 手続きを探す weighs
 * (130 KB gzip), and the screen as it opens (the life events, the popular procedures) does not need it:
 * so it is its own chunk, fetched the first time it is asked for — when the search box gets the focus,
 * or words are to be searched — never before the page has painted and the app taken it over. The
 * service worker precaches it, so search works offline. A failed fetch is kept as it failed, as a
 * screen's code is (src/app/preloadable.ts): React must see the same promise, and the error screen
 * offers 「画面を読み込み直す」.
 */
export function loadSearchIndex(): Promise<SearchIndex> {
  arriving ??= import('virtual:procedure-search-index').then((module) => (arrived = module.default));
  return arriving;
}

/** The index, if it has arrived: a search after the first one does not wait a turn for it. */
export function loadedSearchIndex(): SearchIndex | undefined {
  return arrived;
}

/** Procedures matching the query, best first; none for an empty query. */
export function searchCatalogue(index: SearchIndex, query: string, limit = 100): ProcedureSummary[] {
  return searchProcedures(index, query, limit)
    .map((hit) => findSummary(hit.id))
    .filter((summary) => summary !== undefined);
}
