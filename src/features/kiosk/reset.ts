import { queryClient } from '../../client/query-client.ts';
import { KIOSK_STORAGE_KEY } from '../../domain/kiosk.ts';

/**
 * The reset between two people at the kiosk. Nothing of the previous person may survive it:
 *
 * 1. the TanStack Query cache (answers of the API: bookings, availability);
 * 2. everything the portal wrote to localStorage and sessionStorage, except the kiosk setting itself
 *    (booking drafts, the text size chosen during the visit, lists of bookings);
 * 3. every IndexedDB database of this origin;
 * 4. every Cache Storage cache except the service worker's precache of the app shell (which holds
 *    only the portal's own files), and any API answer that might have slipped into it;
 * 5. a new version of the portal that was waiting is switched on now, never in the middle of use;
 * 6. `location.replace('/')`: a full page load, so every bit of memory (the scanned slip, form state,
 *    module state, React state) is gone, and the current history entry is overwritten (its state
 *    emptied first). Older entries of the visit cannot be brought back: `public/display-settings.js`
 *    sends any back-button page load or back-forward-cache restore on a kiosk to the start screen
 *    before it is drawn; a fresh load, like this one, is never sent.
 */
export async function resetForNextPerson(): Promise<void> {
  await queryClient.cancelQueries().catch(() => undefined);
  queryClient.clear();
  clearWebStorage();
  await Promise.allSettled([deleteDatabases(), deleteRuntimeCaches()]);
  await applyWaitingUpdate();
  // The fresh load keeps the entry's history state when it replaces the address already shown (the
  // start screen): cleared first, so that nothing can take the load for a return by the back button.
  window.history.replaceState(null, '');
  window.location.replace('/');
}

export function clearWebStorage(): void {
  try {
    window.sessionStorage.clear();
  } catch {
    // storage switched off: nothing was written
  }
  try {
    const keys = Array.from({ length: window.localStorage.length }, (_, index) => window.localStorage.key(index));
    for (const key of keys) if (key !== null && key !== KIOSK_STORAGE_KEY) window.localStorage.removeItem(key);
  } catch {
    // storage switched off: nothing was written
  }
}

async function deleteDatabases(): Promise<void> {
  if (!('indexedDB' in window) || typeof indexedDB.databases !== 'function') return;
  const databases = await indexedDB.databases();
  await Promise.all(
    databases.map(
      ({ name }) =>
        new Promise<void>((resolve) => {
          if (!name) return resolve();
          const request = indexedDB.deleteDatabase(name);
          // "blocked" means a connection of this page is still open: the deletion completes as the page unloads.
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
}

async function deleteRuntimeCaches(): Promise<void> {
  if (!('caches' in window)) return;
  for (const name of await caches.keys()) {
    if (!name.startsWith('workbox-precache')) {
      await caches.delete(name);
      continue;
    }
    const precache = await caches.open(name);
    for (const request of await precache.keys()) {
      if (new URL(request.url).pathname.startsWith('/api/')) await precache.delete(request);
    }
  }
}

async function applyWaitingUpdate(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  const waiting = registration?.waiting;
  if (!waiting) return;
  const switched = new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
  waiting.postMessage({ type: 'SKIP_WAITING' });
  await Promise.race([switched, new Promise<void>((resolve) => setTimeout(resolve, 5_000))]);
}

/** Whether a new version of the portal is waiting (then an untouched kiosk resets by itself to take it). */
export async function updateIsWaiting(): Promise<boolean> {
  if (!('serviceWorker' in navigator)) return false;
  const registration = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  return Boolean(registration?.waiting);
}
