import { z } from 'zod';
import type { Facility } from './facilities.ts';
import { facilityClosedReason } from './facility-rules.ts';
import { daysFrom, parseTime } from './japan-time.ts';
import './validation.ts';

/**
 * The month's figures the city reports on (its DX plan counts use of the online services): counter
 * bookings by day and visit kind, with check-ins and no-shows, the rooms' bookings, and each room's
 * occupancy (hours booked over hours bookable). Counts only: never a name, a phone or a code.
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

/** One room on one day: the minutes held by bookings (confirmed or 仮予約) and the minutes it could be booked. */
const occupancyDaySchema = z.strictObject({ date: z.string(), bookedMinutes: count, bookableMinutes: count });

/** One room's occupancy in the month, day by day and in all (see `roomOccupancy`). */
export const roomOccupancySchema = z.strictObject({
  facilityId: z.string(),
  roomId: z.string(),
  name: z.string(),
  bookedMinutes: count,
  bookableMinutes: count,
  days: z.array(occupancyDaySchema),
});
export type RoomOccupancy = z.infer<typeof roomOccupancySchema>;

/** The figures' answer; the same figures are also sent as a CSV file. */
export const staffFiguresSchema = z.strictObject({
  month: z.string(),
  counter: z.array(counterFiguresSchema),
  rooms: z.array(roomFiguresSchema),
  occupancy: z.array(roomOccupancySchema),
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

/** A booking that holds its room (confirmed or 仮予約): the days and the blocks it holds on each. */
export interface HeldRoomDays {
  facilityId: string;
  roomId: string;
  dates: readonly string[];
  blockIds: readonly string[];
}

/** Minutes covered by time spans ('09:00'–'12:00' …) that may overlap: 全日 and 午前 together are 全日. */
function coveredMinutes(spans: readonly { start: string; end: string }[]): number {
  const sorted = spans.map((span) => [parseTime(span.start) ?? 0, parseTime(span.end) ?? 0] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reach = 0;
  for (const [start, end] of sorted) {
    if (end <= reach) continue;
    total += end - Math.max(start, reach);
    reach = end;
  }
  return total;
}

/**
 * The minutes a room can be booked on a day: the time its blocks cover (the room's opening hours in
 * content), on a day the facility is open; 0 on its closed days. At the 文化会館 午前 9–12, 午後 13–17,
 * 夜間 18–21 and 全日 9–21 cover 9:00–21:00, 12 hours: a day booked 午前, 午後 and 夜間 is 10 of 12
 * (the breaks between them are let only with 全日, which holds them).
 */
export function bookableMinutes(facility: Pick<Facility, 'blocks' | 'closed'>, date: string): number {
  return facilityClosedReason(date, facility.closed) ? 0 : coveredMinutes(facility.blocks);
}

/**
 * Room occupancy in a month: for every room booked in this portal (and any other room that holds a
 * booking), per day the minutes held by bookings over the minutes it could be booked, and the
 * month's sums. A booking's blocks on one day are counted once where they overlap; two bookings
 * never overlap (the store refuses it).
 */
export function roomOccupancy(month: string, facilities: readonly Facility[], held: readonly HeldRoomDays[]): RoomOccupancy[] {
  const { first, last } = monthRange(month);
  const days = daysFrom(first, last, 31);
  const heldMinutes = new Map<string, number>();
  for (const booking of held) {
    const blocks = facilities.find((facility) => facility.id === booking.facilityId)?.blocks ?? [];
    const minutes = coveredMinutes(blocks.filter((block) => booking.blockIds.includes(block.id)));
    for (const date of booking.dates) {
      const key = `${booking.facilityId}/${booking.roomId}/${date}`;
      heldMinutes.set(key, (heldMinutes.get(key) ?? 0) + minutes);
    }
  }
  const heldRooms = new Set(held.map((booking) => `${booking.facilityId}/${booking.roomId}`));
  return facilities.flatMap((facility) =>
    facility.rooms
      .filter((room) => (facility.route.kind === 'portal' && !facility.sample) || heldRooms.has(`${facility.id}/${room.id}`))
      .map((room) => {
        const perDay = days.map((date) => ({
          date,
          bookedMinutes: heldMinutes.get(`${facility.id}/${room.id}/${date}`) ?? 0,
          bookableMinutes: bookableMinutes(facility, date),
        }));
        return {
          facilityId: facility.id,
          roomId: room.id,
          name: `${facility.name} ${room.name}`,
          bookedMinutes: perDay.reduce((sum, day) => sum + day.bookedMinutes, 0),
          bookableMinutes: perDay.reduce((sum, day) => sum + day.bookableMinutes, 0),
          days: perDay,
        };
      }),
  );
}

/** Minutes as hours for the figures: 750 → '12.5'. */
export function hoursText(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** Booked over bookable as a share: '41.7%'; '－' when the room could not be booked at all (closed). */
export function occupancyShare(bookedMinutes: number, bookableMinutes: number): string {
  return bookableMinutes === 0 ? '－' : `${(Math.round((bookedMinutes / bookableMinutes) * 1000) / 10).toFixed(1)}%`;
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
    [],
    ['部屋の利用率（予約した時間 ÷ 予約できる時間）', figures.month],
    ['日付', '施設・部屋', '予約した時間', '予約できる時間', '利用率'],
    ...figures.occupancy.flatMap((room) =>
      room.days.map((day) => [
        day.date,
        room.name,
        hoursText(day.bookedMinutes),
        hoursText(day.bookableMinutes),
        occupancyShare(day.bookedMinutes, day.bookableMinutes),
      ]),
    ),
    ...figures.occupancy.map((room) => [
      '合計',
      room.name,
      hoursText(room.bookedMinutes),
      hoursText(room.bookableMinutes),
      occupancyShare(room.bookedMinutes, room.bookableMinutes),
    ]),
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
