import { useSyncExternalStore } from 'react';
import type { TextSize } from '../domain/text-size.ts';
import { chooseTextSize, currentTextSize, hasChosenTextSize, subscribeToTextSize } from './text-size-store.ts';

export function useTextSize(): { textSize: TextSize; hasChosen: boolean; chooseTextSize: (size: TextSize) => void } {
  const textSize = useSyncExternalStore(subscribeToTextSize, currentTextSize);
  const hasChosen = useSyncExternalStore(subscribeToTextSize, hasChosenTextSize);
  return { textSize, hasChosen, chooseTextSize };
}
