import { z } from 'zod';
import { isoDateSchema } from './city.ts';
import { formatReservationCode } from './citizen-fields.ts';
import { REQUEST_WINDOW } from './date-range.ts';
import { blockText, type FacilitiesContent, type Facility, type Room } from './facilities.ts';
import { blockSegments, closedLabel, facilityClosedReason } from './facility-rules.ts';
import { addDays, formatJapaneseDate, type IsoDate } from './japan-time.ts';

/**
 * The facility desk blocks a room for the city's own use (市の行事, 設備点検): on one day, in some of
 * the facility's booking blocks, with a reason. A block holds the room's segments the way a booking
 * does, so the store's overlap guard keeps citizens' bookings and blocks apart whatever the timing.
 */

const contentId = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, '施設・部屋を選んでください。');

export const ROOM_BLOCK_REASON_MAX = 100;

export const newRoomBlockSchema = z.strictObject({
  facilityId: contentId,
  roomId: contentId,
  date: isoDateSchema,
  blockIds: z
    .array(z.string().max(40))
    .min(1, '止める時間を1つ以上選んでください。')
    .max(10)
    .refine((ids) => new Set(ids).size === ids.length, '同じ時間が重なっています。'),
  reason: z
    .string()
    .trim()
    .min(1, '止める理由を入力してください（例：市の行事、設備点検）。')
    .max(ROOM_BLOCK_REASON_MAX, `理由は${String(ROOM_BLOCK_REASON_MAX)}文字までです。`),
});
export type NewRoomBlock = z.infer<typeof newRoomBlockSchema>;

