import type { Pool } from 'pg';
import type { DaySheetBooking } from '../../../domain/room-blocks.ts';
import type { RoomBlockRow, StaffStore } from '../staff-store.ts';
import { OVERLAP_REFUSED, releaseExpiredNow, roomKey } from './postgres-facility-store.ts';
import { inTransaction, LOCK_NAMESPACE, lockFor, orRefused } from './transaction.ts';

interface BlockRow {
  id: number;
  facility_id: string;
  room_id: string;
  date: string;
  block_ids: string[];
  reason: string;
  created_at: string;
  created_by: string;
}

const toBlock = (row: BlockRow): RoomBlockRow => ({
  id: row.id,
  facilityId: row.facility_id,
  roomId: row.room_id,
  date: row.date,
  blockIds: row.block_ids,
  reason: row.reason,
  createdAt: row.created_at,
  createdBy: row.created_by,
});

const BLOCK_COLUMNS = `b.id, b.facility_id, b.room_id, b.date, b.block_ids, b.reason, b.created_at, a.display_name AS created_by
  FROM facility_room_blocks b JOIN staff_accounts a ON a.id = b.account_id`;

type RoomBlockMethods = Pick<StaffStore, 'blockRoom' | 'unblockRoom' | 'listRoomBlocks' | 'roomDay'>;

/**
 * The desk's blocks of a room in PostgreSQL. The block takes the room's transaction lock, the same
 * one every booking of the room takes before it holds segments, so the check and the block see no
 * booking come in between; the exclusion constraint refuses an overlap whatever happens.
 */
export function postgresRoomBlocks(pool: Pool): RoomBlockMethods {
  return {
    blockRoom: (block) =>
      inTransaction(pool, async (client) => {
        const room = roomKey(block.facilityId, block.roomId);
        await lockFor(client, LOCK_NAMESPACE.facilityRoom, room);
        await releaseExpiredNow(client, block.now);
        const starts = block.segments.map((segment) => `${block.date}T${segment}`);
        const { rows } = await client.query<{
          room_block_id: number | null;
          code: string | null;
          block_ids: string[] | null;
          status: 'booked' | 'provisional' | null;
        }>(
          `SELECT DISTINCT s.room_block_id, b.code, b.block_ids, b.status
           FROM facility_booked_segments s LEFT JOIN facility_bookings b ON b.id = s.booking_id
           WHERE s.room = $1 AND lower(s.during) = ANY ($2::timestamp[])`,
          [room, starts],
        );
        if (rows.length > 0) {
          const bookings = rows
            .flatMap((row) => (row.code && row.block_ids && row.status ? [{ code: row.code, blockIds: row.block_ids, status: row.status }] : []))
            .sort((a, b) => (a.code < b.code ? -1 : 1));
          return { blocked: false as const, bookings, alreadyBlocked: rows.some((row) => row.room_block_id !== null) };
        }
        return orRefused(
          client,
          OVERLAP_REFUSED,
          async () => {
            const inserted = await client.query<{ id: number }>(
              `INSERT INTO facility_room_blocks (facility_id, room_id, date, block_ids, reason, created_at, account_id)
               VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
              [block.facilityId, block.roomId, block.date, block.blockIds, block.reason, block.now, block.accountId],
            );
            const id = inserted.rows[0]?.id ?? -1;
            await client.query(
              `INSERT INTO facility_booked_segments (room_block_id, room, during)
               SELECT $1, $2, tsrange(start, start, '[]') FROM unnest($3::timestamp[]) AS start ORDER BY start`,
              [id, room, starts],
            );
            return { blocked: true as const, id };
          },
          { blocked: false as const, bookings: [], alreadyBlocked: false },
        );
      }),

    unblockRoom: (id) =>
      inTransaction(pool, async (client) => {
        const { rows } = await client.query<BlockRow>(`SELECT ${BLOCK_COLUMNS} WHERE b.id = $1 FOR UPDATE OF b`, [id]);
        const row = rows[0];
        if (!row) return null;
        await client.query('DELETE FROM facility_booked_segments WHERE room_block_id = $1', [id]);
        await client.query('DELETE FROM facility_room_blocks WHERE id = $1', [id]);
        return toBlock(row);
      }),

    async listRoomBlocks(fromDate) {
      const { rows } = await pool.query<BlockRow>(
        `SELECT ${BLOCK_COLUMNS} WHERE b.date >= $1 ORDER BY b.date, b.facility_id COLLATE "C", b.room_id COLLATE "C", b.id LIMIT 500`,
        [fromDate],
      );
      return rows.map(toBlock);
    },

    async roomDay(facilityId, roomId, date, now) {
      const [bookings, blocks] = await Promise.all([
        pool.query<{ code: string; block_ids: string[]; status: 'booked' | 'provisional'; group_name: string | null; head_count: number; paid: boolean }>(
          `SELECT b.code, b.block_ids, b.status, b.group_name, b.head_count, p.code IS NOT NULL AS paid
           FROM facility_bookings b LEFT JOIN facility_fee_payments p ON p.code = b.code
           WHERE b.facility_id = $1 AND b.room_id = $2 AND $3::date = ANY (b.dates)
             AND (b.status = 'booked' OR (b.status = 'provisional' AND b.provisional_until > $4))
           ORDER BY b.code COLLATE "C"`,
          [facilityId, roomId, date, now],
        ),
        pool.query<BlockRow>(`SELECT ${BLOCK_COLUMNS} WHERE b.facility_id = $1 AND b.room_id = $2 AND b.date = $3 ORDER BY b.id`, [facilityId, roomId, date]),
      ]);
      return {
        bookings: bookings.rows.map((row): DaySheetBooking => ({
          code: row.code,
          blockIds: row.block_ids,
          status: row.status,
          paid: row.paid,
          groupName: row.group_name,
          headCount: row.head_count,
        })),
        blocks: blocks.rows.map(toBlock),
      };
    },
  };
}
