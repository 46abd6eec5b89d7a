import { decodeNumbers, encodeNumbers } from './compact-numbers.ts';
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

export const SEARCH_INDEX_VERSION = 2;

/** The serialisable index: plain JSON, so the build can write it and the browser can load it as is. */
export interface SearchIndex {
  version: typeof SEARCH_INDEX_VERSION;
  /** Procedure ids, in document order. */
  ids: string[];
  /** Normalised names of each document (title without its note in brackets, reading, keywords), `|`-separated. */
  names: string[];
  /** Token counts per document and field, `[doc * FIELDS.length + field]`, as compact numbers. */
  lengths: string;
  averageLengths: number[];
  /**
   * Postings per token: pairs of (document number minus the previous one, packed term frequencies
   * with TF_BITS per field), as compact numbers (compact-numbers.ts): deltas and packing keep the
   * JSON small, and a string per token keeps its parsing fast; a token is decoded when first searched.
   */
  postings: Record<string, string>;
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
    lengths: encodeNumbers(lengths),
    averageLengths: totals.map((total) => (documents.length === 0 ? 1 : Math.max(1, total / documents.length))),
    postings: Object.fromEntries([...postings].map(([token, list]) => [token, encodeNumbers(list)])),
    synonyms: synonyms.groups.map((group) => [...new Set(group.map(normalizeJapanese).filter((word) => word !== ''))]),
    priors: documents.map((document) => Math.round(CENTRALITY_WEIGHT * Math.log2(1 + document.inLinks) * 100) / 100),
  };
}

/**
 * The catalogue as search documents. A procedure's centrality counts how often the catalogue points
 * to it (related procedures, life-event steps): 転入届 is linked from 児童手当, 国保, 転校 …, so among
 * equally good matches for 「ひっこし」 it comes first.
 */
export function procedureDocuments(procedures: readonly Procedure[], guides: readonly LifeEventGuide[]): SearchDocument[] {
  const inLinks = new Map<string, number>();
  const link = (id: string) => inLinks.set(id, (inLinks.get(id) ?? 0) + 1);
  for (const procedure of procedures) procedure.related.forEach(link);
  for (const guide of guides) for (const step of guide.steps) step.procedureIds.forEach(link);
  return procedures.map((procedure) => procedureDocument(procedure, inLinks.get(procedure.id) ?? 0));
}

/** Builds the index of the catalogue. */
export function buildProcedureIndex(procedures: readonly Procedure[], synonyms: SynonymsContent, guides: readonly LifeEventGuide[]): SearchIndex {
  return buildSearchIndex(procedureDocuments(procedures, guides), synonyms);
}

/**
 * What a loaded index is turned into on first use, and kept for every later keystroke: postings
 * decoded into typed arrays with each document's BM25F field weighting already applied, the
 * merged postings of prefix groups (every token starting with 「い」 is one posting after the first
 * 「い」), the tokens by their first character, and scratch arrays reused by every query, so a
 * keystroke allocates nothing the size of the corpus.
 */
interface Decoded {
  documentCount: number;
  lengths: number[];
  postings: Map<string, DecodedPosting | null>;
  byFirstChar: Map<string, string[]>;
  /** Per-document arrays that are all zero between queries (see `borrow`). */
  spare: Float64Array[];
  /** Name bonuses of the last words typed, per document (NaN: not looked at yet); see `nameBonusOf`. */
  bonuses: Map<string, Float64Array>;
}

interface DecodedPosting {
  documents: Int32Array;
  /** Field-boosted, length-normalised term frequency per document (BM25F's "weighted tf"). */
  weights: Float64Array;
  /** The BM25 score of this token alone per document, made on first use. */
  scores?: Float64Array;
}

/** A score per document for the documents in `documents` (the rest score nothing). */
interface Scores {
  documents: ArrayLike<number>;
  scores: Float64Array;
}

const decodedIndexes = new WeakMap<SearchIndex, Decoded>();

function decoded(index: SearchIndex): Decoded {
  let found = decodedIndexes.get(index);
  if (!found) {
    const byFirstChar = new Map<string, string[]>();
    for (const token of Object.keys(index.postings)) {
      const first = String.fromCodePoint(token.codePointAt(0) ?? 0);
      const list = byFirstChar.get(first);
      if (list) list.push(token);
      else byFirstChar.set(first, [token]);
    }
    found = { documentCount: index.ids.length, lengths: decodeNumbers(index.lengths), postings: new Map(), byFirstChar, spare: [], bonuses: new Map() };
    decodedIndexes.set(index, found);
  }
  return found;
}

/**
 * A per-document array of zeros for one query. Whoever borrows one gives it back with `giveBack`,
 * naming the documents it wrote to, so only those are cleared.
 */
