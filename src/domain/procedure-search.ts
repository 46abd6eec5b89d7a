import { normalizeJapanese, queryWords, tokensOf } from './japanese-text.ts';
import type { LifeEventGuide, Procedure, SynonymsContent } from './procedures.ts';

/**
 * Offline procedure search: a BM25F-style ranking over character bigrams (see japanese-text.ts),
 * built once when the content is built and shipped to the browser as plain JSON.
 *
 * - Every word of the query must match (multi-word queries narrow); a word matches a procedure when
 *   all of its bigrams occur in it. When nothing matches that strictly, words may match in part,
 *   so a sentence such as 「住民票を取りたい」 still finds 住民票.
 * - A one-character word matches every token that starts with it (「犬」 finds 犬の登録).
 * - Synonym groups expand a word: 「国保」 also searches 国民健康保険, scored like the word itself.
 * - Title and reading hits weigh most; a whole word found in the title or reading adds a bonus.
 */

/** Fields of a procedure the index knows, and how much a hit in each counts. */
const FIELDS = ['title', 'reading', 'keywords', 'summary'] as const;
const FIELD_BOOST = [3, 3, 2, 1] as const;
const K1 = 1.2;
const B = 0.75;
/** The word as typed is a whole name (title, reading or keyword) of the procedure … */
const EXACT_NAME_BONUS = 5;
/** … or the beginning of one … */
const NAME_PREFIX_BONUS = 2;
/** … or appears in one. */
const PHRASE_BONUS = 1;
/** How much each further synonym found in a procedure adds, relative to the best one. */
const SYNONYM_BREADTH = 0.25;
/** Separates the names of a procedure in `SearchIndex.names`; normalised text never contains it. */
const NAME_SEPARATOR = '|';
/** Weight of a procedure's centrality: enough to order equal matches, never to beat a better one. */
const CENTRALITY_WEIGHT = 0.25;
const NEARLY_ALL_SHARE = 0.8;
const NEARLY_ALL_MINIMUM_TOKENS = 4;
/** Bits per field in a posting's packed term frequencies (counts above 15 add nothing to BM25 here). */
const TF_BITS = 4;
const TF_MAX = (1 << TF_BITS) - 1;
/**
 * The relaxed pass: a word counts when a quarter of its bigrams, and at least two, occur, which lets
 * 「住民票を取りたい」 find 住民票 without letting one common bigram match everything.
 */
const RELAXED_SHARE = 0.25;
const RELAXED_MINIMUM_TOKENS = 2;

export const SEARCH_INDEX_VERSION = 1;

/** The serialisable index: plain JSON, so the build can write it and the browser can load it as is. */
export interface SearchIndex {
  version: typeof SEARCH_INDEX_VERSION;
  /** Procedure ids, in document order. */
  ids: string[];
  /** Normalised names of each document (title without its note in brackets, reading, keywords), `|`-separated. */
  names: string[];
  /** Token counts per document and field: `lengths[doc * FIELDS.length + field]`. */
  lengths: number[];
  averageLengths: number[];
  /**
   * Postings per token: pairs of (document number minus the previous one, packed term frequencies
   * with TF_BITS per field). Deltas and packing keep the JSON small.
   */
  postings: Record<string, number[]>;
  /** Synonym groups, normalised. */
  synonyms: string[][];
  /** A small head start per document: how central it is (see `centrality`). */
  priors: number[];
}

export interface SearchHit {
  id: string;
  score: number;
}

/** The text of each field of a procedure. Areas and life events count as keywords. */
export interface SearchDocument {
  id: string;
  title: string;
  reading: string;
  keywords: readonly string[];
  summary: string;
  /** How many other procedures and life-event guides point to this one. */
  inLinks: number;
}

function procedureDocument(procedure: Procedure, inLinks: number): SearchDocument {
  return {
    id: procedure.id,
    title: procedure.title,
    reading: procedure.reading,
    keywords: [...procedure.keywords, ...procedure.areas, ...procedure.lifeEvents],
    summary: procedure.summary,
    inLinks,
  };
}

/**
 * A title's name and its note in brackets: 「転入届（ほかの市区町村から東金市へ引っ越したとき）」 is
 * named 転入届; the note explains when it applies and is indexed like a keyword, so that a long
 * note neither dilutes the name nor makes the procedure look like it is called 引っ越し.
 */
