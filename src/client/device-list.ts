import { useSyncExternalStore } from 'react';
import { isKioskMode } from './kiosk-mode.ts';
import { isPracticeMode, practiceStorageKey, subscribePracticeMode } from './practice-mode.ts';

/**
 * A list kept on this device (e.g. the bookings made here), so a screen can list them without asking
 * for anything. Each feature makes its own list with its own key and item check. Where it is kept:
 * - normally in localStorage;
 * - in practice mode in a separate practice list in sessionStorage, removed when practice ends, so
 *   a practice booking never appears in the real list;
 * - on the city's kiosk nowhere: in memory for the current person only (so the 「予約しました」 page
 *   can open the booking), forgotten by the reset between two people (a full reload). `useAll` is
 *   then always empty; the list screens say why (`useKioskMode`).
 */
export function createDeviceList<Item extends { code: string }>(key: string, isItem: (value: unknown) => value is Item, sortKey: (item: Item) => string) {
  const listeners = new Set<() => void>();
  let cache: { place: string; raw: string | null; value: Item[] } = { place: '', raw: null, value: [] };
  let inMemory: Item[] = [];
  const none: Item[] = [];

  function place(): { storage: () => Storage; key: string } {
    return isPracticeMode() ? { storage: () => window.sessionStorage, key: practiceStorageKey(key) } : { storage: () => window.localStorage, key };
  }

  function readRaw(where: ReturnType<typeof place>): string | null {
    try {
      return where.storage().getItem(where.key);
    } catch {
      return null;
    }
  }

  function stored(): Item[] {
    const where = place();
    const raw = readRaw(where);
    if (where.key === cache.place && raw === cache.raw) return cache.value;
    let value: Item[] = [];
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      value = Array.isArray(parsed) ? parsed.filter(isItem) : [];
    } catch {
      value = [];
    }
    cache = { place: where.key, raw, value };
    return value;
  }

  function all(): Item[] {
    return isKioskMode() ? inMemory : stored();
  }

  function write(items: Item[]): void {
    if (isKioskMode()) {
      inMemory = items;
    } else {
      const where = place();
      try {
        where.storage().setItem(where.key, JSON.stringify(items));
      } catch {
        // Storage switched off: the booking still exists; its code and management link find it again.
      }
    }
    listeners.forEach((listener) => listener());
  }

  return {
    save: (item: Item): void => {
      write([...all().filter((saved) => saved.code !== item.code), item].sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
    },
    forget: (code: string): void => {
      write(all().filter((saved) => saved.code !== code));
    },
    find: (code: string): Item | undefined => all().find((saved) => saved.code === code),
    /** What this device keeps; always empty on the kiosk. */
    useAll: (): Item[] =>
      useSyncExternalStore(
        (listener) => {
          listeners.add(listener);
          const stopPractice = subscribePracticeMode(listener);
          return () => {
            listeners.delete(listener);
            stopPractice();
          };
        },
        () => (isKioskMode() ? none : stored()),
        () => none,
      ),
  };
}

/** The item check of a list whose items are strings only (code, token, day …): each field must be there, a string. */
export function hasStringFields<Item>(fields: readonly (keyof Item & string)[]): (value: unknown) => value is Item {
  return (value: unknown): value is Item => {
    if (typeof value !== 'object' || value === null) return false;
    const record = value as Record<string, unknown>;
    return fields.every((field) => typeof record[field] === 'string');
  };
}
