import { use } from 'react';
import loaders from 'virtual:procedure-details';
import type { ProcedureDetail } from '../../domain/procedure-catalogue.ts';

/**
 * Each procedure's page is a chunk of its own (scripts/procedure-catalogue-plugin.ts), fetched when the
 * page is first opened and kept by the service worker from then on (vite.config.ts), so a page does
 * not wait for the other 500. Merged ids load the page of the procedure they now are.
 */

const loading = new Map<string, Promise<ProcedureDetail>>();
const loaded = new Map<string, ProcedureDetail>();

function isKnown(id: string): boolean {
  return Object.hasOwn(loaders, id);
}

/**
 * Fetches a procedure's page, once. A failed fetch (offline, the page never opened) is forgotten, so
 * opening the page again tries again; meanwhile the screen's error boundary says what happened.
 */
export function loadProcedure(id: string): Promise<ProcedureDetail | undefined> {
  const load = loaders[id];
  if (!load || !isKnown(id)) return Promise.resolve(undefined);
  let pending = loading.get(id);
  if (!pending) {
    pending = load().then(
      (module) => {
        // A merged id's page is its procedure's page: kept under both, so the redirect draws at once.
        loaded.set(id, module.default);
        loaded.set(module.default.procedure.id, module.default);
        return module.default;
      },
      (error: unknown) => {
        loading.delete(id);
        throw error;
      },
    );
    loading.set(id, pending);
  }
  return pending;
}

/**
 * The page of the procedure with this id (or of the one a merged id now is), waiting for it if it has
 * not arrived (the layout's Suspense keeps the last screen meanwhile); undefined for an unknown id.
 */
export function useProcedure(id: string | undefined): ProcedureDetail | undefined {
  if (id === undefined || !isKnown(id)) return undefined;
  return loaded.get(id) ?? use(loadProcedure(id));
}

const loadingLists = new Map<string, Promise<unknown>>();

/** The pages of several procedures at once (a checklist), by the ids asked; unknown ids are not in it. */
export function useProcedures(ids: readonly string[]): ReadonlyMap<string, ProcedureDetail> {
  const known = ids.filter(isKnown);
  if (!known.every((id) => loaded.has(id))) {
    const key = known.join(' ');
    let pending = loadingLists.get(key);
    if (!pending) {
      pending = Promise.all(known.map(loadProcedure)).finally(() => loadingLists.delete(key));
      loadingLists.set(key, pending);
    }
    use(pending);
  }
  return new Map(
    known.flatMap((id) => {
      const detail = loaded.get(id);
      return detail ? [[id, detail] as const] : [];
    }),
  );
}
