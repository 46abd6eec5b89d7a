import type { Pool, PoolClient } from 'pg';
import type { BookedSegment, FacilityStore } from '../../../booking/facility-store.ts';
import type { NewOutboxMessage } from '../../../booking/outbox.ts';
import { type FacilityBookingRow as BookingRow, toFacilityBooking as toBooking, UNSENT_SCHEDULED_FACILITY_MAILS } from '../store-rows.ts';
import { withIdempotency } from './postgres-idempotency.ts';
import { inTransaction, LOCK_NAMESPACE, lockFor, orRefused } from './transaction.ts';

const BOOKING_COLUMNS = `id, code, facility_id, room_id, dates::text[] AS dates, block_ids, residency, group_type, head_count, fee,
  status, provisional_until, apply_by, purpose, group_name, name_kana, phone, email`;

export const roomKey = (facilityId: string, roomId: string) => `${facilityId}/${roomId}`;

/** The exclusion constraint facility_segments_never_overlap said no. */
export const OVERLAP_REFUSED = '23P01';

/**
 * Holds the segments for a booking. Inserted in time order, so two bookings wanting the same
 * segments meet at the first one they share instead of each holding one the other wants (a deadlock).
 */
async function holdSegments(client: PoolClient, bookingId: number, room: string, segments: BookedSegment[]): Promise<void> {
  // One booking of a room at a time, until it commits. The exclusion constraint alone stays correct, but
  // a gist index inserts first and checks after: two bookings of the same segments each find the other's
  // uncommitted row and wait for each other, a deadlock PostgreSQL breaks only after deadlock_timeout.
  // Measured with 200 simultaneous bookings of one room: rounds stalled for seconds, and requests ran
  // into the statement timeout instead of getting their answer. Rooms differ, locks differ.
  await lockFor(client, LOCK_NAMESPACE.facilityRoom, room);
  await client.query(
    `INSERT INTO facility_booked_segments (booking_id, room, during)
     SELECT $1, $2, tsrange(start, start, '[]') FROM unnest($3::timestamp[]) AS start ORDER BY start`,
    [bookingId, room, segments.map((segment) => `${segment.date}T${segment.segment}`)],
  );
}

/**
 * Writes a facility booking's mails in the caller's transaction (the facility desk's decline writes
 * its notice the same way).
 */
async function enqueue(client: PoolClient, code: string, mails: readonly NewOutboxMessage[], now: string): Promise<void> {
  for (const message of mails) {
    await client.query(
      `INSERT INTO outbox (key, kind, facility_code, recipient, subject, body, due_at, status, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', $7, $8)`,
      [message.key, message.kind, code, message.recipient, message.subject, message.body, message.dueAt, now],
    );
  }
}

/** The booking's unsent mails written ahead (UNSENT_SCHEDULED_FACILITY_MAILS) go, and `mails` come in their place. */
export async function replaceFacilityMails(client: PoolClient, code: string, mails: readonly NewOutboxMessage[], now: string): Promise<void> {
  await client.query(`DELETE FROM outbox WHERE facility_code = $1 AND ${UNSENT_SCHEDULED_FACILITY_MAILS}`, [code]);
  await enqueue(client, code, mails, now);
}

/**
 * Releases the 仮予約 whose deadline has passed, claiming each with FOR UPDATE SKIP LOCKED so that
 * any number of instances (and bookings, which release before they book) can run it at once and each
 * expired booking is released by exactly one of them. Returns how many this call released.
 */
export async function releaseExpiredNow(client: PoolClient, now: string): Promise<number> {
  const { rows } = await client.query<{ released: number }>(
    `WITH expired AS (
       SELECT id FROM facility_bookings WHERE status = 'provisional' AND provisional_until <= $1 FOR UPDATE SKIP LOCKED
     ), released AS (
       UPDATE facility_bookings SET status = 'released', updated_at = $1 WHERE id IN (SELECT id FROM expired) RETURNING id, code
     ), freed AS (
       DELETE FROM facility_booked_segments WHERE booking_id IN (SELECT id FROM released)
     ), unsent AS (
       DELETE FROM outbox WHERE facility_code IN (SELECT code FROM released) AND ${UNSENT_SCHEDULED_FACILITY_MAILS}
     )
     SELECT count(*) AS released FROM released`,
    [now],
  );
  return rows[0]?.released ?? 0;
}

async function lockBooking(client: PoolClient, code: string): Promise<BookingRow | undefined> {
  const { rows } = await client.query<BookingRow>(`SELECT ${BOOKING_COLUMNS} FROM facility_bookings WHERE code = $1 FOR UPDATE`, [code]);
  return rows[0];
}

const isActive = (row: BookingRow, now: string) =>
  row.status === 'booked' || (row.status === 'provisional' && row.provisional_until !== null && row.provisional_until > now);

/**
 * Facility bookings in PostgreSQL. A booking and all its segments are written in one transaction;
 * the exclusion constraint refuses any overlap, and a savepoint undoes the whole booking (or move)
 * when one segment is taken, so multi-block bookings are all-or-nothing.
 */
