import type Database from 'better-sqlite3';
import type { DaySheetBooking } from '../../domain/room-blocks.ts';
import { expiredReleaser, isSegmentTaken, roomKey } from './sqlite-facility-store.ts';
import type { NewRoomBlockRecord, RoomBlockOutcome, RoomBlockRow, StaffStore } from './staff-store.ts';

interface BlockRow {
  id: number;
  facility_id: string;
  room_id: string;
  date: string;
  block_ids_json: string;
  reason: string;
  created_at: string;
  created_by: string;
}

const toBlock = (row: BlockRow): RoomBlockRow => ({
  id: row.id,
  facilityId: row.facility_id,
  roomId: row.room_id,
  date: row.date,
  blockIds: JSON.parse(row.block_ids_json) as string[],
  reason: row.reason,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

const BLOCK_COLUMNS = `b.id, b.facility_id, b.room_id, b.date, b.block_ids_json, b.reason, b.created_at, a.display_name AS created_by
  FROM facility_room_blocks b JOIN staff_accounts a ON a.id = b.account_id`;

type RoomBlockMethods = Pick<StaffStore, 'blockRoom' | 'unblockRoom' | 'listRoomBlocks' | 'roomDay'>;

/**
 * The desk's blocks of a room in SQLite. The check and the block are one BEGIN IMMEDIATE
 * transaction, so no booking comes in between; the segments' PRIMARY KEY would refuse one anyway.
 */
export function sqliteRoomBlocks(db: Database.Database): RoomBlockMethods {
  const releaseExpired = expiredReleaser(db);
  const holders = db.prepare(`SELECT DISTINCT s.booking_id, s.room_block_id, b.code, b.block_ids_json, b.status
    FROM facility_booked_segments s LEFT JOIN facility_bookings b ON b.id = s.booking_id
    WHERE s.room_key = ? AND s.date = ? AND s.segment IN (SELECT value FROM json_each(?))
    ORDER BY b.code`);
  const insertBlock = db.prepare(`INSERT INTO facility_room_blocks (facility_id, room_id, date, block_ids_json, reason, created_at, account_id)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertSegment = db.prepare('INSERT INTO facility_booked_segments (room_key, date, segment, room_block_id) VALUES (?, ?, ?, ?)');

  const place = db.transaction((block: NewRoomBlockRecord) => {
    const { lastInsertRowid } = insertBlock.run(
      block.facilityId,
      block.roomId,
      block.date,
      JSON.stringify(block.blockIds),
      block.reason,
      block.now,
      block.accountId,
    );
    const key = roomKey(block.facilityId, block.roomId);
    for (const segment of block.segments) insertSegment.run(key, block.date, segment, Number(lastInsertRowid));
    return Number(lastInsertRowid);
  });

  const blockRoom = db.transaction((block: NewRoomBlockRecord): RoomBlockOutcome => {
    releaseExpired(block.now);
    const rows = holders.all(roomKey(block.facilityId, block.roomId), block.date, JSON.stringify(block.segments)) as {
      booking_id: number | null;
      code: string | null;
      block_ids_json: string | null;
      status: 'booked' | 'provisional' | null;
    }[];
    if (rows.length > 0) {
      const bookings = rows.flatMap((row) =>
        row.code && row.block_ids_json && row.status ? [{ code: row.code, blockIds: JSON.parse(row.block_ids_json) as string[], status: row.status }] : [],
      );
      return { blocked: false, bookings, alreadyBlocked: rows.some((row) => row.booking_id === null) };
    }
    try {
      return { blocked: true, id: place(block) };
    } catch (error) {
      if (isSegmentTaken(error)) return { blocked: false, bookings: [], alreadyBlocked: false };
      throw error;
    }
  });

  const blockById = db.prepare(`SELECT ${BLOCK_COLUMNS} WHERE b.id = ?`);
  const unblockRoom = db.transaction((id: number) => {
    const row = blockById.get(id) as BlockRow | undefined;
    if (!row) return null;
    db.prepare('DELETE FROM facility_booked_segments WHERE room_block_id = ?').run(id);
    db.prepare('DELETE FROM facility_room_blocks WHERE id = ?').run(id);
    return toBlock(row);
  });

  const blocksFrom = db.prepare(`SELECT ${BLOCK_COLUMNS} WHERE b.date >= ? ORDER BY b.date, b.facility_id, b.room_id, b.id LIMIT 500`);
  const blocksOfDay = db.prepare(`SELECT ${BLOCK_COLUMNS} WHERE b.facility_id = ? AND b.room_id = ? AND b.date = ? ORDER BY b.id`);
  const bookingsOfDay = db.prepare(`SELECT b.code, b.dates_json, b.block_ids_json, b.status, b.group_name, b.head_count, p.code IS NOT NULL AS paid
    FROM facility_bookings b LEFT JOIN facility_fee_payments p ON p.code = b.code
    WHERE b.facility_id = ? AND b.room_id = ? AND b.first_date <= ? AND b.last_date >= ?
      AND (b.status = 'booked' OR (b.status = 'provisional' AND b.provisional_until > ?))
    ORDER BY b.code`);

  return {
    blockRoom: (block) => Promise.resolve(blockRoom.immediate(block)),
    unblockRoom: (id) => Promise.resolve(unblockRoom.immediate(id)),
    listRoomBlocks: (fromDate) => Promise.resolve((blocksFrom.all(fromDate) as BlockRow[]).map(toBlock)),
    roomDay(facilityId, roomId, date, now) {
      const rows = bookingsOfDay.all(facilityId, roomId, date, date, now) as {
        code: string;
        dates_json: string;
        block_ids_json: string;
        status: 'booked' | 'provisional';
        group_name: string | null;
        head_count: number;
        paid: number;
      }[];
      const bookings = rows
        .filter((row) => (JSON.parse(row.dates_json) as string[]).includes(date))
        .map((row): DaySheetBooking => ({
          code: row.code,
          blockIds: JSON.parse(row.block_ids_json) as string[],
          status: row.status,
          paid: row.paid === 1,
          groupName: row.group_name,
          headCount: row.head_count,
        }));
      return Promise.resolve({ bookings, blocks: (blocksOfDay.all(facilityId, roomId, date) as BlockRow[]).map(toBlock) });
    },
  };
}
