import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What Togane's own pages say (shared brief, togane-facts.md) stays in the content: a correction
 * that slips back makes these fail.
 */
const contentDir = resolve(import.meta.dirname, '../content');
const contentFiles = readdirSync(contentDir).filter((name) => name.endsWith('.json'));

describe('corrections from the city’s own pages', () => {
  it('names the department 国保年金課 (city page ID 216), never 保険年金課', () => {
    for (const name of contentFiles) expect(readFileSync(resolve(contentDir, name), 'utf8'), name).not.toContain('保険年金課');
  });
});
