import { useSyncExternalStore } from 'react';
import type { TextSize } from '../domain/text-size.ts';
import { chooseTextSize, currentTextSize, hasChosenTextSize, subscribeToTextSize } from './text-size-store.ts';

export function useTextSize(): { textSize: TextSize; hasChosen: boolean; chooseTextSize: (size: TextSize) => void } {
  // The prerendered HTML is drawn at the standard size's words; public/display-settings.js has already
  // applied the chosen size's styles before the first paint, and the words follow right after hydration.
  const textSize = useSyncExternalStore(subscribeToTextSize, currentTextSize, () => 'standard' as const);
  const hasChosen = useSyncExternalStore(subscribeToTextSize, hasChosenTextSize, () => false);
  return { textSize, hasChosen, chooseTextSize };
}
