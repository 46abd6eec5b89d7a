import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContentPack } from './content.ts';

const contentDir = resolve(import.meta.dirname, '../content');
const files = Object.fromEntries(
  readdirSync(contentDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => [`../content/${name}`, readFileSync(resolve(contentDir, name), 'utf8')]),
);

describe('loadContentPack', () => {
  it('loads the pack as it is', () => {
    expect(loadContentPack(files).fingerprint).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses to start when a procedure names a department city.json does not have', () => {
    const procedures = JSON.parse(files['../content/procedures.json'] ?? '') as { procedures: { departmentId: string }[] };
    const first = procedures.procedures[0];
    if (!first) throw new Error('no procedure');
    first.departmentId = 'nokyo';
    expect(() => loadContentPack({ ...files, '../content/procedures.json': JSON.stringify(procedures) })).toThrow(
      /procedures\.0\.departmentId: 担当課「nokyo」が city\.json の departments にありません。/,
    );
  });
});