/** A block as the desk lists it. */
export const roomBlockSchema = z.strictObject({
  id: z.number().int(),
  facilityId: z.string(),
  roomId: z.string(),
  facilityName: z.string(),
  roomName: z.string(),
  date: z.string(),
  blockIds: z.array(z.string()),
  /** 午前（9:00～12:00）、午後（13:00～17:00） */
  hours: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type RoomBlock = z.infer<typeof roomBlockSchema>;

/** The rooms the portal books (a sample stands in for a room that does not exist, so it is never blocked). */
export function blockableRooms(content: FacilitiesContent): { facility: Facility; room: Room }[] {
  return content.facilities
    .filter((facility) => facility.route.kind === 'portal' && !facility.sample)
    .flatMap((facility) => facility.rooms.map((room) => ({ facility, room })));
}

/** The facility's blocks named, in the facility's own order: 午前（9:00～12:00）、午後（13:00～17:00）. */
export function blockHours(facility: Facility, blockIds: readonly string[]): string {
  return facility.blocks
    .filter((block) => blockIds.includes(block.id))
    .map(blockText)
    .join('、');
}

export type RoomBlockChoice =
  { ok: true; facility: Facility; room: Room; segments: string[] } | { ok: false; message: string; path: 'roomId' | 'date' | 'blockIds' };

/**
 * Checks a block against the content and the day: a room the portal books, a day from today up to
 * the furthest day a request may name (a city event is planned before citizens' bookings open), not
 * a closed day, blocks of the facility's own grid. Returns the segments the block holds.
 */
export function checkRoomBlock(
  block: Pick<NewRoomBlock, 'facilityId' | 'roomId' | 'date' | 'blockIds'>,
  content: FacilitiesContent,
  today: IsoDate,
): RoomBlockChoice {
  const found = blockableRooms(content).find(({ facility, room }) => facility.id === block.facilityId && room.id === block.roomId);
  if (!found) return { ok: false, message: 'このアプリで予約を受けている部屋を選んでください。', path: 'roomId' };
  const { facility, room } = found;
  if (block.date < today) return { ok: false, message: '今日より前の日は止められません。', path: 'date' };
  const latest = addDays(today, REQUEST_WINDOW.daysAhead);
  if (block.date > latest) return { ok: false, message: `${formatJapaneseDate(latest)}までの日を選んでください。`, path: 'date' };
  const closed = facilityClosedReason(block.date, facility.closed);
  if (closed) return { ok: false, message: `その日は休館日です（${closedLabel(closed)}）。止める必要はありません。`, path: 'date' };
  const blocks = facility.blocks.filter((candidate) => block.blockIds.includes(candidate.id));
  if (blocks.length !== block.blockIds.length) return { ok: false, message: `${facility.name}の時間の区分から選んでください。`, path: 'blockIds' };
  const segments = [...new Set(blocks.flatMap((candidate) => blockSegments(facility.blocks, candidate)))].sort();
  return { ok: true, facility, room, segments };
}

/** A citizen's booking in the way of a block, for the desk to phone. */
export interface BlockingBooking {
  code: string;
  blockIds: string[];
  status: 'booked' | 'provisional';
}

const BOOKING_STATE_NAMES = { booked: '本予約', provisional: '仮予約' } as const;

/** The refusal when bookings are held in the time asked for: each one's code, time and state, so the manager can phone. */
export function blockRefusalMessage(facility: Facility, bookings: readonly BlockingBooking[]): string {
  const listed = bookings
    .map((booking) => `${formatReservationCode(booking.code)}（${blockHours(facility, booking.blockIds)}、${BOOKING_STATE_NAMES[booking.status]}）`)
    .join('、');
  return `この時間には予約が${String(bookings.length)}件あります：${listed}。予約の方に連絡して、取り消しや変更が済んでから止めてください。`;
}

export const ROOM_BLOCK_MESSAGES = {
  alreadyBlocked: 'この時間は、もう止めてあります。一覧をご覧ください。',
  raced: 'ちょうど予約が入りました。もう一度お試しください。',
  notFound: 'その部屋の止め設定は見つかりませんでした。',
} as const;

// The printable day sheet of one room: its bookings and blocks of one day, in time order.

export const DAY_SHEET_STATES = ['仮予約', '本予約', '支払い済み', '市の使用'] as const;

export const daySheetQuerySchema = z.object({ facilityId: contentId, roomId: contentId, date: isoDateSchema });

export const daySheetEntrySchema = z.strictObject({
  /** 'HH:MM', for the order. */
  start: z.string(),
  hours: z.string(),
  state: z.enum(DAY_SHEET_STATES),
  /** The booking's code; null for the city's own use. */
  code: z.string().nullable(),
  /** The group as the desk shows it (null once deleted by retention, or for the city's use). */
  groupName: z.string().nullable(),
  headCount: z.number().int().nullable(),
  /** The city's reason, for a block. */
  reason: z.string().nullable(),
});
export type DaySheetEntry = z.infer<typeof daySheetEntrySchema>;

export const daySheetSchema = z.strictObject({
  facilityName: z.string(),
  roomName: z.string(),
  date: z.string(),
  entries: z.array(daySheetEntrySchema),
});
export type DaySheet = z.infer<typeof daySheetSchema>;

export interface DaySheetBooking {
  code: string;
  blockIds: string[];
  status: 'booked' | 'provisional';
  paid: boolean;
  groupName: string | null;
  headCount: number;
}

/** The day's lines: one per booking and one per block, earliest first (a booking before a block at the same time). */
export function daySheetEntries(
  facility: Facility,
  bookings: readonly DaySheetBooking[],
  blocks: readonly Pick<RoomBlock, 'blockIds' | 'reason'>[],
): DaySheetEntry[] {
  const firstStart = (blockIds: readonly string[]) =>
    facility.blocks
      .filter((block) => blockIds.includes(block.id))
      .map((block) => block.start)
      .sort()[0] ?? '';
  const entries: DaySheetEntry[] = [
    ...bookings.map((booking) => ({
      start: firstStart(booking.blockIds),
      hours: blockHours(facility, booking.blockIds),
      state: booking.status === 'provisional' ? ('仮予約' as const) : booking.paid ? ('支払い済み' as const) : ('本予約' as const),
      code: booking.code,
      groupName: booking.groupName,
      headCount: booking.headCount,
      reason: null,
    })),
    ...blocks.map((block) => ({
      start: firstStart(block.blockIds),
      hours: blockHours(facility, block.blockIds),
      state: '市の使用' as const,
      code: null,
      groupName: null,
      headCount: null,
      reason: block.reason,
    })),
  ];
  return entries.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}
