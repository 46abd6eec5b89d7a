import { useSyncExternalStore } from 'react';
import { parseSavedChecklist, type SavedChecklist } from '../../domain/moving-guide.ts';

/**
 * The moving checklist kept on this device: one key, one versioned record (the answers and what is
 * ticked off), checked with zod on every read so old or broken data is ignored rather than crashing.
 */
export const SAVED_CHECKLIST_KEY = 'tsunagaru-togane:moving-checklist';

const listeners = new Set<() => void>();
let cache: { raw: string | null; value: SavedChecklist | null } = { raw: null, value: null };
/** Where the record lives while storage is switched off (private mode, a full disk): this visit only. */
let memory: string | null = null;

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(SAVED_CHECKLIST_KEY) ?? memory;
  } catch {
    return memory;
  }
}

function current(): SavedChecklist | null {
  const raw = readRaw();
  if (raw !== cache.raw) cache = { raw, value: parseSavedChecklist(raw) };
  return cache.value;
}

export function saveChecklist(answers: string, done: readonly string[]): void {
  const record: SavedChecklist = { version: 1, answers, done: [...new Set(done)] };
  const raw = JSON.stringify(record);
  try {
    window.localStorage.setItem(SAVED_CHECKLIST_KEY, raw);
  } catch {
    // Storage switched off: the ticks last for this visit, and the link still shares the answers.
    memory = raw;
  }
  listeners.forEach((listener) => listener());
}

export function useSavedChecklist(): SavedChecklist | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      const onStorage = (event: StorageEvent) => {
        if (event.key === SAVED_CHECKLIST_KEY || event.key === null) listener();
      };
      window.addEventListener('storage', onStorage);
      return () => {
        listeners.delete(listener);
        window.removeEventListener('storage', onStorage);
      };
    },
    current,
    () => null,
  );
}
