import { useSyncExternalStore } from 'react';
import { resetForNextPerson } from './reset.ts';

/**
 * 「最初から」 and the idle reset go through here, so the screen is emptied first (no name, no
 * booking code stays drawn while storage is cleared) and a second tap does nothing.
 */
let resetting = false;
const listeners = new Set<() => void>();

export function startOver(): void {
  if (resetting) return;
  resetting = true;
  listeners.forEach((listener) => listener());
  void resetForNextPerson();
}

export function useResetting(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => resetting,
  );
}
