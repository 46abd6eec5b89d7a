import type { Pool, PoolClient } from 'pg';
import type { AcceptOutcome, CounterWaitlistStore, OfferedEntry } from '../../../booking/counter-waitlist-store.ts';
import { joinRefusal, settleWaitlist, type WaitlistSlot } from '../../../domain/counter-waitlist.ts';
import { type ActiveWaitlistEntry, acceptRefusal } from '../../../domain/waitlist-queue.ts';
import { placeInLine } from '../../../domain/counter-waitlist-place.ts';
import { withIdempotency } from './postgres-idempotency.ts';
import { type WaitlistRow, toWaitlistEntry } from '../store-rows.ts';
import { inTransaction } from './transaction.ts';

/**
 * Locks the slot's row, then reads its seats and queue. Every change of a queue, a hold or a booking
 * of the slot takes this row's lock first (a booking by its UPDATE), so they go one at a time and
 * always in the same order (slot, then entry): the rules read a state nobody else is changing.
 * FOR NO KEY UPDATE, as the booking's UPDATE takes: it lets a booking's foreign key to the slot be
 * checked meanwhile.
 */
async function lockedSlot(client: PoolClient, slot: string, capacity: number): Promise<WaitlistSlot> {
  await client.query('INSERT INTO counter_slots (slot, capacity) VALUES ($1, $2) ON CONFLICT (slot) DO NOTHING', [slot, capacity]);
  // A closed slot holds 0 (its trigger keeps it so); otherwise the day's desks, as a booking counts them.
  const { rows } = await client.query<{ booked: number; seats: number }>(
    `SELECT s.booked, CASE WHEN s.capacity = 0 THEN 0 ELSE coalesce((SELECT desks FROM counter_day_desks WHERE date = left($1, 10)::date), $2) END AS seats
     FROM counter_slots s WHERE s.slot = $1 FOR NO KEY UPDATE`,
    [slot, capacity],
  );
  const entries = await client.query<ActiveWaitlistEntry>(
    `SELECT id, state, held_until AS "heldUntil" FROM counter_waitlist WHERE slot = $1 AND state IN ('waiting', 'offered') ORDER BY id`,
    [slot],
  );
  return { seats: rows[0]?.seats ?? 0, taken: rows[0]?.booked ?? 0, entries: entries.rows };
}

/** The entry whose link has this secret (its offer's, or its own page's while waiting), locked after its slot (see lockedSlot). */
async function lockedEntry(client: PoolClient, tokenHash: string): Promise<WaitlistRow | null> {
  const found = await client.query<{ slot: string }>('SELECT slot FROM counter_waitlist WHERE offer_token_hash = $1', [tokenHash]);
  const slot = found.rows[0]?.slot;
  if (slot === undefined) return null;
  await client.query('SELECT 1 FROM counter_slots WHERE slot = $1 FOR NO KEY UPDATE', [slot]);
  const { rows } = await client.query<WaitlistRow>('SELECT * FROM counter_waitlist WHERE offer_token_hash = $1 FOR UPDATE', [tokenHash]);
  return rows[0] ?? null;
}

async function giveSeatBack(client: PoolClient, slot: string): Promise<void> {
  await client.query('UPDATE counter_slots SET booked = booked - 1 WHERE slot = $1 AND booked > 0', [slot]);
}

/** An offer mail not yet sent when the offer ends is not sent: its link would only say it is over. */
async function dropUnsentOffer(client: PoolClient, entryId: number): Promise<void> {
  await client.query("DELETE FROM outbox WHERE waitlist_entry = $1 AND status = 'queued'", [entryId]);
}