function titleParts(title: string): { name: string; notes: string[] } {
  const notes = [...title.matchAll(/[（(]([^）)]*)[）)]/g)].map((match) => match[1] ?? '');
  const name = title.replace(/[（(][^）)]*[）)]/g, ' ').trim();
  return { name: name === '' ? title : name, notes };
}

function fieldTokens(document: SearchDocument): string[][] {
  const title = titleParts(document.title);
  return [
    tokensOf(normalizeJapanese(title.name)),
    tokensOf(normalizeJapanese(document.reading)),
    // Each keyword on its own, so no bigram straddles two keywords.
    [...document.keywords, ...title.notes].flatMap((keyword) => tokensOf(normalizeJapanese(keyword))),
    tokensOf(normalizeJapanese(document.summary)),
  ];
}

export function buildSearchIndex(documents: readonly SearchDocument[], synonyms: SynonymsContent): SearchIndex {
  const lengths: number[] = [];
  const totals = FIELDS.map(() => 0);
  const postings = new Map<string, number[]>();
  const lastDocument = new Map<string, number>();

  documents.forEach((document, documentNumber) => {
    const counts = new Map<string, number[]>();
    fieldTokens(document).forEach((tokens, field) => {
      lengths.push(tokens.length);
      totals[field] = (totals[field] ?? 0) + tokens.length;
      for (const token of tokens) {
        const perField = counts.get(token) ?? FIELDS.map(() => 0);
        perField[field] = Math.min(TF_MAX, (perField[field] ?? 0) + 1);
        counts.set(token, perField);
      }
    });
    for (const [token, perField] of counts) {
      const packed = perField.reduce((sum, count, field) => sum + count * 2 ** (TF_BITS * field), 0);
      const list = postings.get(token) ?? [];
      list.push(documentNumber - (lastDocument.get(token) ?? 0), packed);
      lastDocument.set(token, documentNumber);
      postings.set(token, list);
    }
  });

  return {
    version: SEARCH_INDEX_VERSION,
    ids: documents.map((document) => document.id),
    names: documents.map((document) => {
      const names = [titleParts(document.title).name, document.reading, ...document.keywords].map(normalizeJapanese);
      return `${NAME_SEPARATOR}${names.join(NAME_SEPARATOR)}${NAME_SEPARATOR}`;
    }),
    lengths,
    averageLengths: totals.map((total) => (documents.length === 0 ? 1 : Math.max(1, total / documents.length))),
    postings: Object.fromEntries(postings),
    synonyms: synonyms.groups.map((group) => [...new Set(group.map(normalizeJapanese).filter((word) => word !== ''))]),
    priors: documents.map((document) => Math.round(CENTRALITY_WEIGHT * Math.log2(1 + document.inLinks) * 100) / 100),
  };
}

/**
 * Builds the index of the catalogue. A procedure's centrality counts how often the catalogue points to
 * it (related procedures, life-event steps): 転入届 is linked from 児童手当, 国保, 転校 …, so among
 * equally good matches for 「ひっこし」 it comes first.
 */
export function buildProcedureIndex(procedures: readonly Procedure[], synonyms: SynonymsContent, guides: readonly LifeEventGuide[]): SearchIndex {
  const inLinks = new Map<string, number>();
  const link = (id: string) => inLinks.set(id, (inLinks.get(id) ?? 0) + 1);
  for (const procedure of procedures) procedure.related.forEach(link);
  for (const guide of guides) for (const step of guide.steps) step.procedureIds.forEach(link);
  return buildSearchIndex(
    procedures.map((procedure) => procedureDocument(procedure, inLinks.get(procedure.id) ?? 0)),
    synonyms,
  );
}

/** Tokens starting with one character, found once per index and kept for the next keystroke. */
const tokensByFirstChar = new WeakMap<SearchIndex, Map<string, string[]>>();

function tokensStartingWith(index: SearchIndex, char: string): string[] {
  let byFirst = tokensByFirstChar.get(index);
  if (!byFirst) {
    byFirst = new Map();
    for (const token of Object.keys(index.postings)) {
      const first = [...token][0] ?? '';
      const list = byFirst.get(first) ?? [];
      list.push(token);
      byFirst.set(first, list);
    }
    tokensByFirstChar.set(index, byFirst);
  }
  return byFirst.get(char) ?? [];
}