function borrow(state: Decoded): Float64Array {
  return state.spare.pop() ?? new Float64Array(state.documentCount);
}

function giveBack(state: Decoded, array: Float64Array, documents: ArrayLike<number>): void {
  for (let at = 0; at < documents.length; at += 1) array[documents[at] ?? 0] = 0;
  state.spare.push(array);
}

function postingOf(index: SearchIndex, token: string): DecodedPosting | null {
  const state = decoded(index);
  const cached = state.postings.get(token);
  if (cached !== undefined) return cached;
  const encoded = index.postings[token];
  let posting: DecodedPosting | null = null;
  if (encoded !== undefined) {
    const list = decodeNumbers(encoded);
    const documents = new Int32Array(list.length / 2);
    const weights = new Float64Array(list.length / 2);
    let documentNumber = 0;
    for (let at = 0; at < list.length; at += 2) {
      documentNumber += list[at] ?? 0;
      let packed = list[at + 1] ?? 0;
      let weighted = 0;
      for (let field = 0; field < FIELDS.length; field += 1) {
        const count = packed % 2 ** TF_BITS;
        packed = Math.floor(packed / 2 ** TF_BITS);
        if (count === 0) continue;
        const length = state.lengths[documentNumber * FIELDS.length + field] ?? 0;
        const average = index.averageLengths[field] ?? 1;
        weighted += ((FIELD_BOOST[field] ?? 1) * count) / (1 - B + (B * length) / average);
      }
      documents[at / 2] = documentNumber;
      weights[at / 2] = weighted;
    }
    posting = { documents, weights };
  }
  state.postings.set(token, posting);
  return posting;
}

function tokensStartingWith(index: SearchIndex, prefix: string): string[] {
  const tokens = decoded(index).byFirstChar.get([...prefix][0] ?? '') ?? [];
  return prefix.length === 1 ? tokens : tokens.filter((token) => token.startsWith(prefix));
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
  /** For a one-character word or a Latin word: every token starting with it; otherwise the one token. */
  tokens: string[];
  /** Names the group's merged posting in the decoded postings (prefix groups only). */
  key?: string;
}

function tokenGroupsOf(index: SearchIndex, word: string): TokenGroup[] {
  const chars = [...word];
  // The key holds a space, which no token does: a group's posting never shadows a token's.
  if (chars.length === 1 && !/[a-z0-9]/.test(word)) return [{ tokens: [word, ...tokensStartingWith(index, word)], key: `${word} *` }];
  // A Latin word being typed matches the words it begins.
  if (/^[a-z0-9]+$/.test(word)) return [{ tokens: tokensStartingWith(index, word), key: `${word} *` }];
  return [...new Set(tokensOf(word))].map((token) => ({ tokens: [token] }));
}

function bm25(idf: number, weighted: number): number {
  return (idf * weighted) / (K1 + weighted);
}

function inverseDocumentFrequency(documentCount: number, frequency: number): number {
  return Math.log(1 + (documentCount - frequency + 0.5) / (frequency + 0.5));
}

/**
 * The posting of a prefix group (every token starting with 「住」) as if it were one token: each
 * document's best token counts, so 住民 (in many summaries) weighs as much as 住居 (in a few).
 * Merged once, then kept with the token postings.
 */
function groupPosting(index: SearchIndex, group: TokenGroup): DecodedPosting | null {
  const state = decoded(index);
  const cached = group.key === undefined ? undefined : state.postings.get(group.key);
  if (cached !== undefined) return cached;
  const postings = group.tokens.map((token) => postingOf(index, token)).filter((posting) => posting !== null);
  if (group.key === undefined || postings.length <= 1) return postings[0] ?? null;
  const best = borrow(state);
  const documents: number[] = [];
  for (const posting of postings) {
    for (let at = 0; at < posting.documents.length; at += 1) {
      const documentNumber = posting.documents[at] ?? 0;
      const weighted = posting.weights[at] ?? 0;
      if (best[documentNumber] === 0) documents.push(documentNumber);
      if (weighted > (best[documentNumber] ?? 0)) best[documentNumber] = weighted;
    }
  }
  const merged = { documents: Int32Array.from(documents), weights: Float64Array.from(documents, (documentNumber) => best[documentNumber] ?? 0) };
  giveBack(state, best, documents);
  state.postings.set(group.key, merged);
  return merged;
}

/** BM25F contribution of one token group to each document it occurs in; a prefix group counts as one term. */
function scoreGroup(index: SearchIndex, group: TokenGroup): Scores {
  const posting = groupPosting(index, group);
  if (!posting) return { documents: [], scores: new Float64Array(0) };
  const idf = inverseDocumentFrequency(decoded(index).documentCount, posting.documents.length);
  posting.scores ??= posting.weights.map((weighted) => bm25(idf, weighted));
  return { documents: posting.documents, scores: posting.scores };
}

