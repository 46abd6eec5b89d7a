import type { Pool, PoolClient } from 'pg';
import type { RoomAcceptOutcome, RoomDay, RoomOfferedEntry, RoomWaitlistStore } from '../../../booking/room-waitlist-store.ts';
import { type RoomQueueEntry, roomJoinRefusal, settleRoomQueue } from '../../../domain/room-waitlist.ts';
import { acceptRefusal, positionOnJoining } from '../../../domain/waitlist-queue.ts';
import { type RoomWaitlistRow, toRoomWaitlistEntry } from '../store-rows.ts';
import { releaseExpiredNow, replaceFacilityMails, roomKey } from './postgres-facility-store.ts';
import { withIdempotency } from './postgres-idempotency.ts';
import { inTransaction, LOCK_NAMESPACE, lockFor } from './transaction.ts';

const ENTRY_COLUMNS = `id, facility_id, room_id, date, block_ids, residency, group_type, head_count, state, purpose, group_name, name_kana,
  phone, email, held_until, booking_code`;

/**
 * Takes the room's lock (the one every booking of the room takes before it holds segments), then
 * reads the day's segments and queue: the rules read a state no booking, hold or queue change of the
 * room is changing meanwhile. 仮予約 past their deadline are released first, as a booking does.
 */
async function lockedDay(client: PoolClient, day: RoomDay, now: string) {
  const room = roomKey(day.facilityId, day.roomId);
  await lockFor(client, LOCK_NAMESPACE.facilityRoom, room);
  await releaseExpiredNow(client, now);
  const segments = await client.query<{ segment: string; city: boolean }>(
    `SELECT to_char(lower(during), 'HH24:MI') AS segment, room_block_id IS NOT NULL AS city FROM facility_booked_segments
     WHERE room = $1 AND during && tsrange($2::date, $2::date + 1, '[)')`,
    [room, day.date],
  );
  const entries = await client.query<RoomQueueEntry>(
    `SELECT id, state, held_until AS "heldUntil", segments FROM facility_waitlist
     WHERE facility_id = $1 AND room_id = $2 AND date = $3 AND state IN ('waiting', 'offered') ORDER BY id`,
    [day.facilityId, day.roomId, day.date],
  );
  return {
    taken: new Set(segments.rows.map((row) => row.segment)),
    cityHeld: new Set(segments.rows.filter((row) => row.city).map((row) => row.segment)),
    entries: entries.rows,
  };
}

/** The entry holding the offer with this link's secret, locked after its room (see lockedDay). */
async function lockedOffer(client: PoolClient, tokenHash: string): Promise<RoomWaitlistRow | null> {
  const found = await client.query<{ facility_id: string; room_id: string }>('SELECT facility_id, room_id FROM facility_waitlist WHERE offer_token_hash = $1', [
    tokenHash,
  ]);
  const room = found.rows[0];
  if (!room) return null;
  await lockFor(client, LOCK_NAMESPACE.facilityRoom, roomKey(room.facility_id, room.room_id));
  const { rows } = await client.query<RoomWaitlistRow>(`SELECT ${ENTRY_COLUMNS} FROM facility_waitlist WHERE offer_token_hash = $1 FOR UPDATE`, [tokenHash]);
  return rows[0] ?? null;
}

/** An offer ends: its unsent mail is not sent (its link would only say it is over), and its segments come free. */
async function endOffer(client: PoolClient, entryId: number): Promise<void> {
  await client.query("DELETE FROM outbox WHERE facility_waitlist_entry = $1 AND status = 'queued'", [entryId]);
  await client.query('DELETE FROM facility_booked_segments WHERE waitlist_entry_id = $1', [entryId]);
}

