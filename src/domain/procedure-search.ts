import { decodeNumbersInto, encodeNumbers } from './compact-numbers.ts';
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
const NAME_SEPARATOR_CODE = NAME_SEPARATOR.charCodeAt(0);
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

export const SEARCH_INDEX_VERSION = 3;

/**
 * The serialised index: plain JSON, so the build can write it and the browser can load it as is.
 * Its bulk is a few long strings of compact numbers (compact-numbers.ts) rather than nested objects
 * or arrays of numbers: JSON.parse copies a string far faster than it builds an object with a key per
 * token or a value per number, and the numbers are decoded only for the tokens a query touches.
 */
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
   * Every token, sorted by UTF-16 code units and separated by spaces (no token holds one): the
   * tokens that begin alike are neighbours, so a prefix is a range found by binary search.
   */
  tokens: string;
  /**
   * The term-frequency patterns that occur (a count per field, TF_BITS each, packed), most frequent
   * first: a posting names its pattern by its place here, which takes one character nearly always.
   */
  patterns: number[];
  /**
   * The postings of all tokens one after the other, in the order of `tokens`: pairs of (document
   * number minus the previous one, pattern number), as compact numbers.
   */
  postings: string;
  /** How many characters of `postings` each token's postings take, as compact numbers. */
  postingLengths: string;
  /**
   * A merged posting, made at build time, for each character that begins tokens of many documents
   * (see `PREFIX_SHARE`), so a one-character query decodes one posting instead of merging hundreds
   * and reading thousands of names. Per document: its delta; then the pattern of its best token
   * starting with the character times NAME_MATCH_KINDS plus how its names hold the character (see
   * `nameMatch`; at most NAME_MATCH_KINDS - 1, when one more number says by how much it is more).
   * The characters are separated by spaces; postings and lengths are laid out as `postings` and `postingLengths`.
   */
  prefixes: string;
  prefixPostings: string;
  prefixPostingLengths: string;
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

/** The BM25F length normalisation of one field of one document: a hit counts `boost × tf / denominator`. */
function lengthNormalisation(length: number, average: number): number {
  return 1 - B + (B * length) / average;
}

/** A document's field-boosted, length-normalised term frequency (BM25F's "weighted tf") for a packed pattern. */
function weightedFrequency(pattern: number, denominators: ArrayLike<number>, documentNumber: number): number {
  let packed = pattern;
  let weighted = 0;
  for (let field = 0; field < FIELDS.length; field += 1) {
    const count = packed % 2 ** TF_BITS;
    packed = Math.floor(packed / 2 ** TF_BITS);
    if (count === 0) continue;
    weighted += ((FIELD_BOOST[field] ?? 1) * count) / (denominators[documentNumber * FIELDS.length + field] ?? 1);
  }
  return weighted;
}

/**
 * Which characters get a merged posting at build time: those that begin a token of at least this
 * share of the documents, and of at least PREFIX_MINIMUM documents. A one-character query for one of
 * them (の, い, 住 … at 10,000 procedures) would otherwise merge the postings of up to hundreds of
 * tokens and read the names of thousands of documents. In a smaller catalogue (the real one: about
 * 500) merging at search time costs a fraction of a millisecond, less than the bytes every phone
 * would download and keep offline.
 */
const PREFIX_SHARE = 0.125;
const PREFIX_MINIMUM = 1000;

export interface SearchIndexOptions {
  /** From how many documents a character gets a merged posting (see PREFIX_SHARE); for tests. */
  mergedPrefixDocuments?: number;
}

function firstCharacter(token: string): string {
  return String.fromCodePoint(token.codePointAt(0) ?? 0);
}

/** Postings laid out one after the other, with how many characters each takes. */
function layOut(lists: number[][]): { postings: string; postingLengths: string } {
  const encoded = lists.map((list) => encodeNumbers(list));
  return { postings: encoded.join(''), postingLengths: encodeNumbers(encoded.map((text) => text.length)) };
}