/** How well the documents match a word (or one written form of it), for the documents listed. */
interface WordMatches {
  /** The word as typed: its name bonuses are added for the documents that match every word. */
  word: string;
  documents: number[];
  score: Float64Array;
  /** Share of the word's token groups found in each document (0 where none). */
  share: Float64Array;
  /** How many of them. */
  found: Float64Array;
}

/** Matches over borrowed arrays: `release` gives them back once the query is done with them. */
function emptyMatches(state: Decoded, word: string): WordMatches {
  return { word, documents: [], score: borrow(state), share: borrow(state), found: borrow(state) };
}

function release(state: Decoded, matches: WordMatches): void {
  giveBack(state, matches.score, matches.documents);
  giveBack(state, matches.share, matches.documents);
  giveBack(state, matches.found, matches.documents);
}

/**
 * The bonuses a document earns when the word as typed (not a synonym) is one of its names, or begins
 * some of them: the more of its names start with what was typed, the likelier it is the one meant
 * (「住」: 住民票, 住民票の写し, 住所の証明 … → 住民票の写し).
 */
function nameBonus(names: string, word: string): number {
  if (!names.includes(word)) return 0;
  if (names.includes(`${NAME_SEPARATOR}${word}${NAME_SEPARATOR}`)) return EXACT_NAME_BONUS;
  let starts = 0;
  for (let at = names.indexOf(`${NAME_SEPARATOR}${word}`); at !== -1; at = names.indexOf(`${NAME_SEPARATOR}${word}`, at + 1)) starts += 1;
  return starts > 0 ? NAME_PREFIX_BONUS * Math.log2(1 + starts) : PHRASE_BONUS;
}

/**
 * How many words' name bonuses are kept. Typing 「住民票」 asks for 住, 住民 and 住民票 in turn, and
 * every keystroke asks again for the words before the cursor: a word's bonuses are worked out once
 * per document and looked up afterwards. A one-character word matches most of a large corpus, where
 * reading every document's names on each keystroke would cost more than the rest of the search.
 */
const KEPT_BONUS_WORDS = 16;

function nameBonusOf(index: SearchIndex, word: string, documentNumber: number): number {
  const { bonuses, documentCount } = decoded(index);
  let kept = bonuses.get(word);
  if (!kept) {
    kept = new Float64Array(documentCount).fill(Number.NaN);
    bonuses.set(word, kept);
    const oldest = bonuses.keys().next().value;
    if (bonuses.size > KEPT_BONUS_WORDS && oldest !== undefined) bonuses.delete(oldest);
  }
  let bonus = kept[documentNumber] ?? 0;
  if (Number.isNaN(bonus)) {
    bonus = nameBonus(index.names[documentNumber] ?? '', word);
    kept[documentNumber] = bonus;
  }
  return bonus;
}

/** How well each document matches one written form of a word. */
function matchForm(index: SearchIndex, form: string): WordMatches {
  const groups = tokenGroupsOf(index, form);
  const matches = emptyMatches(decoded(index), form);
  for (const group of groups) {
    const { documents, scores } = scoreGroup(index, group);
    for (let at = 0; at < documents.length; at += 1) {
      const documentNumber = documents[at] ?? 0;
      if (matches.found[documentNumber] === 0) matches.documents.push(documentNumber);
      matches.score[documentNumber] = (matches.score[documentNumber] ?? 0) + (scores[at] ?? 0);
      matches.share[documentNumber] = (matches.share[documentNumber] ?? 0) + 1 / groups.length;
      matches.found[documentNumber] = (matches.found[documentNumber] ?? 0) + 1;
    }
  }
  return matches;
}

/**
 * A word's match per document over all its written forms: the best form counts in full, each further
 * form of the synonym group a little (a procedure that is called 転入 and 引っ越し and 住所変更 is more
 * about moving than one that mentions 引っ越し once).
 */
function matchWord(index: SearchIndex, word: string): WordMatches {
  const state = decoded(index);
  const forms = alternativesOf(index, word);
  // One written form (most words): its matches are the word's, with no synonyms to add.
  if (forms.length === 1) return { ...matchForm(index, word), word };
  const best = emptyMatches(state, word);
  const extra = borrow(state);
  for (const form of forms) {
    const match = matchForm(index, form);
    for (const documentNumber of match.documents) {
      const share = match.share[documentNumber] ?? 0;
      const score = match.score[documentNumber] ?? 0;
      const bestShare = best.share[documentNumber] ?? 0;
      const bestScore = best.score[documentNumber] ?? 0;
      if (bestShare === 0) {
        best.documents.push(documentNumber);
      } else if (share > bestShare || (share === bestShare && score > bestScore)) {
        extra[documentNumber] = (extra[documentNumber] ?? 0) + bestScore * bestShare;
      } else {
        extra[documentNumber] = (extra[documentNumber] ?? 0) + score * share;
        continue;
      }
      best.share[documentNumber] = share;
      best.score[documentNumber] = score;
      best.found[documentNumber] = match.found[documentNumber] ?? 0;
    }
    release(state, match);
  }
  for (const documentNumber of best.documents) {
    best.score[documentNumber] = (best.score[documentNumber] ?? 0) + SYNONYM_BREADTH * (extra[documentNumber] ?? 0);
  }
  giveBack(state, extra, best.documents);
  return best;
}

