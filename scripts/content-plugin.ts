import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { checkContentFile, checkContentPack, formatContentProblems, isContentFileName, type ContentFileName } from '../src/domain/content-pack.ts';

const contentDir = resolve(import.meta.dirname, '../src/content');

/** Files whose rules span files: checking one reads the others from disk (and watches them in dev). */
const CROSS_CHECKED: readonly ContentFileName[] = ['city.json', 'procedures.json'];

/**
 * Fails the build (and shows an overlay in dev) when a content file breaks its schema, with the
 * Japanese problem list a city editor can act on. Runs before Vite turns the JSON into a module.
 * For city.json and procedures.json it also checks the rules between them (every procedure's
 * department exists), reading the other file from disk.
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
      if (CROSS_CHECKED.includes(name)) {
        const values: Partial<Record<ContentFileName, unknown>> = { [name]: check.value };
        for (const other of CROSS_CHECKED.filter((file) => file !== name)) {
          const otherPath = resolve(contentDir, other);
          this.addWatchFile(otherPath);
          const otherCheck = checkContentFile(other, readFileSync(otherPath, 'utf8'));
          if (!otherCheck.ok) this.error(formatContentProblems(`src/content/${other}`, otherCheck.problems));
          values[other] = otherCheck.value;
        }
        const [problem] = checkContentPack(values);
        if (problem) this.error(formatContentProblems(`src/content/${problem.name}`, problem.problems));
      }
      return null;
    },
  };
}