export function buildSearchIndex(documents: readonly SearchDocument[], synonyms: SynonymsContent, options: SearchIndexOptions = {}): SearchIndex {
  const mergedPrefixDocuments = options.mergedPrefixDocuments ?? Math.max(PREFIX_MINIMUM, PREFIX_SHARE * documents.length);
  const lengths: number[] = [];
  const totals = FIELDS.map(() => 0);
  /** Per token: document numbers and packed term frequencies, in document order. */
  const postings = new Map<string, { documents: number[]; packed: number[] }>();

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
      const posting = postings.get(token) ?? { documents: [], packed: [] };
      posting.documents.push(documentNumber);
      posting.packed.push(packed);
      postings.set(token, posting);
    }
  });

  const averageLengths = totals.map((total) => (documents.length === 0 ? 1 : Math.max(1, total / documents.length)));
  const denominators = lengths.map((length, at) => lengthNormalisation(length, averageLengths[at % FIELDS.length] ?? 1));
  // Default sort: by UTF-16 code units, as the search's binary search compares.
  const tokens = [...postings.keys()].sort();

  const uses = new Map<number, number>();
  for (const { packed } of postings.values()) for (const pattern of packed) uses.set(pattern, (uses.get(pattern) ?? 0) + 1);
  const patterns = [...uses].sort((left, right) => right[1] - left[1] || left[0] - right[0]).map(([pattern]) => pattern);
  const patternNumber = new Map(patterns.map((pattern, number) => [pattern, number]));
  const encode = (posting: { documents: number[]; packed: number[] }) =>
    posting.documents.flatMap((documentNumber, at) => [documentNumber - (posting.documents[at - 1] ?? 0), patternNumber.get(posting.packed[at] ?? 0) ?? 0]);

  // Merged postings of the characters that begin tokens of many documents: each document's best
  // token counts, and its name match for the character comes along.
  const byFirst = new Map<string, string[]>();
  for (const token of tokens) {
    const group = byFirst.get(firstCharacter(token));
    if (group) group.push(token);
    else byFirst.set(firstCharacter(token), [token]);
  }
  const names = documents.map((document) => {
    const all = [titleParts(document.title).name, document.reading, ...document.keywords].map(normalizeJapanese);
    return `${NAME_SEPARATOR}${all.join(NAME_SEPARATOR)}${NAME_SEPARATOR}`;
  });
  const prefixes: string[] = [];
  const merged: number[][] = [];
  for (const [first, group] of byFirst) {
    const best = new Map<number, { weighted: number; packed: number }>();
    for (const token of group) {
      const posting = postings.get(token) ?? { documents: [], packed: [] };
      posting.documents.forEach((documentNumber, at) => {
        const packed = posting.packed[at] ?? 0;
        const weighted = weightedFrequency(packed, denominators, documentNumber);
        if (weighted > (best.get(documentNumber)?.weighted ?? 0)) best.set(documentNumber, { weighted, packed });
      });
    }
    if (best.size < mergedPrefixDocuments) continue;
    const ordered = [...best].sort((left, right) => left[0] - right[0]);
    prefixes.push(first);
    merged.push(
      ordered.flatMap(([documentNumber, { packed }], at) => {
        const match = nameMatch(names[documentNumber] ?? '', first);
        const pattern = (patternNumber.get(packed) ?? 0) * NAME_MATCH_KINDS + Math.min(match, NAME_MATCH_KINDS - 1);
        const delta = documentNumber - (ordered[at - 1]?.[0] ?? 0);
        return match >= NAME_MATCH_KINDS - 1 ? [delta, pattern, match - (NAME_MATCH_KINDS - 1)] : [delta, pattern];
      }),
    );
  }
  const tokenLayout = layOut(tokens.map((token) => encode(postings.get(token) ?? { documents: [], packed: [] })));
  const prefixLayout = layOut(merged);

  return {
    version: SEARCH_INDEX_VERSION,
    ids: documents.map((document) => document.id),
    names,
    lengths: encodeNumbers(lengths),
    averageLengths,
    tokens: tokens.join(' '),
    patterns,
    postings: tokenLayout.postings,
    postingLengths: tokenLayout.postingLengths,
    prefixes: prefixes.join(' '),
    prefixPostings: prefixLayout.postings,
    prefixPostingLengths: prefixLayout.postingLengths,
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
export function buildProcedureIndex(
  procedures: readonly Procedure[],
  synonyms: SynonymsContent,
  guides: readonly LifeEventGuide[],
  options: SearchIndexOptions = {},
): SearchIndex {
  return buildSearchIndex(procedureDocuments(procedures, guides), synonyms, options);
}

/**
 * What a loaded index is turned into on first use, and kept for every later keystroke: where each
 * token and its postings start, each document's length normalisation per field, the
 * postings decoded so far (typed arrays, BM25F field weighting applied), and scratch arrays reused by
 * every query, so a keystroke allocates nothing the size of the corpus.
 */
interface Decoded {
  documentCount: number;
  /**
   * Where each token begins in `index.tokens` (token t ends one before `tokenStarts[t + 1]`, at its
   * space), and where its run of `index.postings` begins (`starts[t]` … `starts[t + 1]`). Tokens are
   * compared in place: loading makes no string per token.
   */
  tokenStarts: Int32Array;
  starts: Int32Array;
  /** The characters with a merged posting, and where each one's run of `index.prefixPostings` is. */
  prefixes: Map<string, { from: number; to: number }>;
  /** `lengthNormalisation` per document and field, `[doc * FIELDS.length + field]`. */
  denominators: Float64Array;
  /** Postings decoded so far: of tokens by their number, of prefixes (merged) by the prefix. */
  postings: Map<number, DecodedPosting>;
  merged: Map<string, DecodedPosting | null>;
  /** Room to decode one run of compact numbers into; grows to the longest run decoded. */
  numbers: Int32Array;
  /** Per-document arrays that are all zero between queries (see `borrow`). */
  spare: Float64Array[];
  /** Per-document lists of document numbers, contents left over (see `borrowList`). */
  spareLists: Int32Array[];
  /** Name bonuses of the last words typed, per document (NaN: not looked at yet); see `nameBonusOf`. */
  bonuses: Map<string, Float64Array>;
  /** The matches of the last written forms searched, oldest first; see `formMatches`. */
  forms: Map<string, FormMatches>;
  /** The documents that match every word and their totals, for the query being answered. */
  ranked: Ranked;
}

interface DecodedPosting {
  documents: Int32Array;
  /** Field-boosted, length-normalised term frequency per document (BM25F's "weighted tf"). */
  weights: Float64Array;
  /** The BM25 score of this token alone per document, made on first use. */
  scores?: Float64Array;
  /** For a character's merged posting from the index: the name bonus of the character per document. */
  nameBonuses?: Float64Array;
}

/** A score per document for the documents in `documents` (the rest score nothing). */
interface Scores {
  documents: ArrayLike<number>;
  scores: Float64Array;
}

/** Where each run starts in a string of runs laid out one after the other, from their lengths. */
function runStarts(lengths: string): Int32Array {
  const starts = new Int32Array(lengths.length + 1);
  const count = decodeNumbersInto(lengths, 0, lengths.length, starts.subarray(1));
  for (let at = 1; at <= count; at += 1) starts[at] = (starts[at] ?? 0) + (starts[at - 1] ?? 0);
  return starts.slice(0, count + 1);
}

/** Where each space-separated word of `text` begins, and one past the end (for `count` words). */
function wordStarts(text: string, count: number): Int32Array {
  const starts = new Int32Array(count + 1);
  let from = 0;
  for (let at = 0; at < count; at += 1) {
    starts[at] = from;
    const space = text.indexOf(' ', from);
    from = space === -1 ? text.length + 1 : space + 1;
  }
  starts[count] = text.length + 1;
  return starts;
}

const decodedIndexes = new WeakMap<SearchIndex, Decoded>();

function decoded(index: SearchIndex): Decoded {
  let found = decodedIndexes.get(index);
  if (!found) {
    const documentCount = index.ids.length;
    const denominators = new Float64Array(documentCount * FIELDS.length);
    const lengths = new Int32Array(index.lengths.length);
    const fields = decodeNumbersInto(index.lengths, 0, index.lengths.length, lengths);
    for (let at = 0; at < fields; at += 1) denominators[at] = lengthNormalisation(lengths[at] ?? 0, index.averageLengths[at % FIELDS.length] ?? 1);
    const starts = runStarts(index.postingLengths);
    const prefixStarts = runStarts(index.prefixPostingLengths);
    const prefixes = new Map(
      (index.prefixes === '' ? [] : index.prefixes.split(' ')).map((first, at) => [first, { from: prefixStarts[at] ?? 0, to: prefixStarts[at + 1] ?? 0 }]),
    );
    found = {
      documentCount,
      tokenStarts: wordStarts(index.tokens, starts.length - 1),
      starts,
      prefixes,
      denominators,
      postings: new Map(),
      merged: new Map(),
      numbers: new Int32Array(0),
      spare: [],
      spareLists: [],
      bonuses: new Map(),
      forms: new Map(),
      ranked: { documents: new Int32Array(documentCount), totals: new Float64Array(documentCount), count: 0 },
    };
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

function giveBack(state: Decoded, array: Float64Array, documents: ArrayLike<number>, count = documents.length): void {
  for (let at = 0; at < count; at += 1) array[documents[at] ?? 0] = 0;
  state.spare.push(array);
}

/** Room for a list of document numbers, given back with `giveBackList`. */
function borrowList(state: Decoded): Int32Array {
  return state.spareLists.pop() ?? new Int32Array(state.documentCount);
}

function giveBackList(state: Decoded, list: Int32Array): void {
  state.spareLists.push(list);
}

/**
 * Decodes a run of (document delta, pattern number) pairs into a posting; or a character's merged
 * posting, whose second number also holds the name match (see `SearchIndex.prefixes`).
 */
function decodePosting(index: SearchIndex, text: string, from: number, to: number, withNames = false): DecodedPosting {
  const state = decoded(index);
  if (state.numbers.length < to - from) state.numbers = new Int32Array(to - from);
  const numbers = state.numbers;
  const length = decodeNumbersInto(text, from, to, numbers);
  const documents = new Int32Array(length >> 1);
  const weights = new Float64Array(length >> 1);
  const nameBonuses = withNames ? new Float64Array(length >> 1) : undefined;
  let count = 0;
  let documentNumber = 0;
  for (let at = 0; at < length; at += 2) {
    documentNumber += numbers[at] ?? 0;
    let pattern = numbers[at + 1] ?? 0;
    if (nameBonuses) {
      let match = pattern % NAME_MATCH_KINDS;
      pattern = (pattern - match) / NAME_MATCH_KINDS;
      if (match === NAME_MATCH_KINDS - 1) {
        at += 1;
        match += numbers[at + 1] ?? 0;
      }
      nameBonuses[count] = nameBonus(match);
    }
    documents[count] = documentNumber;
    weights[count] = weightedFrequency(index.patterns[pattern] ?? 0, state.denominators, documentNumber);
    count += 1;
  }
  return {
    documents: documents.slice(0, count),
    weights: weights.slice(0, count),
    ...(nameBonuses ? { nameBonuses: nameBonuses.slice(0, count) } : {}),
  };
}

/** Token number `token` compared with `text` by UTF-16 code units, as the build sorted them: < 0, 0 or > 0. */
function compareToken(index: SearchIndex, token: number, text: string): number {
  const { tokenStarts } = decoded(index);
  const from = tokenStarts[token] ?? 0;
  const length = (tokenStarts[token + 1] ?? 0) - 1 - from;
  const common = Math.min(length, text.length);
  for (let at = 0; at < common; at += 1) {
    const difference = index.tokens.charCodeAt(from + at) - text.charCodeAt(at);
    if (difference !== 0) return difference;
  }
  return length - text.length;
}

/** The number of the first token not before `text` in the sorted tokens. */
function lowerBound(index: SearchIndex, text: string): number {
  let low = 0;
  let high = decoded(index).tokenStarts.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (compareToken(index, middle, text) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function postingAt(index: SearchIndex, token: number): DecodedPosting {
  const state = decoded(index);
  let posting = state.postings.get(token);
  if (!posting) {
    posting = decodePosting(index, index.postings, state.starts[token] ?? 0, state.starts[token + 1] ?? 0);
    state.postings.set(token, posting);
  }
  return posting;
}

function postingOf(index: SearchIndex, token: string): DecodedPosting | null {
  const at = lowerBound(index, token);
  return at < decoded(index).tokenStarts.length - 1 && compareToken(index, at, token) === 0 ? postingAt(index, at) : null;
}

/** The numbers of the tokens that start with `prefix`: neighbours in the sorted tokens. */
function tokensStartingWith(index: SearchIndex, prefix: string): number[] {
  const { tokenStarts } = decoded(index);
  const found: number[] = [];
  for (let at = lowerBound(index, prefix); at < tokenStarts.length - 1 && index.tokens.startsWith(prefix, tokenStarts[at]); at += 1) found.push(at);
  return found;
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

/** One token of a word, or (for a one-character word or a Latin word) every token starting with it. */
type TokenGroup = { token: string } | { prefix: string };

function tokenGroupsOf(word: string): TokenGroup[] {
  const chars = [...word];
  if (chars.length === 1 && !/[a-z0-9]/.test(word)) return [{ prefix: word }];
  // A Latin word being typed matches the words it begins.
  if (/^[a-z0-9]+$/.test(word)) return [{ prefix: word }];
  return [...new Set(tokensOf(word))].map((token) => ({ token }));
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
 * A character that begins tokens of many documents has its merged posting in the index; other
 * groups are merged on first use. Either way it is kept for the next keystrokes.
 */
function prefixPosting(index: SearchIndex, prefix: string): DecodedPosting | null {
  const state = decoded(index);
  const cached = state.merged.get(prefix);
  if (cached !== undefined) return cached;
  const prebuilt = state.prefixes.get(prefix);
  let merged: DecodedPosting | null;
  if (prebuilt) {
    merged = decodePosting(index, index.prefixPostings, prebuilt.from, prebuilt.to, true);
  } else {
    const postings = tokensStartingWith(index, prefix).map((token) => postingAt(index, token));
    if (postings.length <= 1) {
      merged = postings[0] ?? null;
    } else {
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
      merged = { documents: Int32Array.from(documents), weights: Float64Array.from(documents, (documentNumber) => best[documentNumber] ?? 0) };
      giveBack(state, best, documents);
    }
  }
  state.merged.set(prefix, merged);
  return merged;
}

const NO_SCORES: Scores = { documents: new Int32Array(0), scores: new Float64Array(0) };

/** BM25F contribution of one token group to each document it occurs in; a prefix group counts as one term. */
function scoreGroup(index: SearchIndex, group: TokenGroup): Scores {
  const posting = 'prefix' in group ? prefixPosting(index, group.prefix) : postingOf(index, group.token);
  if (!posting) return NO_SCORES;
  if (!posting.scores) {
    const idf = inverseDocumentFrequency(decoded(index).documentCount, posting.documents.length);
    posting.scores = posting.weights.map((weighted) => bm25(idf, weighted));
  }
  return { documents: posting.documents, scores: posting.scores };
}

/** How well the documents match a word (or one written form of it), for the `count` documents listed. */
interface WordMatches {
  /** The word as typed: its name bonuses are added for the documents that match every word. */
  word: string;
  documents: Int32Array;
  count: number;
  score: Float64Array;
  /** Share of the word's token groups found in each document (0 where none). */
  share: Float64Array;
  /** How many of them. */
  found: Float64Array;
}

/** Matches over borrowed arrays: `release` gives them back once the query is done with them. */
function emptyMatches(state: Decoded, word: string): WordMatches {
  return { word, documents: borrowList(state), count: 0, score: borrow(state), share: borrow(state), found: borrow(state) };
}

function release(state: Decoded, matches: WordMatches): void {
  giveBack(state, matches.score, matches.documents, matches.count);
  giveBack(state, matches.share, matches.documents, matches.count);
  giveBack(state, matches.found, matches.documents, matches.count);
  giveBackList(state, matches.documents);
}

/** How many values of `nameMatch` a character's merged posting stores as they are (the last one: or more). */
const NAME_MATCH_KINDS = 4;

/**
 * How a document's names (`|`-separated, see `SearchIndex.names`) hold the word as typed: 0 not at
 * all, 1 somewhere inside, 2 as a whole name, 2 + n as the beginning of n names.
 */
function nameMatch(names: string, word: string): number {
  let at = names.indexOf(word);
  if (at === -1) return 0;
  let starts = 0;
  for (; at !== -1; at = names.indexOf(word, at + 1)) {
    if (names.charCodeAt(at - 1) !== NAME_SEPARATOR_CODE) continue;
    if (names.charCodeAt(at + word.length) === NAME_SEPARATOR_CODE) return 2;
    starts += 1;
  }
  return starts > 0 ? 2 + starts : 1;
}

/**
 * The bonus a document earns when the word as typed (not a synonym) is one of its names, begins some
 * of them, or appears in one: the more of its names start with what was typed, the likelier it is
 * the one meant (「住」: 住民票, 住民票の写し, 住所の証明 … → 住民票の写し).
 */
function nameBonus(match: number): number {
  if (match === 0) return 0;
  if (match === 1) return PHRASE_BONUS;
  if (match === 2) return EXACT_NAME_BONUS;
  return NAME_PREFIX_BONUS * Math.log2(1 + (match - 2));
}

/**
 * How many words' name bonuses are kept. Typing 「住民票」 asks for 住, 住民 and 住民票 in turn, and
 * every keystroke asks again for the words before the cursor: a word's bonuses are worked out once
 * per document and looked up afterwards. A one-character word matches most of a large corpus, where
 * reading every document's names would cost more than the rest of the search: the index holds
 * those bonuses with the character's merged posting (see `SearchIndex.prefixes`).
 */
const KEPT_BONUS_WORDS = 16;

/** A word's name bonus per document (NaN: not looked at yet). */
function keptBonuses(index: SearchIndex, word: string): Float64Array {
  const { bonuses, documentCount, merged } = decoded(index);
  let kept = bonuses.get(word);
  if (!kept) {
    kept = new Float64Array(documentCount).fill(Number.NaN);
    const posting = merged.get(word);
    if (posting?.nameBonuses) {
      // The posting lists every document the word matches.
      for (let at = 0; at < posting.documents.length; at += 1) kept[posting.documents[at] ?? 0] = posting.nameBonuses[at] ?? 0;
    }
    bonuses.set(word, kept);
    const oldest = bonuses.keys().next().value;
    if (bonuses.size > KEPT_BONUS_WORDS && oldest !== undefined) bonuses.delete(oldest);
  }
  return kept;
}

function nameBonusOf(kept: Float64Array, index: SearchIndex, word: string, documentNumber: number): number {
  let bonus = kept[documentNumber] ?? 0;
  if (Number.isNaN(bonus)) {
    bonus = nameBonus(nameMatch(index.names[documentNumber] ?? '', word));
    kept[documentNumber] = bonus;
  }
  return bonus;
}

/**
 * How well the documents match one written form of a word, as lists: the documents that hold any of
 * its tokens, in the order found, with their score, share and count of token groups (see `WordMatches`).
 */
interface FormMatches {
  documents: Int32Array;
  score: Float64Array;
  share: Float64Array;
  found: Float64Array;
}

/**
 * How many written forms' matches are kept. Typing 「ﾏｲﾅﾝﾊﾞｰ」 asks on every keystroke for the same
 * synonyms (マイナンバーカード, 個人番号カード, 保険証 …), and for the words before the cursor: each
 * form is scored once from its postings, then merged from this short list.
 */
const KEPT_FORMS = 32;

function formMatches(index: SearchIndex, form: string): FormMatches {
  const state = decoded(index);
  const kept = state.forms.get(form);
  if (kept) {
    // The most recently used stay: move it to the end of the map's order.
    state.forms.delete(form);
    state.forms.set(form, kept);
    return kept;
  }
  const groups = tokenGroupsOf(form);
  const score = borrow(state);
  const share = borrow(state);
  const found = borrow(state);
  const listed = borrowList(state);
  let count = 0;
  for (const group of groups) {
    const { documents, scores } = scoreGroup(index, group);
    for (let at = 0; at < documents.length; at += 1) {
      const documentNumber = documents[at] ?? 0;
      if (found[documentNumber] === 0) {
        listed[count] = documentNumber;
        count += 1;
      }
      score[documentNumber] = (score[documentNumber] ?? 0) + (scores[at] ?? 0);
      share[documentNumber] = (share[documentNumber] ?? 0) + 1 / groups.length;
      found[documentNumber] = (found[documentNumber] ?? 0) + 1;
    }
  }
  const matches: FormMatches = {
    documents: listed.slice(0, count),
    score: new Float64Array(count),
    share: new Float64Array(count),
    found: new Float64Array(count),
  };
  for (let at = 0; at < count; at += 1) {
    const documentNumber = listed[at] ?? 0;
    matches.score[at] = score[documentNumber] ?? 0;
    matches.share[at] = share[documentNumber] ?? 0;
    matches.found[at] = found[documentNumber] ?? 0;
  }
  const { documents } = matches;
  giveBack(state, score, documents);
  giveBack(state, share, documents);
  giveBack(state, found, documents);
  giveBackList(state, listed);
  state.forms.set(form, matches);
  const oldest = state.forms.keys().next().value;
  if (state.forms.size > KEPT_FORMS && oldest !== undefined) state.forms.delete(oldest);
  return matches;
}

/**
 * A word's match per document over all its written forms: the best form counts in full, each further
 * form of the synonym group a little (a procedure that is called 転入 and 引っ越し and 住所変更 is more
 * about moving than one that mentions 引っ越し once).
 */
function matchWord(index: SearchIndex, word: string): WordMatches {
  const state = decoded(index);
  const best = emptyMatches(state, word);
  const extra = borrow(state);
  for (const form of alternativesOf(index, word)) {
    const match = formMatches(index, form);
    for (let at = 0; at < match.documents.length; at += 1) {
      const documentNumber = match.documents[at] ?? 0;
      const share = match.share[at] ?? 0;
      const score = match.score[at] ?? 0;
      const bestShare = best.share[documentNumber] ?? 0;
      const bestScore = best.score[documentNumber] ?? 0;
      if (bestShare === 0) {
        best.documents[best.count] = documentNumber;
        best.count += 1;
      } else if (share > bestShare || (share === bestShare && score > bestScore)) {
        extra[documentNumber] = (extra[documentNumber] ?? 0) + bestScore * bestShare;
      } else {
        extra[documentNumber] = (extra[documentNumber] ?? 0) + score * share;
        continue;
      }
      best.share[documentNumber] = share;
      best.score[documentNumber] = score;
      best.found[documentNumber] = match.found[at] ?? 0;
    }
  }
  // With one written form (most words) nothing is extra: its matches are the word's.
  for (let at = 0; at < best.count; at += 1) {
    const documentNumber = best.documents[at] ?? 0;
    const more = extra[documentNumber] ?? 0;
    if (more !== 0) best.score[documentNumber] = (best.score[documentNumber] ?? 0) + SYNONYM_BREADTH * more;
  }
  giveBack(state, extra, best.documents, best.count);
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

/** The documents that match every word, with their totals (same order): the first `count` of each. */
interface Ranked {
  documents: Int32Array;
  totals: Float64Array;
  count: number;
}

/** Only the documents that match every word earn name bonuses: checking names costs more than scoring. */
function rank(index: SearchIndex, perWord: WordMatches[], strictness: Strictness): Ranked {
  const [first] = perWord;
  const { ranked } = decoded(index);
  ranked.count = 0;
  if (!first) return ranked;
  const bonuses = perWord.map((matches) => keptBonuses(index, matches.word));
  for (let at = 0; at < first.count; at += 1) {
    const documentNumber = first.documents[at] ?? 0;
    let total = 0;
    let everyWord = true;
    for (let word = 0; word < perWord.length; word += 1) {
      const matches = perWord[word] as WordMatches;
      if (!counts(matches, documentNumber, strictness)) {
        everyWord = false;
        break;
      }
      // A partial match counts less than its share: the whole word beats most of it.
      const bonus = nameBonusOf(bonuses[word] as Float64Array, index, matches.word, documentNumber);
      total += ((matches.score[documentNumber] ?? 0) + bonus) * (matches.share[documentNumber] ?? 0) ** 2;
    }
    if (everyWord) {
      ranked.documents[ranked.count] = documentNumber;
      ranked.totals[ranked.count] = total;
      ranked.count += 1;
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
  for (let at = 0; at < ranked.count; at += 1) {
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
  if (ranked.count === 0) ranked = rank(index, perWord, 'relaxed');
  for (const matches of perWord) release(state, matches);
  // Several words that together are one of a procedure's names (a keyword 「税金 払えない」).
  const wholeQuery = words.length > 1 ? `${NAME_SEPARATOR}${words.join(' ')}${NAME_SEPARATOR}` : undefined;
  for (let at = 0; at < ranked.count; at += 1) {
    const documentNumber = ranked.documents[at] ?? 0;
    const whole = wholeQuery !== undefined && (index.names[documentNumber] ?? '').includes(wholeQuery) ? EXACT_NAME_BONUS : 0;
    ranked.totals[at] = (ranked.totals[at] ?? 0) + whole + (index.priors[documentNumber] ?? 0);
  }
  return best(ranked, limit).map(({ documentNumber, score }) => ({ id: index.ids[documentNumber] ?? '', score }));
}
