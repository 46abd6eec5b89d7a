/**
 * A module fetched on first use, whose value can also be read synchronously once it has arrived.
 * The app loads the current address's screen (and the kiosk's parts on a kiosk) before its first
 * render, so a prerendered page is taken over as it stands instead of passing through a fallback.
 */
export interface Preloadable<T> {
  /**
   * Starts the fetch, once. A failed fetch is kept as it failed: React must see the same promise to
   * show the error screen (a new fetch on each draw would try for ever), and that screen offers the
   * cure, 「画面を読み込み直す」 (a chunk missing after an update, or a screen first opened offline).
   */
  load(): Promise<T>;
  /** The value, if it has arrived. */
  loaded(): T | undefined;
}

export function preloadable<T>(fetchModule: () => Promise<T>): Preloadable<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    load: () => (pending ??= fetchModule().then((arrived) => (value = arrived))),
    loaded: () => value,
  };
}
