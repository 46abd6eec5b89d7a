/**
 * `npm run build`'s prerender step, after `vite build` (the app) and `vite build --mode prerender`
 * (src/app/prerender.tsx for Node): each static screen becomes an HTML file under
 * dist/client/prerendered/, the app shell with the screen inside `<div id="root">`, its tab title,
 * and links that start fetching the screen's chunk and CSS at once. The server sends these files
 * for those addresses (src/server/static-files.ts); every other address still gets the shell.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PRERENDERED_DIR, PRERENDERED_LIST, prerenderedFile } from '../src/server/prerendered-pages.ts';

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

interface Screen {
  html: string;
  title: string;
  hints: string;
  screens: string[];
}

interface PrerenderModule {
  prerenderedPaths: () => string[];
  prerender: (path: string) => Promise<Screen>;
}

const clientDir = resolve(process.argv[2] ?? 'dist/client');
const prerenderEntry = resolve(process.argv[3] ?? 'dist/prerender/prerender.js');

const shell = readFileSync(join(clientDir, 'index.html'), 'utf8');
const manifest = JSON.parse(readFileSync(join(clientDir, '.vite/manifest.json'), 'utf8')) as Manifest;
const { prerender, prerenderedPaths } = (await import(pathToFileURL(prerenderEntry).href)) as PrerenderModule;

/** A chunk's own file and CSS and those of everything it imports, as the browser would fetch them. */
function filesOf(key: string, seen = new Set<string>()): { scripts: string[]; styles: string[] } {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return { scripts: [], styles: [] };
  seen.add(key);
  const imported = (chunk.imports ?? []).map((child) => filesOf(child, seen));
  return {
    scripts: [chunk.file, ...imported.flatMap((files) => files.scripts)],
    styles: [...(chunk.css ?? []), ...imported.flatMap((files) => files.styles)],
  };
}

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/** The shell's note for browsers without JavaScript, said the way a readable page needs it. */
const SHELL_NOSCRIPT = 'つながる東金を使うには、';
const PAGE_NOSCRIPT = 'この画面は JavaScript なしでも読めます。検索や予約など、ほかのことをするには、';

function page(path: string, screen: Screen): string {
  // What the shell already loads (the entry and its imports) is left out; the screen's own chunk and CSS are added.
  const inShell = (file: string) => shell.includes(`/${file}"`);
  const files = screen.screens.map((module) => {
    if (!manifest[module]) throw new Error(`${path}: ${module} is not in the build manifest`);
    return filesOf(module);
  });
  const styles = [...new Set(files.flatMap((each) => each.styles))].filter((file) => !inShell(file));
  const scripts = [...new Set(files.flatMap((each) => each.scripts))].filter((file) => !inShell(file));
  const links = [
    screen.hints,
    ...styles.map((file) => `<link rel="stylesheet" crossorigin href="/${file}">`),
    ...scripts.map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`),
  ]
    .filter(Boolean)
    .join('\n    ');
  const replacements: [RegExp, string][] = [
    [/<title>[^<]*<\/title>/, `<title>${screen.title}</title>`],
    [/<\/head>/, `  ${links}\n  </head>`],
    [/<div id="root"><\/div>/, `<div id="root" data-prerendered="${escapeAttribute(path)}">${screen.html}</div>`],
    [new RegExp(SHELL_NOSCRIPT), PAGE_NOSCRIPT],
  ];
  return replacements.reduce((html, [pattern, replacement]) => {
    if (!pattern.test(html)) throw new Error(`index.html has no ${pattern.source}`);
    return html.replace(pattern, () => replacement);
  }, shell);
}

const outDir = join(clientDir, PRERENDERED_DIR);
rmSync(outDir, { recursive: true, force: true });
const paths = prerenderedPaths();
for (const path of paths) {
  const file = join(clientDir, prerenderedFile(path));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, page(path, await prerender(path)));
}
writeFileSync(join(clientDir, PRERENDERED_LIST), `${JSON.stringify(paths, null, 2)}\n`);
console.log(`prerendered ${String(paths.length)} screens into ${outDir}`);
