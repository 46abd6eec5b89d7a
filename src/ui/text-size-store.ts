import { parseTextSize, TEXT_SIZE_STORAGE_KEY, type TextSize } from '../domain/text-size.ts';

/**
 * The device's 文字の大きさ. It lives on `<html data-text-size>`, where `public/display-settings.js`
 * put the saved size before the first paint; every reader watches that attribute, so whoever sets it
 * (this module's chooseTextSize, or a test switching sizes on a loaded page) is followed at once.
 */

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
}

export function subscribeToTextSize(listener: () => void): () => void {
  // Setting the attribute, even to the same value (「このままでよい」), is a mutation: the offer then
  // reads the stored choice and goes away.
  const observer = new MutationObserver(listener);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-text-size'] });
  return () => observer.disconnect();
}
