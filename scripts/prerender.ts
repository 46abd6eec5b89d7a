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

/** The app's code, fetched after the first paint; its CSS (the layout's) is every page's. */
const APP_MODULE = 'src/app/start-app.tsx';

/** A chunk's CSS and that of everything it imports, as the browser would fetch them. */
function stylesOf(key: string, seen = new Set<string>()): string[] {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return [];
  seen.add(key);
  return [...(chunk.css ?? []), ...(chunk.imports ?? []).flatMap((child) => stylesOf(child, seen))];
}

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}

/** The shell's note for browsers without JavaScript, said the way a readable page needs it. */
const SHELL_NOSCRIPT = 'つながる東金を使うには、';
const PAGE_NOSCRIPT = 'この画面は JavaScript なしでも読めます。検索や予約など、ほかのことをするには、';

function page(path: string, screen: Screen): string {
  // What the shell already loads is left out; the screen's CSS is added. Its code is not preloaded: the app
  // is fetched after the first paint (src/app/main.tsx), and a preload would compete with the CSS for a
  // slow phone's bandwidth (Lighthouse mobile: home LCP 2.2 s with the chunks preloaded, 1.8 s without).
  const inShell = (file: string) => shell.includes(`/${file}"`);
  // The frame's CSS (header, footer: the app's chunk) first, then the screen's.
  const files = [APP_MODULE, ...screen.screens].map((module) => {
    if (!manifest[module]) throw new Error(`${path}: ${module} is not in the build manifest`);
    return stylesOf(module);
  });
  const styles = [...new Set(files.flat())].filter((file) => !inShell(file));
  const links = [screen.hints, ...styles.map((file) => `<link rel="stylesheet" crossorigin href="/${file}">`)].filter(Boolean).join('\n    ');
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
