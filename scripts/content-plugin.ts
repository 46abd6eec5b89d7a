import { basename, dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { checkContentFile, formatContentProblems, isContentFileName } from '../src/domain/content-pack.ts';

const contentDir = resolve(import.meta.dirname, '../src/content');

/**
 * Fails the build (and shows an overlay in dev) when a content file breaks its schema, with the
 * Japanese problem list a city editor can act on. Runs before Vite turns the JSON into a module.
 */
export function contentPlugin(): Plugin {
  return {
    name: 'togane-content-check',
    enforce: 'pre',
    transform(code, id) {
      // `?raw` imports (the server reads the text itself and checks it at start-up) are left alone.
      if (id.includes('?') || dirname(id) !== contentDir || !id.endsWith('.json')) return null;
      const path = id;
      const name = basename(path);
      if (!isContentFileName(name)) {
        this.error(`src/content/${name} はコンテンツの一覧（src/domain/content-pack.ts）にありません。`);
      }
      const check = checkContentFile(name, code);
      if (!check.ok) this.error(formatContentProblems(`src/content/${name}`, check.problems));
      return null;
    },
  };
}