/**
 * The ways a query word may be written: the word itself, and the word with any synonym it contains
 * (or begins to spell, while typing) replaced by each other word of its group.
 */
function alternativesOf(index: SearchIndex, word: string): string[] {
  const alternatives = new Set([word]);
  for (const group of index.synonyms) {
    for (const term of group) {
      const typedSoFar = [...word].length >= 2 && term.startsWith(word);
      if (!typedSoFar && !(term.length >= 2 && word.includes(term))) continue;
      for (const other of group) alternatives.add(typedSoFar ? other : word.replace(term, other));
    }
  }
  return [...alternatives];
}

interface TokenGroup {
  /** For a one-character word: every token starting with it; otherwise the one token. */
  tokens: string[];
}

function tokenGroupsOf(index: SearchIndex, word: string): TokenGroup[] {
  const chars = [...word];
  if (chars.length === 1 && !/[a-z0-9]/.test(word)) return [{ tokens: [word, ...tokensStartingWith(index, word)] }];
  if (/^[a-z0-9]+$/.test(word)) {
    // A Latin word being typed matches the words it begins.
    return [{ tokens: Object.keys(index.postings).filter((token) => token.startsWith(word)) }];
  }
  return [...new Set(tokensOf(word))].map((token) => ({ tokens: [token] }));
}

/**
 * BM25F contribution of one token group to each document it occurs in. A prefix group (every token
 * starting with 「住」) counts as one term: its rarity is that of the prefix, and each document's best
 * token counts, so 住民 (in many summaries) weighs as much as 住居 (in a few).
 */
function scoreGroup(index: SearchIndex, group: TokenGroup): Map<number, number> {
  const weights = new Map<number, number>();
  for (const token of group.tokens) {
    const list = index.postings[token];
    if (!list) continue;
    let documentNumber = 0;
    for (let at = 0; at < list.length; at += 2) {
      documentNumber += list[at] ?? 0;
      let packed = list[at + 1] ?? 0;
      let weighted = 0;
      for (let field = 0; field < FIELDS.length; field += 1) {
        const count = packed % 2 ** TF_BITS;
        packed = Math.floor(packed / 2 ** TF_BITS);
        if (count === 0) continue;
        const length = index.lengths[documentNumber * FIELDS.length + field] ?? 0;
        const average = index.averageLengths[field] ?? 1;
        weighted += ((FIELD_BOOST[field] ?? 1) * count) / (1 - B + (B * length) / average);
      }
      weights.set(documentNumber, Math.max(weights.get(documentNumber) ?? 0, weighted));
    }
  }
  const frequency = weights.size;
  const idf = Math.log(1 + (index.ids.length - frequency + 0.5) / (frequency + 0.5));
  const scores = new Map<number, number>();
  for (const [documentNumber, weighted] of weights) scores.set(documentNumber, (idf * weighted) / (K1 + weighted));
  return scores;
}

interface WordMatch {
  score: number;
  /** Share of the word's token groups found in the document. */
  share: number;
  /** How many of them. */
  found: number;
}

/**
 * The bonuses a document earns when the word as typed (not a synonym) is one of its names, or begins
 * some of them: the more of its names start with what was typed, the likelier it is the one meant
 * (「住」: 住民票, 住民票の写し, 住所の証明 … → 住民票の写し).
 */
function nameBonus(names: string, word: string): number {
  if (names.includes(`${NAME_SEPARATOR}${word}${NAME_SEPARATOR}`)) return EXACT_NAME_BONUS;
  const starts = names.split(`${NAME_SEPARATOR}${word}`).length - 1;
  if (starts > 0) return NAME_PREFIX_BONUS * Math.log2(1 + starts);
  return names.includes(word) ? PHRASE_BONUS : 0;
}

