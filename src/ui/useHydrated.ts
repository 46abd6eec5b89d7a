import { useSyncExternalStore } from 'react';

const neverChanges = () => () => undefined;

/**
 * False while React takes over a prerendered page (and in the prerender itself), true from then on.
 * A prerendered button or text box cannot work before the script has run: the controls say so by
 * being disabled until then, so a tap or typed word is never silently lost (and a page read without
 * JavaScript does not offer buttons that do nothing). React renders the server's answer while it
 * hydrates, then this browser's, so both renders agree.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    neverChanges,
    () => true,
    () => false,
  );
}
