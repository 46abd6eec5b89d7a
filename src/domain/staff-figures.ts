import { z } from 'zod';
import './validation.ts';

/**
 * The month's figures the city reports on (its DX plan counts use of the online services): counter
 * bookings by day and visit kind, with check-ins and no-shows, and the rooms' bookings. Counts only:
 * never a name, a phone or a code.
 */

export const figuresQuerySchema = z.strictObject({
  month: z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/, '月は 2026-12 の形で指定してください。'),
});

/** One visit kind on one day. `booked` counts every booking not cancelled, whether the citizen came or not. */
const count = z.number().int();

export const counterFiguresSchema = z.strictObject({
  date: z.string(),
  kindId: z.string(),
  kindName: z.string(),
  booked: count,
  checkedIn: count,
  noShow: count,
  cancelled: count,
  /** People expected by the bookings not cancelled. */
  people: count,
});
export type CounterFigures = z.infer<typeof counterFiguresSchema>;

/** One room's bookings whose first day falls in the month; `blocks` counts block-days held (confirmed or 仮予約). */
export const roomFiguresSchema = z.strictObject({
  facilityId: z.string(),
  roomId: z.string(),
  name: z.string(),
  booked: count,
  provisional: count,
  cancelled: count,
  blocks: count,
});
export type RoomFigures = z.infer<typeof roomFiguresSchema>;

/** The figures' answer; the same figures are also sent as a CSV file. */
export const staffFiguresSchema = z.strictObject({
  month: z.string(),
  counter: z.array(counterFiguresSchema),
  rooms: z.array(roomFiguresSchema),
});
export type StaffFigures = z.infer<typeof staffFiguresSchema>;

/** The month's first and last day. */
export function monthRange(month: string): { first: string; last: string } {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(days).padStart(2, '0')}` };
}

/** The month's counter figures per visit kind, for the totals line. */
export function counterTotals(rows: readonly CounterFigures[]): CounterFigures[] {
  const byKind = new Map<string, CounterFigures>();
  for (const row of rows) {
    const total = byKind.get(row.kindId) ?? { ...row, date: '', booked: 0, checkedIn: 0, noShow: 0, cancelled: 0, people: 0 };
    total.booked += row.booked;
    total.checkedIn += row.checkedIn;
    total.noShow += row.noShow;
    total.cancelled += row.cancelled;
    total.people += row.people;
    byKind.set(row.kindId, total);
  }
  return [...byKind.values()];
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The figures as CSV for Excel: UTF-8 with a byte-order mark (without it Excel reads Japanese as
 * Shift_JIS and garbles it), CRLF line ends, RFC 4180 quoting. Two tables, one after the other.
 */
export function figuresCsv(figures: StaffFigures): string {
  const lines: (string | number)[][] = [
    ['窓口の予約', figures.month],
    ['日付', '用件', '予約', '来庁済み', '来なかった', '取り消し', '人数'],
    ...figures.counter.map((row) => [row.date, row.kindName, row.booked, row.checkedIn, row.noShow, row.cancelled, row.people]),
    ...counterTotals(figures.counter).map((row) => ['合計', row.kindName, row.booked, row.checkedIn, row.noShow, row.cancelled, row.people]),
    [],
    ['施設の予約（初日がこの月のもの）', figures.month],
    ['施設・部屋', '予約', '仮予約', '取り消し', '使う枠（日×区分）'],
    ...figures.rooms.map((row) => [row.name, row.booked, row.provisional, row.cancelled, row.blocks]),
  ];
  return `\uFEFF${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * The months the figures offer, newest first: next month (bookings already reach into it: the
 * counter's window is a month ahead), this month (the one shown first) and the twelve before it.
 */
export function reportMonths(today: string): { months: string[]; thisMonth: string } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const months = Array.from({ length: 14 }, (_, index) => {
    const count = year * 12 + (month - 1) + 1 - index;
    return `${String(Math.floor(count / 12))}-${String((count % 12) + 1).padStart(2, '0')}`;
  });
  return { months, thisMonth: today.slice(0, 7) };
}