/**
 * Whether a word counts as found in a document. Strictly: all its bigrams, or nearly all of a long
 * word (「かいごにんてい」 finds 要介護・要支援認定 although ご and に are not neighbours there).
 * Relaxed, used only when nothing matches strictly: a quarter of them and at least two.
 */
type Strictness = 'strict' | 'relaxed';

function counts(matches: WordMatches, documentNumber: number, strictness: Strictness): boolean {
  const share = matches.share[documentNumber] ?? 0;
  const found = matches.found[documentNumber] ?? 0;
  if (share === 0) return false;
  if (share > 1 - 1e-9 || (share >= NEARLY_ALL_SHARE && found >= NEARLY_ALL_MINIMUM_TOKENS)) return true;
  return strictness === 'relaxed' && share >= RELAXED_SHARE - 1e-9 && found >= RELAXED_MINIMUM_TOKENS;
}

/** The documents that match every word, with their totals (same order). */
interface Ranked {
  documents: number[];
  totals: number[];
}

/** Only the documents that match every word earn name bonuses: checking names costs more than scoring. */
function rank(index: SearchIndex, perWord: WordMatches[], strictness: Strictness): Ranked {
  const [first] = perWord;
  const ranked: Ranked = { documents: [], totals: [] };
  if (!first) return ranked;
  for (const documentNumber of first.documents) {
    let total = 0;
    let everyWord = true;
    for (const matches of perWord) {
      if (!counts(matches, documentNumber, strictness)) {
        everyWord = false;
        break;
      }
      // A partial match counts less than its share: the whole word beats most of it.
      total += ((matches.score[documentNumber] ?? 0) + nameBonusOf(index, matches.word, documentNumber)) * (matches.share[documentNumber] ?? 0) ** 2;
    }
    if (everyWord) {
      ranked.documents.push(documentNumber);
      ranked.totals.push(total);
    }
  }
  return ranked;
}

/**
 * The `limit` best of the ranked documents, best first (a higher score, then the earlier document).
 * Keeps only a sorted short list: a one-character query ranks most of the corpus, and sorting all of
 * it would cost more than the search.
 */
function best(ranked: Ranked, limit: number): { documentNumber: number; score: number }[] {
  const top: { documentNumber: number; score: number }[] = [];
  const before = (score: number, documentNumber: number, other: { documentNumber: number; score: number }) =>
    score > other.score || (score === other.score && documentNumber < other.documentNumber);
  for (let at = 0; at < ranked.documents.length; at += 1) {
    const documentNumber = ranked.documents[at] ?? 0;
    const score = ranked.totals[at] ?? 0;
    const last = top.at(-1);
    if (top.length >= limit && (!last || !before(score, documentNumber, last))) continue;
    let low = 0;
    let high = top.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (before(score, documentNumber, top[middle] ?? { documentNumber, score })) high = middle;
      else low = middle + 1;
    }
    top.splice(low, 0, { documentNumber, score });
    if (top.length > limit) top.pop();
  }
  return top;
}

/** Ranked procedure ids for a query, best first; empty for an empty query or when nothing matches. */
export function searchProcedures(index: SearchIndex, query: string, limit = 50): SearchHit[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const state = decoded(index);
  const perWord = words.map((word) => matchWord(index, word));
  let ranked = rank(index, perWord, 'strict');
  if (ranked.documents.length === 0) ranked = rank(index, perWord, 'relaxed');
  for (const matches of perWord) release(state, matches);
  // Several words that together are one of a procedure's names (a keyword 「税金 払えない」).
  const wholeQuery = words.length > 1 ? `${NAME_SEPARATOR}${words.join(' ')}${NAME_SEPARATOR}` : undefined;
  ranked.documents.forEach((documentNumber, at) => {
    const whole = wholeQuery !== undefined && (index.names[documentNumber] ?? '').includes(wholeQuery) ? EXACT_NAME_BONUS : 0;
    ranked.totals[at] = (ranked.totals[at] ?? 0) + whole + (index.priors[documentNumber] ?? 0);
  });
  return best(ranked, limit).map(({ documentNumber, score }) => ({ id: index.ids[documentNumber] ?? '', score }));
}