/** キャンセル待ち for rooms in PostgreSQL: the same rules as SQLite's, each change one transaction under the room's lock. */
export function postgresRoomWaitlistStore(pool: Pool): RoomWaitlistStore {
  return {
    join: (entry) =>
      inTransaction(pool, async (client) => {
        const state = await lockedDay(client, entry, entry.now);
        const already = await client.query(
          "SELECT 1 FROM facility_waitlist WHERE facility_id = $1 AND room_id = $2 AND date = $3 AND email = $4 AND state IN ('waiting', 'offered')",
          [entry.facilityId, entry.roomId, entry.date, entry.email],
        );
        const refusal = roomJoinRefusal(state, entry.segments, (already.rowCount ?? 0) > 0, entry.maxWaiting);
        if (refusal) return { joined: false as const, refusal };
        await client.query(
          `INSERT INTO facility_waitlist (facility_id, room_id, date, block_ids, segments, residency, group_type, head_count, state,
             purpose, group_name, name_kana, phone, email, joined_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'waiting', $9, $10, $11, $12, $13, $14, $14)`,
          [
            entry.facilityId,
            entry.roomId,
            entry.date,
            entry.blockIds,
            entry.segments,
            entry.residency,
            entry.group,
            entry.headCount,
            entry.purpose,
            entry.groupName,
            entry.nameKana,
            entry.phone,
            entry.email,
            entry.now,
          ],
        );
        return { joined: true as const, position: positionOnJoining(state.entries) };
      }),

    settle: (day, now, offers) =>
      inTransaction(pool, async (client) => {
        const state = await lockedDay(client, day, now);
        const step = settleRoomQueue(state, new Date(now), offers.length);
        for (const id of step.expire) {
          const expired = await client.query("UPDATE facility_waitlist SET state = 'expired', updated_at = $1 WHERE id = $2 AND state = 'offered'", [now, id]);
          if (expired.rowCount === 1) await endOffer(client, id);
        }
        let offered = 0;
        for (const [index, id] of step.offer.entries()) {
          const prepared = offers[index];
          const entry = state.entries.find((candidate) => candidate.id === id);
          if (!prepared || !entry) break;
          // The hold takes the segments like a booking, under the same exclusion constraint.
          await client.query(
            `INSERT INTO facility_booked_segments (waitlist_entry_id, room, during)
             SELECT $1, $2, tsrange($3::date + start::time, $3::date + start::time, '[]') FROM unnest($4::text[]) AS start ORDER BY start`,
            [id, roomKey(day.facilityId, day.roomId), day.date, entry.segments],
          );
          const { rows } = await client.query<RoomOfferedEntry>(
            `UPDATE facility_waitlist SET state = 'offered', offer_token_hash = $1, held_until = $2, updated_at = $3
             WHERE id = $4 AND state = 'waiting'
             RETURNING id, facility_id AS "facilityId", room_id AS "roomId", date, block_ids AS "blockIds", email`,
            [prepared.tokenHash, prepared.heldUntil, now, id],
          );
          const offeredEntry = rows[0];
          if (!offeredEntry) throw new Error('キャンセル待ちの順番が、ロックの中で変わりました。');
          const message = prepared.mail(offeredEntry);
          await client.query(
            `INSERT INTO outbox (key, kind, facility_waitlist_entry, recipient, subject, body, due_at, status, next_attempt_at, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', $7, $8)`,
            [message.key, message.kind, id, message.recipient, message.subject, message.body, message.dueAt, now],
          );
          offered += 1;
        }
        return offered;
      }),

    async daysWithQueue(fromDate) {
      const { rows } = await pool.query<RoomDay>(
        `SELECT DISTINCT facility_id AS "facilityId", room_id AS "roomId", date FROM facility_waitlist
         WHERE date >= $1 AND state IN ('waiting', 'offered') ORDER BY date, "facilityId", "roomId"`,
        [fromDate],
      );
      return rows;
    },

    async findByOfferToken(tokenHash) {
      const { rows } = await pool.query<RoomWaitlistRow>(`SELECT ${ENTRY_COLUMNS} FROM facility_waitlist WHERE offer_token_hash = $1`, [tokenHash]);
      return rows[0] ? toRoomWaitlistEntry(rows[0]) : null;
    },

    accept: (tokenHash, booking, idempotency, answer) =>
      inTransaction(pool, (client) =>
        withIdempotency<RoomAcceptOutcome>(
          client,
          idempotency,
          booking.now,
          async () => {
            const row = await lockedOffer(client, tokenHash);
            if (!row) return 'not-found';
            const refusal = acceptRefusal({ state: row.state, heldUntil: row.held_until }, new Date(booking.now));
            if (refusal) return refusal;
            const existing = await client.query('SELECT 1 FROM facility_bookings WHERE code = $1', [booking.code]);
            if (existing.rowCount) return 'code-taken';
            const { rows } = await client.query<{ id: number }>(
              `INSERT INTO facility_bookings
                 (code, facility_id, room_id, dates, block_ids, first_date, last_date, residency, group_type, head_count, fee,
                  status, provisional_until, apply_by, purpose, group_name, name_kana, phone, email, created_at, updated_at)
               SELECT $1, facility_id, room_id, ARRAY[date], block_ids, date, date, residency, group_type, head_count, $2,
                  $3, $4, $5, purpose, group_name, name_kana, phone, email, $6, $6 FROM facility_waitlist WHERE id = $7
               RETURNING id`,
              [booking.code, booking.fee, booking.status, booking.provisionalUntil, booking.applyBy, booking.now, row.id],
            );
            // The held rows become the booking's: the booking takes no other segment.
            await client.query('UPDATE facility_booked_segments SET booking_id = $1, waitlist_entry_id = NULL WHERE waitlist_entry_id = $2', [
              rows[0]?.id,
              row.id,
            ]);
            await client.query("INSERT INTO booking_links (booking_kind, code, token_hash, opened_by, created_at) VALUES ('facility', $1, $2, 'booking', $3)", [
              booking.code,
              booking.tokenHash,
              booking.now,
            ]);
            await client.query("UPDATE facility_waitlist SET state = 'accepted', booking_code = $1, updated_at = $2 WHERE id = $3", [
              booking.code,
              booking.now,
              row.id,
            ]);
            await replaceFacilityMails(client, booking.code, booking.mails, booking.now);
            return 'booked';
          },
          (outcome) => outcome === 'booked',
          answer,
        ),
      ),

    decline: (tokenHash, now) =>
      inTransaction(pool, async (client) => {
        const row = await lockedOffer(client, tokenHash);
        if (!row) return 'not-found' as const;
        const refusal = acceptRefusal({ state: row.state, heldUntil: row.held_until }, new Date(now));
        if (refusal) return refusal;
        await client.query("UPDATE facility_waitlist SET state = 'declined', updated_at = $1 WHERE id = $2", [now, row.id]);
        await endOffer(client, row.id);
        return 'declined' as const;
      }),

    deletePersonalDataUpTo: (lastDate, now) =>
      inTransaction(pool, async (client) => {
        await client.query('DELETE FROM outbox WHERE facility_waitlist_entry IN (SELECT id FROM facility_waitlist WHERE date <= $1)', [lastDate]);
        const result = await client.query(
          `UPDATE facility_waitlist SET purpose = NULL, group_name = NULL, name_kana = NULL, phone = NULL, email = NULL, personal_data_deleted_at = $1
           WHERE date <= $2 AND personal_data_deleted_at IS NULL`,
          [now, lastDate],
        );
        return result.rowCount ?? 0;
      }),
  };
}
