import { useSyncExternalStore } from 'react';
import { isKioskMode } from './kiosk-mode.ts';

/**
 * A list kept in this device's localStorage (e.g. the bookings made here), so a screen can list them
 * without asking for anything. Each feature makes its own list with its own key and item check.
 *
 * On the city's kiosk nothing is kept: the list lives in memory for the current person only (so the
 * 「予約しました」 page can open the booking) and the reset between two people, a full reload,
 * forgets it. `useAll` is then always empty; the list screens say why (`useKioskMode`).
 */
export function createDeviceList<Item extends { code: string }>(key: string, isItem: (value: unknown) => value is Item, sortKey: (item: Item) => string) {
  const listeners = new Set<() => void>();
  let cache: { raw: string | null; value: Item[] } = { raw: null, value: [] };
  let inMemory: Item[] = [];
  const none: Item[] = [];

  function readRaw(): string | null {
    if (isKioskMode()) return null;
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  }

  function all(): Item[] {
    const raw = readRaw();
    if (raw === cache.raw) return cache.value;
    let value: Item[] = [];
    try {
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      value = Array.isArray(parsed) ? parsed.filter(isItem) : [];
    } catch {
      value = [];
    }
    cache = { raw, value };
    return value;
  }

  function write(items: Item[]): void {
    if (isKioskMode()) {
      inMemory = items;
      listeners.forEach((listener) => listener());
      return;
    }
    try {
      window.localStorage.setItem(key, JSON.stringify(items));
    } catch {
      // Storage switched off: the booking still exists; its code and management link find it again.
    }
    listeners.forEach((listener) => listener());
  }

  return {
    save: (item: Item): void => {
      const current = isKioskMode() ? inMemory : all();
      write([...current.filter((saved) => saved.code !== item.code), item].sort((a, b) => sortKey(a).localeCompare(sortKey(b))));
    },
    forget: (code: string): void => {
      write((isKioskMode() ? inMemory : all()).filter((saved) => saved.code !== code));
    },
    find: (code: string): Item | undefined =>
      (isKioskMode() ? inMemory : all()).find((saved) => saved.code === code),
    /** What this device keeps; always empty on the kiosk. */
    useAll: (): Item[] =>
      useSyncExternalStore((listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      }, () => (isKioskMode() ? none : all())),
  };
}
