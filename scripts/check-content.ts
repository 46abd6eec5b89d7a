/** `npm run content:check`: checks every file of the content pack, and the rules between files, without building. */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  CONTENT_FILES,
  checkContentFile,
  checkContentPack,
  formatContentProblems,
  isContentFileName,
  type ContentFileName,
} from '../src/domain/content-pack.ts';

const contentDir = resolve(import.meta.dirname, '../src/content');
let failed = false;
const values: Partial<Record<ContentFileName, unknown>> = {};

for (const name of readdirSync(contentDir).filter((file) => file.endsWith('.json'))) {
  if (!isContentFileName(name)) {
    console.error(`src/content/${name} はコンテンツの一覧（src/domain/content-pack.ts）にありません。`);
    failed = true;
    continue;
  }
  const check = checkContentFile(name, readFileSync(resolve(contentDir, name), 'utf8'));
  if (check.ok) {
    values[name] = check.value;
    console.log(`OK  src/content/${name}`);
  } else {
    console.error(formatContentProblems(`src/content/${name}`, check.problems));
    failed = true;
  }
}
for (const name of Object.keys(CONTENT_FILES)) {
  try {
    readFileSync(resolve(contentDir, name));
  } catch {
    console.error(`src/content/${name} がありません。`);
    failed = true;
  }
}
for (const { name, problems } of checkContentPack(values)) {
  console.error(formatContentProblems(`src/content/${name}`, problems));
  failed = true;
}
process.exit(failed ? 1 : 0);
