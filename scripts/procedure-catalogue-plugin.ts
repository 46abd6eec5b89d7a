import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { lifeEventGuides, procedureDetails, summariseProcedure, type ProcedureDetail } from '../src/domain/procedure-catalogue.ts';
import { buildProcedureIndex } from '../src/domain/procedure-search.ts';
import { proceduresContentSchema, synonymsContentSchema, type ProceduresContent, type SynonymsContent } from '../src/domain/procedures.ts';

const contentDir = resolve(import.meta.dirname, '../src/content');
const files = ['procedures.json', 'synonyms.json'].map((name) => resolve(contentDir, name));

/** The modules the screens import; each is made from the content pack when the app is built (or served in dev). */
const SEARCH_INDEX = 'virtual:procedure-search-index';
const SUMMARIES = 'virtual:procedure-summaries';
const LIFE_EVENT_GUIDES = 'virtual:life-event-guides';
const DETAILS = 'virtual:procedure-details';
const OFFLINE_COPY = 'virtual:procedure-details-offline';
/** `virtual:procedure-detail/<id>`: one procedure's page. Its chunk is named `procedure-page-<id>-<hash>.js`. */
const DETAIL_PREFIX = 'virtual:procedure-detail/';
const RESOLVED_DETAIL_PREFIX = '\0procedure-detail/procedure-page-';

interface Pack {
  content: ProceduresContent;
  synonyms: SynonymsContent;
  details: Map<string, ProcedureDetail>;
}

/** A JSON string parsed at run time loads faster than the same data as a JavaScript literal. */
function jsonModule(value: unknown): string {
  return `export default JSON.parse(${JSON.stringify(JSON.stringify(value))});`;
}

/**
 * The procedure catalogue cut for the phone, from the one content pack (src/content/procedures.json,
 * which the CSV import writes), so no screen waits for all of it:
 * - `virtual:procedure-search-index`: the search index (only 手続きを探す), built here so a phone only
 *   parses JSON and never tokenises the catalogue itself;
 * - `virtual:procedure-summaries`: every procedure's card (title, department, online, life events…);
 * - `virtual:life-event-guides`: the life events' steps;
 * - `virtual:procedure-details`: a loader per procedure, each `import()`ing `virtual:procedure-detail/<id>`,
 *   that one procedure's page: its own chunk of a few KB; and the merged ids with the id each now is;
 * - `virtual:procedure-details-offline`: every procedure's page in one file, for the precache (one
 *   file compresses to a fifth of 500 small ones), read only when a page's own chunk cannot be fetched.
 * The prerender (a Node build with the same plugin) loads the same modules, so the HTML and the
 * hydrated page come from the same data.
 */
export function procedureCataloguePlugin(): Plugin {
  let pack: Pack | undefined;
  function read(): Pack {
    if (pack) return pack;
    // The content plugin reports problems in detail; here a broken pack simply stops the build.
    const content = proceduresContentSchema.parse(JSON.parse(readFileSync(files[0] ?? '', 'utf8')));
    const synonyms = synonymsContentSchema.parse(JSON.parse(readFileSync(files[1] ?? '', 'utf8')));
    pack = { content, synonyms, details: procedureDetails(content) };
    return pack;
  }
  return {
    name: 'togane-procedure-catalogue',
    resolveId(id) {
      if ([SEARCH_INDEX, SUMMARIES, LIFE_EVENT_GUIDES, DETAILS, OFFLINE_COPY].includes(id)) return `\0${id}`;
      if (id.startsWith(DETAIL_PREFIX)) return `${RESOLVED_DETAIL_PREFIX}${id.slice(DETAIL_PREFIX.length)}`;
      return null;
    },
    watchChange(id) {
      if (files.includes(id)) pack = undefined;
    },
    load(id) {
      if (!id.startsWith('\0virtual:') && !id.startsWith(RESOLVED_DETAIL_PREFIX)) return null;
      for (const file of files) this.addWatchFile(file);
      const { content, synonyms, details } = read();
      switch (id) {
        case `\0${SEARCH_INDEX}`:
          return jsonModule(buildProcedureIndex(content.procedures, synonyms, content.lifeEvents));
        case `\0${SUMMARIES}`:
          return jsonModule(content.procedures.map(summariseProcedure));
        case `\0${LIFE_EVENT_GUIDES}`:
          return jsonModule(lifeEventGuides(content));
        case `\0${DETAILS}`: {
          const loaders = content.procedures.map(({ id }) => `${JSON.stringify(id)}: () => import(${JSON.stringify(`${DETAIL_PREFIX}${id}`)})`);
          const merged = Object.fromEntries(content.redirects.map((redirect) => [redirect.from, redirect.to]));
          return `export const merged = ${JSON.stringify(merged)};\nexport default {\n${loaders.join(',\n')}\n};`;
        }
        case `\0${OFFLINE_COPY}`:
          return jsonModule(Object.fromEntries(content.procedures.map(({ id }) => [id, details.get(id)])));
        default: {
          if (!id.startsWith(RESOLVED_DETAIL_PREFIX)) return null;
          const detail = details.get(id.slice(RESOLVED_DETAIL_PREFIX.length));
          if (!detail) this.error(`${id}: その手続きはありません。`);
          return jsonModule(detail);
        }
      }
    },
  };
}
