import { useSyncExternalStore } from 'react';
import { KIOSK_STORAGE_KEY, parseKioskSetting, serializeKioskSetting, type KioskSetting } from '../domain/kiosk.ts';

/**
 * Is this device the city's kiosk? Read from localStorage each time (cheap, and always the truth):
 * features ask `isKioskMode()` or `useKioskMode()` and otherwise behave exactly as on a phone.
 * `public/display-settings.js` reads the same key before the first paint and marks
 * `<html data-kiosk>`.
 */
const listeners = new Set<() => void>();
let cache: { raw: string | null; value: KioskSetting | null } = { raw: null, value: null };

export function kioskSetting(): KioskSetting | null {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(KIOSK_STORAGE_KEY);
  } catch {
    raw = null;
  }
  if (raw !== cache.raw) cache = { raw, value: parseKioskSetting(raw) };
  return cache.value;
}

export function isKioskMode(): boolean {
  return kioskSetting() !== null;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useKioskSetting(): KioskSetting | null {
  return useSyncExternalStore(subscribe, kioskSetting, () => null);
}

export function useKioskMode(): boolean {
  return useKioskSetting() !== null;
}

function changed(): void {
  const on = isKioskMode();
  if (on) document.documentElement.dataset.kiosk = '';
  else delete document.documentElement.dataset.kiosk;
  listeners.forEach((listener) => listener());
}

/** Staff only, after the server has accepted their PIN. */
export function startKioskMode(setting: KioskSetting): void {
  window.localStorage.setItem(KIOSK_STORAGE_KEY, serializeKioskSetting(setting));
  changed();
}

export function endKioskMode(): void {
  window.localStorage.removeItem(KIOSK_STORAGE_KEY);
  changed();
}
