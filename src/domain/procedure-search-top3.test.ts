import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// The set is test data: fixtures/search-acceptance.json, { queries: [{ query, expected procedure id, kind }], noAnswer: [query] }.
import { ACCEPTANCE_QUERIES, NO_ANSWER_QUERIES } from './procedure-search-acceptance.ts';
import { buildProcedureIndex, searchProcedures } from './procedure-search.ts';
import { proceduresContentSchema, synonymsContentSchema } from './procedures.ts';

/** The acceptance set runs against the real content pack, exactly as the build indexes it. */
const contentDir = resolve(import.meta.dirname, '../content');
const pack = proceduresContentSchema.parse(JSON.parse(readFileSync(resolve(contentDir, 'procedures.json'), 'utf8')));
const synonyms = synonymsContentSchema.parse(JSON.parse(readFileSync(resolve(contentDir, 'synonyms.json'), 'utf8')));
const index = buildProcedureIndex(pack.procedures, synonyms, pack.lifeEvents);

describe('procedure search: the acceptance set against the engine', () => {
  it('has at least 40 queries of every kind, each naming a procedure that exists', () => {
    expect(ACCEPTANCE_QUERIES.length).toBeGreaterThanOrEqual(40);
    const ids = new Set(pack.procedures.map((procedure) => procedure.id));
    for (const entry of ACCEPTANCE_QUERIES) expect(ids, entry.query).toContain(entry.expected);
    expect(new Set(ACCEPTANCE_QUERIES.map((entry) => entry.kind)).size).toBeGreaterThanOrEqual(6);
  });

  it.each(ACCEPTANCE_QUERIES)('「$query」 ($kind) finds $expected in the top 3', ({ query, expected }) => {
    const top = searchProcedures(index, query, 3).map((hit) => hit.id);
    expect(top).toContain(expected);
  });

  it.each(NO_ANSWER_QUERIES)('「%s」 finds nothing', (query) => {
    expect(searchProcedures(index, query)).toEqual([]);
  });
});
