import type { Procedure, SynonymsContent } from './procedures.ts';

/**
 * FIRST CUT (to be replaced by the bigram/BM25 engine in this same file, same signatures):
 * the contract the screens build against.
 */
export interface SearchIndex {
  documents: { id: string; text: string }[];
}

export interface SearchHit {
  id: string;
  score: number;
}

export function buildProcedureIndex(procedures: readonly Procedure[], synonyms: SynonymsContent): SearchIndex {
  void synonyms;
  return {
    documents: procedures.map((procedure) => ({
      id: procedure.id,
      text: [procedure.title, procedure.reading, procedure.summary, ...procedure.keywords].join(' ').normalize('NFKC'),
    })),
  };
}

/** Ranked ids of the procedures that match every word of the query; empty for an empty query. */
export function searchProcedures(index: SearchIndex, query: string, limit = 50): SearchHit[] {
  const words = query.normalize('NFKC').split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return index.documents
    .filter((document) => words.every((word) => document.text.includes(word)))
    .slice(0, limit)
    .map((document) => ({ id: document.id, score: 1 }));
}
