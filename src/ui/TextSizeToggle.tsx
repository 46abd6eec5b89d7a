import { Button } from './Button.tsx';
import { useTextSize } from './useTextSize.ts';

/**
 * The one-tap 文字を大きく switch in the header of every screen. It is a toggle (aria-pressed) with
 * a fixed name, so a screen reader announces 「文字を大きく、オン/オフ」. 特大 counts as on.
 */
export function TextSizeToggle() {
  const { textSize, chooseTextSize } = useTextSize();
  const isLarge = textSize !== 'standard';
  return (
    <Button variant="secondary" aria-pressed={isLarge} onClick={() => chooseTextSize(isLarge ? 'standard' : 'large')}>
      <svg aria-hidden="true" width="24" height="24" viewBox="0 0 24 24" fill="currentColor">
        <text x="0" y="19" fontSize="14" fontWeight="700">
          あ
        </text>
        <text x="10" y="21" fontSize="20" fontWeight="700">
          あ
        </text>
      </svg>
      文字を大きく
    </Button>
  );
}
