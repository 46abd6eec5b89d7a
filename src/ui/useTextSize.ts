import { useSyncExternalStore } from 'react';
import type { TextSize } from '../domain/text-size';
import { chooseTextSize, currentTextSize, hasChosenTextSize, subscribeToTextSize } from './text-size-store';

export function useTextSize(): { textSize: TextSize; hasChosen: boolean; chooseTextSize: (size: TextSize) => void } {
  const textSize = useSyncExternalStore(subscribeToTextSize, currentTextSize);
  const hasChosen = useSyncExternalStore(subscribeToTextSize, hasChosenTextSize);
  return { textSize, hasChosen, chooseTextSize };
}