/** How well each document matches one written form of a word. */
function matchForm(index: SearchIndex, form: string): Map<number, WordMatch> {
  const groups = tokenGroupsOf(index, form);
  const matches = new Map<number, WordMatch>();
  if (groups.length === 0) return matches;
  for (const group of groups) {
    for (const [documentNumber, score] of scoreGroup(index, group)) {
      const match = matches.get(documentNumber) ?? { score: 0, share: 0, found: 0 };
      match.score += score;
      match.share += 1 / groups.length;
      match.found += 1;
      matches.set(documentNumber, match);
    }
  }
  return matches;
}

/**
 * A word's match per document over all its written forms: the best form counts in full, each further
 * form of the synonym group a little (a procedure that is called 転入 and 引っ越し and 住所変更 is more
 * about moving than one that mentions 引っ越し once), and the word as typed earns the name bonuses.
 */
function matchWord(index: SearchIndex, word: string): Map<number, WordMatch> {
  const best = new Map<number, WordMatch>();
  const extra = new Map<number, number>();
  for (const form of alternativesOf(index, word)) {
    for (const [documentNumber, match] of matchForm(index, form)) {
      const current = best.get(documentNumber);
      if (!current) {
        best.set(documentNumber, match);
      } else if (match.share > current.share || (match.share === current.share && match.score > current.score)) {
        best.set(documentNumber, match);
        extra.set(documentNumber, (extra.get(documentNumber) ?? 0) + current.score * current.share);
      } else {
        extra.set(documentNumber, (extra.get(documentNumber) ?? 0) + match.score * match.share);
      }
    }
  }
  for (const [documentNumber, match] of best) {
    match.score += SYNONYM_BREADTH * (extra.get(documentNumber) ?? 0) + nameBonus(index.names[documentNumber] ?? '', word);
  }
  return best;
}

/**
 * Whether a word counts as found in a document. Strictly: all its bigrams, or nearly all of a long
 * word (「かいごにんてい」 finds 要介護・要支援認定 although ご and に are not neighbours there).
 * Relaxed, used only when nothing matches strictly: a quarter of them and at least two.
 */
type Strictness = 'strict' | 'relaxed';

function counts(match: WordMatch | undefined, strictness: Strictness): match is WordMatch {
  if (!match) return false;
  if (match.share > 1 - 1e-9 || (match.share >= NEARLY_ALL_SHARE && match.found >= NEARLY_ALL_MINIMUM_TOKENS)) return true;
  return strictness === 'relaxed' && match.share >= RELAXED_SHARE - 1e-9 && match.found >= RELAXED_MINIMUM_TOKENS;
}

function rank(perWord: Map<number, WordMatch>[], strictness: Strictness): Map<number, number> {
  const [first, ...rest] = perWord;
  const totals = new Map<number, number>();
  if (!first) return totals;
  for (const [documentNumber, match] of first) {
    if (!counts(match, strictness)) continue;
    // A partial match counts less than its share: the whole word beats most of it.
    let total = match.score * match.share ** 2;
    let everyWord = true;
    for (const other of rest) {
      const otherMatch = other.get(documentNumber);
      if (!counts(otherMatch, strictness)) {
        everyWord = false;
        break;
      }
      total += otherMatch.score * otherMatch.share ** 2;
    }
    if (everyWord) totals.set(documentNumber, total);
  }
  return totals;
}

/** Ranked procedure ids for a query, best first; empty for an empty query or when nothing matches. */
export function searchProcedures(index: SearchIndex, query: string, limit = 50): SearchHit[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const perWord = words.map((word) => matchWord(index, word));
  let totals = rank(perWord, 'strict');
  if (totals.size === 0) totals = rank(perWord, 'relaxed');
  // Several words that together are one of a procedure's names (a keyword 「税金 払えない」).
  const wholeQuery = words.length > 1 ? `${NAME_SEPARATOR}${words.join(' ')}${NAME_SEPARATOR}` : undefined;
  for (const [documentNumber, total] of totals) {
    const whole = wholeQuery !== undefined && (index.names[documentNumber] ?? '').includes(wholeQuery) ? EXACT_NAME_BONUS : 0;
    totals.set(documentNumber, total + whole + (index.priors[documentNumber] ?? 0));
  }
  return [...totals]
    .sort(([leftDocument, left], [rightDocument, right]) => right - left || leftDocument - rightDocument)
    .slice(0, limit)
    .map(([documentNumber, score]) => ({ id: index.ids[documentNumber] ?? '', score }));
}
