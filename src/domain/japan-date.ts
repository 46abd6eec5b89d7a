/**
 * Dates as the city means them: days in Japan time, whatever zone the phone is set to, written
 * the way older readers expect (2026年4月30日（木）). Japan has no daylight saving, so a fixed
 * offset is exact.
 */
const JAPAN_OFFSET_MS = 9 * 60 * 60 * 1000;
const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;

/** Today's date in Japan, yyyy-mm-dd. */
export function todayInJapan(now: Date): string {
  return new Date(now.getTime() + JAPAN_OFFSET_MS).toISOString().slice(0, 10);
}

/** yyyy-mm-dd → 2026年4月30日（木） */
export function formatJapaneseDate(isoDate: string): string {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? '';
  return `${String(year)}年${String(month)}月${String(day)}日（${weekday}）`;
}

/** 2026 → 令和8年度（2026年度）: the era once, for readers who count in it. Reiwa began in 2019. */
export function formatFiscalYear(year: number): string {
  return year >= 2019 ? `令和${String(year - 2018)}年度（${String(year)}年度）` : `${String(year)}年度`;
}

/** 12300 → 12,300円 */
export function formatYen(amount: number): string {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}円`;
}
