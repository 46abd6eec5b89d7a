import type { Pool, PoolClient } from 'pg';
import { type BookOutcome, type CounterStore, slotSeats } from '../../../booking/counter-store.ts';
import type { NewOutboxMessage } from '../../../booking/outbox.ts';
import { withIdempotency } from './postgres-idempotency.ts';
import { type ReservationRow, toReservation } from '../store-rows.ts';
import { inTransaction } from './transaction.ts';

/**
 * Takes one seat of a slot, or says the slot is full. The UPDATE's condition is the whole capacity
 * check: under READ COMMITTED, a second transaction updating the same slot waits for the first to
 * commit and then evaluates `booked + 1 <= capacity` again on the row as the first left it, so no
 * number of concurrent bookings can pass a full slot. That is why READ COMMITTED is enough here:
 * SERIALIZABLE would add no safety, only serialization failures to retry under a rush.
 * The capacity comes from the content each time, so a change of desksPerSlot reaches booked slots.
 */
async function takeSeat(client: PoolClient, slot: string, capacity: number): Promise<boolean> {
  await client.query('INSERT INTO counter_slots (slot, capacity) VALUES ($1, $2) ON CONFLICT (slot) DO NOTHING', [slot, capacity]);
  // On a day whose desks the administrator set, they are the capacity (and the trigger
  // counter_slots_day_desks holds to them should they change while this waits for the row).
  // A free seat is not the public's while someone waits for it in キャンセル待ち. The count of those
  // waiting is read when the statement starts: a person joins only while the slot is full for the
  // public, under this same row's lock, so one joining meanwhile never makes a seat look free here.
  const taken = await client.query(
    `UPDATE counter_slots SET booked = booked + 1, capacity = seats.desks
     FROM (SELECT coalesce((SELECT desks FROM counter_day_desks WHERE date = left($1, 10)::date), $2) AS desks) AS seats
     WHERE slot = $1 AND booked + 1 + (SELECT count(*) FROM counter_waitlist WHERE slot = $1 AND state = 'waiting') <= seats.desks`,
    [slot, capacity],
  );
  return taken.rowCount === 1;
}

async function freeSeat(client: PoolClient, slot: string): Promise<void> {
  await client.query('UPDATE counter_slots SET booked = booked - 1 WHERE slot = $1 AND booked > 0', [slot]);
}

/** Writes messages (a mail, a push) into the outbox, in the caller's transaction. */
async function enqueue(client: PoolClient, code: string, messages: readonly NewOutboxMessage[], now: string): Promise<void> {
  for (const message of messages)
    await client.query(
      `INSERT INTO outbox (key, kind, channel, booking_code, recipient, subject, body, due_at, status, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'queued', $8, $9)`,
      [message.key, message.kind, message.channel, code, message.recipient, message.subject, message.body, message.dueAt, now],
    );
}

/** A reminder a worker is sending at this very moment still goes out; its row is simply gone when the worker marks it. */
/**
 * Whether the desk recorded the visit (来庁済み or 来なかった). Asked after the booking's row lock is
 * held: a check-in takes the same lock, so it either committed before (and this sees it) or waits.
 */
async function visitRecorded(client: PoolClient, code: string): Promise<boolean> {
  const { rowCount } = await client.query('SELECT 1 FROM counter_check_ins WHERE code = $1 UNION ALL SELECT 1 FROM counter_no_shows WHERE code = $1', [code]);
  return (rowCount ?? 0) > 0;
}

async function removeUnsentReminder(client: PoolClient, code: string): Promise<void> {
  await client.query("DELETE FROM outbox WHERE booking_code = $1 AND kind = 'reminder' AND status = 'queued'", [code]);
}

