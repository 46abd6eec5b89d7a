import { Button } from './Button.tsx';
import { useTextSize } from './useTextSize.ts';

/**
 * The one-tap text-size switch in the header of every screen. Its words say what a tap will do:
 * 「文字を大きく」 in standard text, 「文字を標準に」 in large or 特大 text. The name changes with the
 * state, so it is a plain button (no aria-pressed, which would contradict the words).
 */
export function TextSizeToggle() {
  const { textSize, chooseTextSize } = useTextSize();
  const isLarge = textSize !== 'standard';
  return (
    <Button variant="secondary" onClick={() => chooseTextSize(isLarge ? 'standard' : 'large')}>
      <svg aria-hidden="true" width="24" height="24" viewBox="0 0 24 24" fill="currentColor">
        <text x="0" y="19" fontSize="14" fontWeight="700">
          あ
        </text>
        <text x="10" y="21" fontSize="20" fontWeight="700">
          あ
        </text>
      </svg>
      {isLarge ? '文字を標準に' : '文字を大きく'}
    </Button>
  );
}