/** キャンセル待ち in PostgreSQL: the same rules as SQLite's, each change one transaction under the slot's lock. */
export function postgresWaitlistStore(pool: Pool): CounterWaitlistStore {
  return {
    join: (entry) =>
      inTransaction(pool, async (client) => {
        const state = await lockedSlot(client, entry.slot, entry.capacity);
        const already = await client.query("SELECT 1 FROM counter_waitlist WHERE slot = $1 AND email = $2 AND state IN ('waiting', 'offered')", [
          entry.slot,
          entry.email,
        ]);
        const refusal = joinRefusal(state, (already.rowCount ?? 0) > 0, entry.maxWaiting);
        if (refusal) return { joined: false as const, refusal };
        // While waiting, offer_token_hash holds the secret of the entry's own page; an offer replaces it with the offer's.
        const inserted = await client.query<{ id: number }>(
          `INSERT INTO counter_waitlist (slot, visit_date, kind_id, people, proxy, state, name_kana, phone, email, offer_token_hash, joined_at, updated_at)
           VALUES ($1, left($1, 10)::date, $2, $3, $4, 'waiting', $5, $6, $7, $8, $9, $9) RETURNING id`,
          [entry.slot, entry.kindId, entry.people, entry.proxy, entry.nameKana, entry.phone, entry.email, entry.tokenHash, entry.now],
        );
        const id = inserted.rows[0]?.id ?? 0;
        return { joined: true as const, position: placeInLine([...state.entries, { id, state: 'waiting' }], id) ?? 1 };
      }),

    settle: (slot, capacity, now, offers) =>
      inTransaction(pool, async (client) => {
        const state = await lockedSlot(client, slot, capacity);
        const step = settleWaitlist(state, new Date(now), offers.length);
        for (const id of step.expire) {
          const expired = await client.query("UPDATE counter_waitlist SET state = 'expired', updated_at = $1 WHERE id = $2 AND state = 'offered'", [now, id]);
          if (expired.rowCount !== 1) continue;
          await dropUnsentOffer(client, id);
          await giveSeatBack(client, slot);
        }
        let offered = 0;
        for (const [index, id] of step.offer.entries()) {
          const prepared = offers[index];
          if (!prepared) break;
          // The hold takes a seat like a booking, under the same CHECK (booked <= capacity).
          const held = await client.query('UPDATE counter_slots SET booked = booked + 1, capacity = $2 WHERE slot = $1 AND booked + 1 <= $2', [
            slot,
            state.seats,
          ]);
          if (held.rowCount !== 1) break;
          const { rows } = await client.query<OfferedEntry>(
            `UPDATE counter_waitlist SET state = 'offered', offer_token_hash = $1, held_until = $2, updated_at = $3
             WHERE id = $4 AND state = 'waiting' RETURNING id, slot, kind_id AS "kindId", email`,
            [prepared.tokenHash, prepared.heldUntil, now, id],
          );
          const entry = rows[0];
          if (!entry) throw new Error('キャンセル待ちの順番が、ロックの中で変わりました。');
          const message = prepared.mail(entry);
          await client.query(
            `INSERT INTO outbox (key, kind, waitlist_entry, recipient, subject, body, due_at, status, next_attempt_at, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', $7, $8)`,
            [message.key, message.kind, id, message.recipient, message.subject, message.body, message.dueAt, now],
          );
          offered += 1;
        }
        return offered;
      }),

    async slotsWithQueue(fromSlot) {
      const { rows } = await pool.query<{ slot: string }>(
        "SELECT DISTINCT slot FROM counter_waitlist WHERE slot >= $1 AND state IN ('waiting', 'offered') ORDER BY slot",
        [fromSlot],
      );
      return rows.map((row) => row.slot);
    },

    async findByOfferToken(tokenHash) {
      const { rows } = await pool.query<WaitlistRow>('SELECT * FROM counter_waitlist WHERE offer_token_hash = $1', [tokenHash]);
      return rows[0] ? toWaitlistEntry(rows[0]) : null;
    },

    findWithQueue: (tokenHash) =>
      // One snapshot, so the place is counted in the queue the entry was read from.
      inTransaction(pool, async (client) => {
        await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
        const { rows } = await client.query<WaitlistRow>('SELECT * FROM counter_waitlist WHERE offer_token_hash = $1', [tokenHash]);
        const row = rows[0];
        if (!row) return null;
        const queue = await client.query<ActiveWaitlistEntry>(
          `SELECT id, state, held_until AS "heldUntil" FROM counter_waitlist WHERE slot = $1 AND state IN ('waiting', 'offered') ORDER BY id`,
          [row.slot],
        );
        return { entry: toWaitlistEntry(row), queue: queue.rows };
      }),

    leave: (tokenHash) =>
      inTransaction(pool, async (client) => {
        const row = await lockedEntry(client, tokenHash);
        if (row?.state !== 'waiting') return null;
        // A waiting entry holds no seat and has no mail yet: deleting its row takes everything it kept.
        await client.query('DELETE FROM counter_waitlist WHERE id = $1', [row.id]);
        return { slot: row.slot };
      }),

    accept: (tokenHash, booking, idempotency, answer) =>
      inTransaction(pool, (client) =>
        withIdempotency<AcceptOutcome>(
          client,
          idempotency,
          booking.now,
          async () => {
            const row = await lockedEntry(client, tokenHash);
            if (!row) return 'not-found';
            const refusal = acceptRefusal({ state: row.state, heldUntil: row.held_until }, new Date(booking.now));
            if (refusal) return refusal;
            const existing = await client.query('SELECT 1 FROM counter_reservations WHERE code = $1', [booking.code]);
            if (existing.rowCount) return 'code-taken';
            // The seat is the one held for the offer: the booking takes no other.
            await client.query(
              `INSERT INTO counter_reservations (code, kind_id, slot, visit_date, people, proxy, status, name_kana, phone, email, created_at, updated_at)
               SELECT $1, kind_id, slot, visit_date, people, proxy, 'booked', name_kana, phone, email, $2, $2 FROM counter_waitlist WHERE id = $3`,
              [booking.code, booking.now, row.id],
            );
            await client.query("INSERT INTO booking_links (booking_kind, code, token_hash, opened_by, created_at) VALUES ('counter', $1, $2, 'booking', $3)", [
              booking.code,
              booking.tokenHash,
              booking.now,
            ]);
            await client.query("UPDATE counter_waitlist SET state = 'accepted', booking_code = $1, updated_at = $2 WHERE id = $3", [
              booking.code,
              booking.now,
              row.id,
            ]);
            const reminder = booking.reminder;
            if (reminder) {
              await client.query(
                `INSERT INTO outbox (key, kind, booking_code, recipient, subject, body, due_at, status, next_attempt_at, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, 'queued', $7, $8)`,
                [reminder.key, reminder.kind, booking.code, reminder.recipient, reminder.subject, reminder.body, reminder.dueAt, booking.now],
              );
            }
            return 'booked';
          },
          (outcome) => outcome === 'booked',
          answer,
        ),
      ),

    decline: (tokenHash, now) =>
      inTransaction(pool, async (client) => {
        const row = await lockedEntry(client, tokenHash);
        if (!row) return 'not-found' as const;
        const refusal = acceptRefusal({ state: row.state, heldUntil: row.held_until }, new Date(now));
        if (refusal) return refusal;
        await client.query("UPDATE counter_waitlist SET state = 'declined', updated_at = $1 WHERE id = $2", [now, row.id]);
        await dropUnsentOffer(client, row.id);
        await giveSeatBack(client, row.slot);
        return 'declined' as const;
      }),

    deletePersonalDataUpTo: (visitDate, now) =>
      inTransaction(pool, async (client) => {
        await client.query('DELETE FROM outbox WHERE waitlist_entry IN (SELECT id FROM counter_waitlist WHERE visit_date <= $1)', [visitDate]);
        const result = await client.query(
          `UPDATE counter_waitlist SET name_kana = NULL, phone = NULL, email = NULL, personal_data_deleted_at = $1
           WHERE visit_date <= $2 AND personal_data_deleted_at IS NULL`,
          [now, visitDate],
        );
        return result.rowCount ?? 0;
      }),
  };
}