export function postgresFacilityStore(pool: Pool): FacilityStore {
  return {
    async heldSegments(facilityId, roomId, fromDate, toDate, now) {
      const { rows } = await pool.query<{ segment: string }>(
        // A segment the desk blocked for the city's use is held as long as the block stands, one held for a
        // キャンセル待ち offer until the offer ends.
        `SELECT to_char(lower(s.during), 'YYYY-MM-DD"T"HH24:MI') AS segment
         FROM facility_booked_segments s LEFT JOIN facility_bookings b ON b.id = s.booking_id
         WHERE s.room = $1 AND s.during && tsrange($2::date, $3::date + 1, '[)')
           AND (s.room_block_id IS NOT NULL OR s.waitlist_entry_id IS NOT NULL OR b.status = 'booked' OR b.provisional_until > $4)`,
        [roomKey(facilityId, roomId), fromDate, toDate, now],
      );
      return new Set(rows.map((row) => row.segment));
    },

    book: (booking, idempotency, answer) =>
      inTransaction(pool, (client) =>
        withIdempotency(
          client,
          idempotency,
          booking.now,
          async (): Promise<'booked' | 'taken' | 'code-taken'> => {
            await releaseExpiredNow(client, booking.now);
            const existing = await client.query('SELECT 1 FROM facility_bookings WHERE code = $1', [booking.code]);
            if (existing.rowCount) return 'code-taken';
            return orRefused(
              client,
              OVERLAP_REFUSED,
              async () => {
                const { rows } = await client.query<{ id: number }>(
                  `INSERT INTO facility_bookings
                     (code, facility_id, room_id, dates, block_ids, first_date, last_date, residency, group_type, head_count, fee,
                      status, provisional_until, apply_by, purpose, group_name, name_kana, phone, email, created_at, updated_at)
                   VALUES ($1, $2, $3, $4::date[], $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $20)
                   RETURNING id`,
                  [
                    booking.code,
                    booking.facilityId,
                    booking.roomId,
                    booking.dates,
                    booking.blockIds,
                    booking.dates[0],
                    booking.dates.at(-1),
                    booking.residency,
                    booking.group,
                    booking.headCount,
                    booking.fee,
                    booking.status,
                    booking.provisionalUntil,
                    booking.applyBy,
                    booking.purpose,
                    booking.groupName,
                    booking.nameKana,
                    booking.phone,
                    booking.email,
                    booking.now,
                  ],
                );
                await holdSegments(client, rows[0]?.id ?? -1, roomKey(booking.facilityId, booking.roomId), booking.segments);
                await client.query(
                  "INSERT INTO booking_links (booking_kind, code, token_hash, opened_by, created_at) VALUES ('facility', $1, $2, 'booking', $3)",
                  [booking.code, booking.tokenHash, booking.now],
                );
                await enqueue(client, booking.code, booking.mails, booking.now);
                return 'booked' as const;
              },
              'taken' as const,
            );
          },
          (outcome) => outcome === 'booked',
          answer,
        ),
      ),

    async find(code) {
      const { rows } = await pool.query<BookingRow>(
        `SELECT ${BOOKING_COLUMNS}, (SELECT d.reason FROM facility_staff_declines d WHERE d.code = facility_bookings.code) AS city_cancellation_reason
         FROM facility_bookings WHERE code = $1`,
        [code],
      );
      return rows[0] ? toBooking(rows[0]) : null;
    },

    move: (code, change, now, mails) =>
      inTransaction(pool, async (client) => {
        await releaseExpiredNow(client, now);
        const row = await lockBooking(client, code);
        if (!row || !isActive(row, now)) return 'not-active' as const;
        // The old segments go and the new come in one savepoint: if any new one is taken, the old stay.
        return orRefused(
          client,
          OVERLAP_REFUSED,
          async () => {
            await client.query('DELETE FROM facility_booked_segments WHERE booking_id = $1', [row.id]);
            await holdSegments(client, row.id, roomKey(row.facility_id, row.room_id), change.segments);
            await client.query(
              'UPDATE facility_bookings SET dates = $1::date[], block_ids = $2, first_date = $3, last_date = $4, fee = $5, updated_at = $6 WHERE id = $7',
              [change.dates, change.blockIds, change.dates[0], change.dates.at(-1), change.fee, now, row.id],
            );
            await replaceFacilityMails(client, code, mails, now);
            return 'moved' as const;
          },
          'taken' as const,
        );
      }),

    cancel: (code, now) =>
      inTransaction(pool, async (client) => {
        const row = await lockBooking(client, code);
        if (!row || !isActive(row, now)) return 'not-active' as const;
        await client.query('DELETE FROM facility_booked_segments WHERE booking_id = $1', [row.id]);
        await client.query("UPDATE facility_bookings SET status = 'cancelled', provisional_until = NULL, updated_at = $1 WHERE id = $2", [now, row.id]);
        await replaceFacilityMails(client, code, [], now);
        return 'cancelled' as const;
      }),

    confirm: (code, now, reminder) =>
      inTransaction(pool, async (client) => {
        const row = await lockBooking(client, code);
        if (!row || row.status !== 'provisional' || !isActive(row, now)) return 'not-provisional' as const;
        await client.query("UPDATE facility_bookings SET status = 'booked', provisional_until = NULL, updated_at = $1 WHERE id = $2", [now, row.id]);
        await replaceFacilityMails(client, code, reminder ? [reminder] : [], now);
        return 'confirmed' as const;
      }),

    releaseExpired: (now) => inTransaction(pool, (client) => releaseExpiredNow(client, now)),

    deletePersonalDataUpTo: (lastDate, now) =>
      inTransaction(pool, async (client) => {
        // The outbox holds the address too: its rows go with the booking's personal data.
        await client.query('DELETE FROM outbox WHERE facility_code IN (SELECT code FROM facility_bookings WHERE last_date <= $1)', [lastDate]);
        const result = await client.query(
          `UPDATE facility_bookings SET purpose = NULL, group_name = NULL, name_kana = NULL, phone = NULL, email = NULL, personal_data_deleted_at = $1
           WHERE last_date <= $2 AND personal_data_deleted_at IS NULL`,
          [now, lastDate],
        );
        return result.rowCount ?? 0;
      }),
  };
}