/** Counter bookings in PostgreSQL: each change is one transaction (see inTransaction). */
export function postgresCounterStore(pool: Pool): CounterStore {
  return {
    async bookedSeats(fromDate, toDate) {
      // A closed slot holds 0: only then is its closure looked up (the first, where two overlap).
      const { rows } = await pool.query<{
        slot: string;
        booked: number;
        capacity: number;
        day_desks: number | null;
        closed_for: string | null;
        waiting: number;
      }>(
        `SELECT s.slot, s.booked, s.capacity, d.desks AS day_desks,
           (SELECT count(*)::integer FROM counter_waitlist w WHERE w.slot = s.slot AND w.state = 'waiting') AS waiting,
           CASE WHEN s.capacity = 0 THEN (SELECT c.reason FROM counter_closures c WHERE c.date = left(s.slot, 10)::date
             AND c.start_time <= substr(s.slot, 12) AND substr(s.slot, 12) < c.end_time ORDER BY c.id LIMIT 1) END AS closed_for
         FROM counter_slots s LEFT JOIN counter_day_desks d ON d.date = left(s.slot, 10)::date WHERE s.slot >= $1 AND s.slot < $2`,
        [fromDate, `${toDate}~`],
      );
      return new Map(rows.map((row) => [row.slot, slotSeats(row)]));
    },

    book: (booking, idempotency, answer) =>
      inTransaction(pool, (client) =>
        withIdempotency<BookOutcome>(
          client,
          idempotency,
          booking.now,
          async () => {
            const existing = await client.query('SELECT 1 FROM counter_reservations WHERE code = $1', [booking.code]);
            if (existing.rowCount) return 'code-taken';
            if (!(await takeSeat(client, booking.slot, booking.capacity))) return 'full';
            await client.query(
              `INSERT INTO counter_reservations
                 (code, kind_id, slot, visit_date, people, proxy, status, name_kana, phone, email, push_subscription, created_at, updated_at)
               VALUES ($1, $2, $3, left($3, 10)::date, $4, $5, 'booked', $6, $7, $8, $9, $10, $10)`,
              [
                booking.code,
                booking.kindId,
                booking.slot,
                booking.people,
                booking.proxy,
                booking.nameKana,
                booking.phone,
                booking.email,
                booking.pushSubscription,
                booking.now,
              ],
            );
            await client.query("INSERT INTO booking_links (booking_kind, code, token_hash, opened_by, created_at) VALUES ('counter', $1, $2, 'booking', $3)", [
              booking.code,
              booking.tokenHash,
              booking.now,
            ]);
            await enqueue(client, booking.code, booking.reminders, booking.now);
            return 'booked';
          },
          (outcome) => outcome === 'booked',
          answer,
        ),
      ),

    async find(code) {
      // A clerk's cancellation keeps its reason in the staff tables, and a clerk's move where it came
      // from (while the booking is still where the clerk put it); the citizen's page shows them.
      const { rows } = await pool.query<ReservationRow>(
        `SELECT r.code, r.kind_id, r.slot, r.people, r.proxy, r.status, r.name_kana, r.phone, r.email, r.push_subscription,
             x.reason AS city_cancellation_reason, m.from_slot AS city_moved_from
           FROM counter_reservations r
           LEFT JOIN counter_staff_cancellations x ON x.code = r.code
           LEFT JOIN counter_staff_moves m ON m.code = r.code AND m.to_slot = r.slot WHERE r.code = $1`,
        [code],
      );
      return rows[0] ? toReservation(rows[0]) : null;
    },

    move: (code, slot, capacity, now, reminders, byCity) =>
      inTransaction(pool, async (client) => {
        const { rows } = await client.query<{ slot: string; status: string }>('SELECT slot, status FROM counter_reservations WHERE code = $1 FOR UPDATE', [
          code,
        ]);
        const row = rows[0];
        if (!row || row.status !== 'booked') return 'not-booked';
        if (await visitRecorded(client, code)) return 'visit-recorded';
        if (row.slot === slot) return 'moved';
        // The new seat first: if it cannot be had, nothing changes and the old seat is kept.
        if (!(await takeSeat(client, slot, capacity))) return 'full';
        await freeSeat(client, row.slot);
        await client.query('UPDATE counter_reservations SET slot = $1, visit_date = left($1, 10)::date, updated_at = $2 WHERE code = $3', [slot, now, code]);
        await removeUnsentReminder(client, code);
        await enqueue(client, code, reminders, now);
        if (byCity) {
          await client.query(
            `INSERT INTO counter_staff_moves (code, from_slot, to_slot, moved_at, account_id) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (code) DO UPDATE SET from_slot = excluded.from_slot, to_slot = excluded.to_slot, moved_at = excluded.moved_at, account_id = excluded.account_id`,
            [code, row.slot, slot, now, byCity.accountId],
          );
          await enqueue(client, code, byCity.notices, now);
        } else await client.query('DELETE FROM counter_staff_moves WHERE code = $1', [code]);
        return 'moved';
      }),

    cancel: (code, now, notices) =>
      inTransaction(pool, async (client) => {
        const { rows } = await client.query<{ slot: string; status: string }>('SELECT slot, status FROM counter_reservations WHERE code = $1 FOR UPDATE', [
          code,
        ]);
        const row = rows[0];
        if (!row || row.status !== 'booked') return 'not-booked';
        if (await visitRecorded(client, code)) return 'visit-recorded';
        await client.query("UPDATE counter_reservations SET status = 'cancelled', updated_at = $2 WHERE code = $1", [code, now]);
        await freeSeat(client, row.slot);
        await removeUnsentReminder(client, code);
        await enqueue(client, code, notices, now);
        return 'cancelled';
      }),

    applyCapacity: (fromSlot, capacity) =>
      inTransaction(pool, async (client) => {
        // Bookings wait while the capacity changes (only at start-up), so none slips past the check.
        await client.query('LOCK TABLE counter_slots IN SHARE ROW EXCLUSIVE MODE');
        // The days whose desks the administrator set keep theirs.
        const contentDay = 'left(slot, 10)::date NOT IN (SELECT date FROM counter_day_desks)';
        const { rows } = await client.query<{ slot: string; booked: number }>(
          `SELECT slot, booked FROM counter_slots WHERE slot >= $1 AND booked > $2 AND ${contentDay} ORDER BY slot`,
          [fromSlot, capacity],
        );
        if (rows.length === 0) await client.query(`UPDATE counter_slots SET capacity = $1 WHERE slot >= $2 AND ${contentDay}`, [capacity, fromSlot]);
        return rows;
      }),

    deletePersonalDataUpTo: (visitDate, now) =>
      inTransaction(pool, async (client) => {
        await client.query('DELETE FROM outbox WHERE booking_code IN (SELECT code FROM counter_reservations WHERE visit_date <= $1)', [visitDate]);
        const result = await client.query(
          `UPDATE counter_reservations SET name_kana = NULL, phone = NULL, email = NULL, push_subscription = NULL, personal_data_deleted_at = $1
           WHERE visit_date <= $2 AND personal_data_deleted_at IS NULL`,
          [now, visitDate],
        );
        return result.rowCount ?? 0;
      }),
  };
}
