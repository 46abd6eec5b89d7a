import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { buildProcedureIndex } from '../src/domain/procedure-search.ts';
import { proceduresContentSchema, synonymsContentSchema } from '../src/domain/procedures.ts';

const VIRTUAL_ID = 'virtual:procedure-search-index';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;
const contentDir = resolve(import.meta.dirname, '../src/content');

/**
 * `import index from 'virtual:procedure-search-index'`: the procedure search index, built from the
 * content pack when the app is built (or served in dev), so a phone only parses JSON and never
 * tokenises 300 procedures itself. It lands in the search screen's lazy chunk, which the service
 * worker precaches, so search works offline after one visit.
 */
export function searchIndexPlugin(): Plugin {
  const files = ['procedures.json', 'synonyms.json'].map((name) => resolve(contentDir, name));
  return {
    name: 'togane-procedure-search-index',
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : null;
    },
    load(id) {
      if (id !== RESOLVED_ID) return null;
      for (const file of files) this.addWatchFile(file);
      const [procedures, synonyms] = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as unknown);
      // The content plugin reports problems in detail; here a broken pack simply stops the build.
      const pack = proceduresContentSchema.parse(procedures);
      const index = buildProcedureIndex(pack.procedures, synonymsContentSchema.parse(synonyms), pack.lifeEvents);
      // A JSON string parsed at run time loads faster than the same data as a JavaScript literal.
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(index))});`;
    },
  };
}
