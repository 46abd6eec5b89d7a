/**
 * `npm run lint` (after ESLint): no import cycles among our own modules. A cycle hides which layer
 * depends on which, and makes the order modules start in depend on who imports first. Type-only
 * imports count too: a type loop between two modules is the same knot. Relative imports only;
 * packages cannot import us back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const folders = ['src', 'mocks', 'scripts', 'e2e'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

const files = folders.flatMap((folder) => sourceFiles(join(root, folder)));
const known = new Set(files);
const imports = new Map<string, string[]>(
  files.map((file) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map(({ fileName }) => fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => resolve(dirname(file), name));
    return [file, targets.filter((target) => known.has(target))];
  }),
);

/** Depth-first search; a module met again while still on the path closes a cycle. */
const cycles: string[][] = [];
const done = new Set<string>();
const path: string[] = [];
const onPath = new Set<string>();
function visit(file: string): void {
  if (done.has(file)) return;
  if (onPath.has(file)) {
    cycles.push([...path.slice(path.indexOf(file)), file]);
    return;
  }
  onPath.add(file);
  path.push(file);
  for (const target of imports.get(file) ?? []) visit(target);
  path.pop();
  onPath.delete(file);
  done.add(file);
}
files.forEach(visit);

if (cycles.length > 0) {
  for (const cycle of cycles) console.error(`import の循環: ${cycle.map((file) => relative(root, file)).join(' → ')}`);
  process.exit(1);
}
console.log(`import の循環はありません（${String(files.length)} ファイル）。`);
