import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// The set is test data: fixtures/search-acceptance.json, { queries: [{ query, expected procedure id, kind }], noAnswer: [query] }.
import { ACCEPTANCE_QUERIES, NO_ANSWER_QUERIES } from './procedure-search-acceptance.ts';
import type { Procedure, ProceduresContent, SynonymsContent } from './procedures.ts';

const contentDir = resolve(import.meta.dirname, '../content');
const pack = JSON.parse(readFileSync(resolve(contentDir, 'procedures.json'), 'utf8')) as ProceduresContent;
const synonyms = JSON.parse(readFileSync(resolve(contentDir, 'synonyms.json'), 'utf8')) as SynonymsContent;

/**
 * A deliberately plain folding (NFKC, lower case, katakana → hiragana), only to check that the
 * content holds the words; the engine's own normalisation is richer and lives with the engine.
 */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0x60));
}

function haystack(procedure: Procedure): string {
  return fold([procedure.title, procedure.reading, procedure.summary, ...procedure.keywords].join('\n'));
}

/** The word itself, or any word of a synonym group it belongs to. */
function variants(word: string): string[] {
  const folded = fold(word);
  const groups = synonyms.groups.filter((group) => group.some((member) => fold(member) === folded));
  return [folded, ...groups.flat().map(fold)];
}

describe('the acceptance set for procedure search', () => {
  it('has at least 45 queries of every kind, each naming a procedure of the catalogue', () => {
    expect(ACCEPTANCE_QUERIES.length).toBeGreaterThanOrEqual(45);
    const ids = new Set(pack.procedures.map((procedure) => procedure.id));
    for (const { query, expected } of ACCEPTANCE_QUERIES) expect(ids.has(expected), `${query} → ${expected}`).toBe(true);
    const kinds = new Set(ACCEPTANCE_QUERIES.map((item) => item.kind));
    expect([...kinds].sort()).toEqual(['colloquial', 'halfwidth-katakana', 'kanji', 'old-name', 'prefix', 'reading', 'synonym', 'two-words']);
    const queries = ACCEPTANCE_QUERIES.map((item) => item.query);
    expect(new Set(queries).size).toBe(queries.length);
  });

  it('is answerable from the content: every word of a query is in the expected procedure or reaches it through a synonym', () => {
    const byId = new Map(pack.procedures.map((procedure) => [procedure.id, procedure]));
    for (const { query, expected } of ACCEPTANCE_QUERIES) {
      const text = haystack(byId.get(expected) as Procedure);
      for (const word of query.split(/[\s\u3000]+/).filter(Boolean)) {
        expect(
          variants(word).some((variant) => text.includes(variant)),
          `「${query}」の「${word}」が ${expected} のタイトル・よみ・キーワード・概要にも同義語にもありません`,
        ).toBe(true);
      }
    }
  });

  it('has queries with no answer that really have none in the content', () => {
    expect(NO_ANSWER_QUERIES.length).toBeGreaterThanOrEqual(3);
    const everything = pack.procedures.map(haystack).join('\n') + fold(synonyms.groups.flat().join('\n'));
    for (const query of NO_ANSWER_QUERIES) expect(everything.includes(fold(query)), query).toBe(false);
  });
});
