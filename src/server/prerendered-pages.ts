import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the build's prerender (scripts/prerender.ts) writes each static screen's HTML, inside the client build. */
export const PRERENDERED_DIR = 'prerendered';
/** The list of addresses it wrote, read by the server at start. */
export const PRERENDERED_LIST = `${PRERENDERED_DIR}/pages.json`;

/** Addresses the prerender accepts: lower-case ASCII words and slashes, as every static route is. */
const SAFE_PATH = /^\/(?:[a-z0-9-]+(?:\/[a-z0-9-]+)*)?$/;

/** The file of an address, relative to the client build: `/` → prerendered/index.html, `/procedures/tennyu` → prerendered/procedures/tennyu.html. */
export function prerenderedFile(path: string): string {
  if (!SAFE_PATH.test(path)) throw new Error(`${path} is not an address the prerender writes`);
  return `${PRERENDERED_DIR}${path === '/' ? '/index' : path}.html`;
}

/**
 * The prerendered addresses of a client build, each with its file. Only these exact addresses are
 * answered from prerendered/ (never a path built from the request), so nothing else can be reached there.
 */
export function readPrerenderedPages(staticDir: string): Map<string, string> {
  const list = join(staticDir, PRERENDERED_LIST);
  if (!existsSync(list)) return new Map();
  const paths = JSON.parse(readFileSync(list, 'utf8')) as unknown;
  if (!Array.isArray(paths) || !paths.every((path): path is string => typeof path === 'string')) {
    throw new Error(`${list} is not a list of addresses`);
  }
  return new Map(paths.map((path) => [path, prerenderedFile(path)]));
}
