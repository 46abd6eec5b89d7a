const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;

/**
 * 「2026年11月24日（火）」 from a content date `2026-11-24`, as the writing guide asks. Content
 * dates are calendar days, so they are read in UTC and no device time zone can shift them.
 */
export function formatJapaneseDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  const weekday = WEEKDAYS[date.getUTCDay()] ?? '';
  return `${String(date.getUTCFullYear())}年${String(date.getUTCMonth() + 1)}月${String(date.getUTCDate())}日（${weekday}）`;
}
