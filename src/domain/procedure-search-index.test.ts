import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCEPTANCE_QUERIES } from './procedure-search-acceptance.ts';
import { buildProcedureIndex, searchProcedures, type SearchIndex } from './procedure-search.ts';
import { proceduresContentSchema, synonymsContentSchema } from './procedures.ts';

/** The index's shortcuts and the search's kept work must never change an answer: checked on the real pack. */
const contentDir = resolve(import.meta.dirname, '../content');
const pack = proceduresContentSchema.parse(JSON.parse(readFileSync(resolve(contentDir, 'procedures.json'), 'utf8')));
const synonyms = synonymsContentSchema.parse(JSON.parse(readFileSync(resolve(contentDir, 'synonyms.json'), 'utf8')));
const built = buildProcedureIndex(pack.procedures, synonyms, pack.lifeEvents);
/** The real pack is too small for merged postings in its index: one with them for every character of an eighth of it. */
const withMergedPrefixes = buildProcedureIndex(pack.procedures, synonyms, pack.lifeEvents, { mergedPrefixDocuments: pack.procedures.length / 8 });
/** A fresh copy, as the browser loads it: nothing decoded or kept yet. */
const fresh = (): SearchIndex => JSON.parse(JSON.stringify(built)) as SearchIndex;

/** Every keystroke of the acceptance set, as a citizen types it. */
const keystrokes = ACCEPTANCE_QUERIES.flatMap(({ query }) => [...query].map((_, end, chars) => chars.slice(0, end + 1).join('')));

describe('procedure search index', () => {
  it('answers a one-character query the same from a merged posting in the index as from merging at search time', () => {
    const prefixes = withMergedPrefixes.prefixes.split(' ');
    expect(prefixes.length).toBeGreaterThan(20);
    expect(built.prefixes).toBe('');
    const withoutMerged = fresh();
    const withMerged = JSON.parse(JSON.stringify(withMergedPrefixes)) as SearchIndex;
    for (const character of [...prefixes, '犬', 'a', 'm']) {
      expect(searchProcedures(withMerged, character, 100), character).toEqual(searchProcedures(withoutMerged, character, 100));
      expect(searchProcedures(withMerged, `証明 ${character}`, 100), character).toEqual(searchProcedures(withoutMerged, `証明 ${character}`, 100));
    }
  });

  it.each([
    ['without', built],
    ['with', withMergedPrefixes],
  ])('answers every query as a fresh index does, whatever was searched before (kept work never leaks; %s merged postings)', (_, index) => {
    const warm = JSON.parse(JSON.stringify(index)) as SearchIndex;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...keystrokes), { minLength: 1, maxLength: 40 }), (typed) => {
        for (const query of typed) searchProcedures(warm, query, 20);
        const last = typed.at(-1) ?? '';
        expect(searchProcedures(warm, last, 20)).toEqual(searchProcedures(JSON.parse(JSON.stringify(index)) as SearchIndex, last, 20));
      }),
      { numRuns: 40 },
    );
  });

  it('keeps its postings in a few long strings, not an object with a key per token', () => {
    const serialised = JSON.stringify(built);
    expect(typeof built.postings).toBe('string');
    expect(typeof built.tokens).toBe('string');
    expect(built.tokens.split(' ')).toEqual([...built.tokens.split(' ')].sort());
    // Nothing JSON would escape: the strings are their own serialised form.
    expect(JSON.stringify(built.postings)).toBe(`"${built.postings}"`);
    expect(serialised.length).toBeLessThan(300_000);
  });
});
