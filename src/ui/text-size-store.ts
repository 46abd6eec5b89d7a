import { parseTextSize, TEXT_SIZE_STORAGE_KEY, type TextSize } from '../domain/text-size.ts';

/**
 * The device's 文字の大きさ. `public/display-settings.js` has already put the saved size on
 * `<html data-text-size>` before the first paint; from then on this module is the only writer.
 */
const listeners = new Set<() => void>();

export function currentTextSize(): TextSize {
  return parseTextSize(document.documentElement.dataset.textSize) ?? 'standard';
}

/** True once the person has chosen (even 「このままでよい」): then the first-visit offer stays away. */
export function hasChosenTextSize(): boolean {
  try {
    return parseTextSize(window.localStorage.getItem(TEXT_SIZE_STORAGE_KEY)) !== null;
  } catch {
    return false;
  }
}

export function chooseTextSize(size: TextSize): void {
  document.documentElement.dataset.textSize = size;
  try {
    window.localStorage.setItem(TEXT_SIZE_STORAGE_KEY, size);
  } catch {
    // Storage switched off: the size still applies until the page is closed.
  }
  listeners.forEach((listener) => listener());
}

export function subscribeToTextSize(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
