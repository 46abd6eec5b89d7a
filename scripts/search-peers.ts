/**
 * The other search libraries `npm run bench:search` compares ours with, each behind the same small
 * interface, in two set-ups: as the library ships (its own tokenizer; FlexSearch with its CJK
 * charset) and with a fair Japanese tokenizer — our folding and character bigrams
 * (japanese-text.ts), so a library is not judged on splitting Japanese on spaces it does not have.
 * Fuse.js matches whole strings fuzzily rather than tokens: its Japanese set-up gets the folding.
 * Fields weigh as in ours: title and reading 3, keywords 2, summary 1.
 */
import { create, insertMultiple, save, search as oramaSearch } from '@orama/orama';
import { Charset, Document } from 'flexsearch';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import { normalizeJapanese, tokensOf } from '../src/domain/japanese-text.ts';
import type { SearchDocument } from '../src/domain/procedure-search.ts';

export interface PeerIndex {
  /** Ids of the best matches, best first. */
  search(query: string, limit: number): string[];
  /** The index as it would be shipped to a browser, serialised. */
  serialised(): string;
}

export interface Peer {
  name: string;
  build(documents: readonly SearchDocument[]): PeerIndex;
}

const FIELDS = ['title', 'reading', 'keywords', 'summary'] as const;
const WEIGHTS = { title: 3, reading: 3, keywords: 2, summary: 1 } as const;

// A type alias, not an interface: FlexSearch wants documents with an index signature.
type FlatDocument = {
  id: string;
  title: string;
  reading: string;
  keywords: string;
  summary: string;
};

function flat(document: SearchDocument): FlatDocument {
  return { id: document.id, title: document.title, reading: document.reading, keywords: document.keywords.join(' '), summary: document.summary };
}

function bigrams(text: string): string[] {
  return tokensOf(normalizeJapanese(text));
}

function miniSearch(japanese: boolean): Peer {
  return {
    name: `MiniSearch${japanese ? ' + bigrams' : ''}`,
    build(documents) {
      const options = {
        fields: [...FIELDS],
        ...(japanese ? { tokenize: bigrams, processTerm: (term: string) => term } : {}),
        searchOptions: { boost: WEIGHTS, prefix: true },
      };
      const index = new MiniSearch<FlatDocument>(options);
      index.addAll(documents.map(flat));
      return {
        search: (query, limit) =>
          index
            .search(query)
            .slice(0, limit)
            .map((result) => String(result.id)),
        serialised: () => JSON.stringify(index),
      };
    },
  };
}

function flexSearch(japanese: boolean): Peer {
  return {
    name: `FlexSearch${japanese ? ' + bigrams' : ' (CJK charset)'}`,
    build(documents) {
      const index = new Document<FlatDocument>({
        document: { id: 'id', index: [...FIELDS] },
        tokenize: 'forward',
        ...(japanese ? { encode: bigrams } : { encoder: Charset.CJK }),
      });
      for (const document of documents) index.add(flat(document));
      return {
        search(query, limit) {
          // One list per field: merged by field weight and place in the list.
          const scores = new Map<string, number>();
          for (const { field, result } of index.search(query, { limit: Math.max(limit, 20) })) {
            const weight = WEIGHTS[field as keyof typeof WEIGHTS];
            result.forEach((id, place) => scores.set(String(id), (scores.get(String(id)) ?? 0) + weight / (1 + place)));
          }
          return [...scores]
            .sort((left, right) => right[1] - left[1])
            .slice(0, limit)
            .map(([id]) => id);
        },
        serialised() {
          const parts: Record<string, unknown> = {};
          void index.export((key, data) => {
            parts[key] = data;
          });
          return JSON.stringify(parts);
        },
      };
    },
  };
}

function orama(japanese: boolean): Peer {
  return {
    name: `Orama${japanese ? ' + bigrams' : ''}`,
    build(documents) {
      const tokenizer = japanese ? { language: 'english', normalizationCache: new Map<string, string>(), tokenize: bigrams } : undefined;
      const database = create({
        schema: { id: 'string', title: 'string', reading: 'string', keywords: 'string', summary: 'string' } as const,
        ...(tokenizer ? { components: { tokenizer } } : {}),
      });
      void insertMultiple(database, documents.map(flat));
      return {
        search(query, limit) {
          const results = oramaSearch(database, { term: query, properties: [...FIELDS], boost: WEIGHTS, limit });
          if (results instanceof Promise) throw new Error('Orama answered asynchronously');
          return results.hits.map((hit) => String(hit.id));
        },
        serialised: () => JSON.stringify(save(database)),
      };
    },
  };
}

function fuse(japanese: boolean): Peer {
  return {
    name: `Fuse.js${japanese ? ' + folding' : ''}`,
    build(documents) {
      const keys = FIELDS.map((name) => ({ name, weight: WEIGHTS[name] }));
      const getFn = (document: FlatDocument, path: string | string[]) =>
        normalizeJapanese(String(document[(Array.isArray(path) ? path[0] : path) as keyof FlatDocument]));
      const options = { keys, ignoreLocation: true, threshold: 0.4, ...(japanese ? { getFn } : {}) };
      const list = documents.map(flat);
      const index = new Fuse(list, options, Fuse.createIndex(keys, list, japanese ? { getFn } : {}));
      return {
        search: (query, limit) => index.search(japanese ? normalizeJapanese(query) : query, { limit }).map((result) => result.item.id),
        serialised: () => JSON.stringify(index.getIndex().toJSON()),
      };
    },
  };
}

export const PEERS: readonly Peer[] = [false, true].flatMap((japanese) => [miniSearch(japanese), flexSearch(japanese), orama(japanese), fuse(japanese)]);
