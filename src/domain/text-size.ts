/**
 * 文字の大きさ (text size) — the one list the header toggle, the settings page, the kiosk and
 * `public/display-settings.js` agree on. 特大 is meant for the kiosk, but anyone may choose it.
 */
export const TEXT_SIZES = ['standard', 'large', 'xlarge'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

export const TEXT_SIZE_LABELS: Record<TextSize, string> = {
  standard: '標準',
  large: '大きい',
  xlarge: '特大',
};

/** localStorage key. `public/display-settings.js` reads the same key before the first paint. */
export const TEXT_SIZE_STORAGE_KEY = 'tsunagaru-togane:text-size';

/** What was stored may be anything (an old version, a hand edit): only a known size counts. */
export function parseTextSize(value: unknown): TextSize | null {
  return typeof value === 'string' && (TEXT_SIZES as readonly string[]).includes(value) ? (value as TextSize) : null;
}
