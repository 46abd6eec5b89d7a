import { use } from 'react';
import loaders, { merged } from 'virtual:procedure-details';
import type { ProcedureDetail } from '../../domain/procedure-catalogue.ts';

/**
 * Each procedure's page is a chunk of its own (scripts/procedure-catalogue-plugin.ts), fetched when the
 * page is opened, so a page does not wait for the other 500. Offline, a page whose chunk has not been
 * fetched before comes from the precached copy of every page (one file: 500 small ones would cost the
 * first visit four times as much), so every procedure opens offline after one visit (vite.config.ts).
 */

const loading = new Map<string, Promise<ProcedureDetail | undefined>>();
const loaded = new Map<string, ProcedureDetail>();

/** The procedure whose page this id opens: its own, or the one a merged id was merged into; none for an unknown id. */
function pageOf(id: string): string | undefined {
  const page = Object.hasOwn(merged, id) ? merged[id] : id;
  return page !== undefined && Object.hasOwn(loaders, page) ? page : undefined;
}

async function fetchPage(page: string): Promise<ProcedureDetail> {
  const load = loaders[page];
  if (!load) throw new Error(`${page} is not a procedure`);
  try {
    return (await load()).default;
  } catch (error) {
    const offlineCopy = (await import('virtual:procedure-details-offline')).default[page];
    if (!offlineCopy) throw error;
    return offlineCopy;
  }
}

/**
 * Fetches a procedure's page, once. A failed fetch (offline before the service worker had the copy) is
 * forgotten, so opening the page again tries again; meanwhile the screen's error boundary says so.
 */
export function loadProcedure(id: string): Promise<ProcedureDetail | undefined> {
  const page = pageOf(id);
  if (page === undefined) return Promise.resolve(undefined);
  let pending = loading.get(id);
  if (!pending) {
    pending = fetchPage(page).then(
      (detail) => {
        // A merged id's page is its procedure's page: kept under both, so the redirect draws at once.
        loaded.set(id, detail);
        loaded.set(page, detail);
        return detail;
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
  if (id === undefined || pageOf(id) === undefined) return undefined;
  return loaded.get(id) ?? use(loadProcedure(id));
}

const loadingLists = new Map<string, Promise<unknown>>();

/** The pages of several procedures at once (a checklist), by the ids asked; unknown ids are not in it. */
export function useProcedures(ids: readonly string[]): ReadonlyMap<string, ProcedureDetail> {
  const known = ids.filter((id) => pageOf(id) !== undefined);
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
