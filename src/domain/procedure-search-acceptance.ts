import { z } from 'zod';
import data from './fixtures/search-acceptance.json';

/**
 * What citizens type, and the procedure each must find among the first three results. Written from
 * how people look for procedures (brief: words they know, old names, colloquial words, kana typed
 * before conversion, half-width ｶﾀｶﾅ from older phones, one character while typing), not from any
 * particular engine. The search engine's tests and the search bench run every query; the content
 * test checks that the catalogue holds the words an engine needs (title, reading, keywords or the
 * synonym table). The set itself is test data in fixtures/search-acceptance.json, checked here.
 *
 * The kinds: kanji, the official word; reading, kana typed before conversion; halfwidth-katakana,
 * from older phones; old-name; colloquial, what happened in everyday words; two-words, the second
 * narrows; synonym, found only through the synonym table or a keyword staff added; prefix, one
 * character or a word cut short while typing.
 */
const acceptanceSchema = z.object({
  queries: z.array(
    z.object({
      query: z.string().min(1),
      /** A procedure id that must be in the top 3. */
      expected: z.string().min(1),
      kind: z.enum(['kanji', 'reading', 'halfwidth-katakana', 'old-name', 'colloquial', 'two-words', 'synonym', 'prefix']),
    }),
  ),
  /** Queries the catalogue has no answer for: the page must say so kindly, with the city's phone and the life events. */
  noAnswer: z.array(z.string().min(1)),
});

const acceptance = acceptanceSchema.parse(data);

export type AcceptanceQuery = (typeof acceptance.queries)[number];
export const ACCEPTANCE_QUERIES: readonly AcceptanceQuery[] = acceptance.queries;
export const NO_ANSWER_QUERIES: readonly string[] = acceptance.noAnswer;
