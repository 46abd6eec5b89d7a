import type { CounterContent, VisitKind } from '../domain/counter.ts';
import data from './mynumber-counter.json';

/** The MyNumber counter's content for the browser; the build checks it against counterContentSchema. */
export const counter = data as CounterContent;

export function findVisitKind(id: string | undefined): VisitKind | undefined {
  return counter.visitKinds.find((kind) => kind.id === id);
}
