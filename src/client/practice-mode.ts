import { useSyncExternalStore } from 'react';

/**
 * The practice mode of the スマホ講座, in one place: whether it is on, and the practice data kept
 * while it is. Everything lives in sessionStorage, on purpose: it belongs to this browser tab and
 * ends with it, so a learner's phone never stays in practice mode after the class (where a real
 * booking would silently be a practice one), and nothing of the round is left on the phone.
 * The flag and every practice key share the prefix, so leaving (or a kiosk reset) removes them all.
 */
const FLAG_KEY = 'tsunagaru-togane:practice';
const DATA_PREFIX = 'tsunagaru-togane:practice:';

const listeners = new Set<() => void>();

function session(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function notify(): void {
  listeners.forEach((listener) => listener());
}

function removePracticeData(storage: Storage): void {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key?.startsWith(DATA_PREFIX)) keys.push(key);
  }
  keys.forEach((key) => storage.removeItem(key));
}

/** The storage key of one kind of practice data (the mocks' bookings, a feature's saved list …). */
export function practiceStorageKey(name: string): string {
  return DATA_PREFIX + name;
}

type Transport = (request: Request) => Promise<Response>;

let loadPracticeTransport: (() => Promise<Transport>) | null = null;

/**
 * Who answers API requests in practice mode: installed by the app at start-up
 * (src/practice/install.ts) and loaded the first time it is needed, so the home screen does not
 * carry the practice engine.
 */
export function setPracticeTransport(load: () => Promise<Transport>): void {
  loadPracticeTransport = load;
}

/** The practice transport; without one installed, a practice request fails rather than reach the server. */
export function practiceTransport(): Promise<Transport> {
  if (!loadPracticeTransport) return Promise.reject(new Error('練習モードの通信先が用意されていません。'));
  return loadPracticeTransport();
}

export function isPracticeMode(): boolean {
  return session()?.getItem(FLAG_KEY) === 'on';
}

/** Called whenever practice mode starts or ends, or its data is emptied. Returns the unsubscribe. */
export function subscribePracticeMode(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePracticeMode(): boolean {
  return useSyncExternalStore(subscribePracticeMode, isPracticeMode, () => false);
}

export function startPractice(): void {
  const storage = session();
  if (!storage) return;
  try {
    storage.setItem(FLAG_KEY, 'on');
  } catch {
    return;
  }
  notify();
}

/** The instructor's reset for the next round: every practice booking is gone, practice goes on. */
export function clearPracticeData(): void {
  const storage = session();
  if (storage) removePracticeData(storage);
  notify();
}

/** Leaves practice mode; the practice bookings go with it, so none shows in the real lists. */
export function endPractice(): void {
  const storage = session();
  if (storage) {
    storage.removeItem(FLAG_KEY);
    removePracticeData(storage);
  }
  notify();
}
