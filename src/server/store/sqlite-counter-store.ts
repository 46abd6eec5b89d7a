import type Database from 'better-sqlite3';
import { type BookOutcome, type CityMove, type CounterStore, slotSeats } from '../../booking/counter-store.ts';
import type { NewOutboxMessage } from '../../booking/outbox.ts';
import { withIdempotency } from './sqlite-idempotency.ts';
import { type ReservationRow as Row, toReservation as fromRow } from './store-rows.ts';

/** SQLite keeps the flag as 0/1. */
type ReservationRow = Omit<Row, 'proxy'> & { proxy: number };
const toReservation = (row: ReservationRow) => fromRow({ ...row, proxy: row.proxy === 1 });

/**
 * Counter bookings in SQLite. Each change is one better-sqlite3 transaction (BEGIN IMMEDIATE), so
 * the seat count and the booking move together; the CHECK on counter_slots refuses over-booking
 * even if two writers raced past the application's own check.
 */
export function sqliteCounterStore(db: Database.Database): CounterStore {
  const ensureSlot = db.prepare('INSERT INTO counter_slots (slot, capacity) VALUES (?, ?) ON CONFLICT (slot) DO NOTHING');
  // The capacity comes from the content each time, so a change of desksPerSlot reaches booked slots
  // too; on a day whose desks the administrator set, from counter_day_desks. A free seat is not the
  // public's while someone waits for it in キャンセル待ち (it is about to be offered to them).
  const takeSeat = db.prepare(`UPDATE counter_slots SET booked = booked + 1, capacity = seats.desks
    FROM (SELECT coalesce((SELECT desks FROM counter_day_desks WHERE date = substr(@slot, 1, 10)), @capacity) AS desks) AS seats
    WHERE slot = @slot AND booked + (SELECT count(*) FROM counter_waitlist WHERE slot = @slot AND state = 'waiting') < seats.desks`);
  const freeSeat = db.prepare('UPDATE counter_slots SET booked = booked - 1 WHERE slot = ? AND booked > 0');
  const codeExists = db.prepare('SELECT 1 FROM counter_reservations WHERE code = ?').pluck();
  const insert = db.prepare(`INSERT INTO counter_reservations
    (code, kind_id, slot, visit_date, people, proxy, status, name_kana, phone, email, push_subscription, created_at, updated_at)
    VALUES (@code, @kindId, @slot, substr(@slot, 1, 10), @people, @proxy, 'booked', @nameKana, @phone, @email, @pushSubscription, @now, @now)`);
  // A clerk's cancellation keeps its reason in the staff tables, and a clerk's move where it came
  // from (while the booking is still where the clerk put it); the citizen's page shows them.
  const select = db.prepare(`SELECT r.*, x.reason AS city_cancellation_reason, m.from_slot AS city_moved_from FROM counter_reservations r
    LEFT JOIN counter_staff_cancellations x ON x.code = r.code
    LEFT JOIN counter_staff_moves m ON m.code = r.code AND m.to_slot = r.slot WHERE r.code = ?`);
  const insertFirstLink = db.prepare("INSERT INTO booking_links (booking_kind, code, token_hash, opened_by, created_at) VALUES (?, ?, ?, 'booking', ?)");
  // A closed slot holds 0: only then is its closure looked up (the first, where two overlap).
  const seats = db.prepare(`SELECT s.slot, s.booked, s.capacity, d.desks AS day_desks,
      (SELECT count(*) FROM counter_waitlist w WHERE w.slot = s.slot AND w.state = 'waiting') AS waiting,
      CASE WHEN s.capacity = 0 THEN (SELECT c.reason FROM counter_closures c WHERE c.date = substr(s.slot, 1, 10)
        AND c.start_time <= substr(s.slot, 12) AND substr(s.slot, 12) < c.end_time ORDER BY c.id LIMIT 1) END AS closed_for
    FROM counter_slots s LEFT JOIN counter_day_desks d ON d.date = substr(s.slot, 1, 10) WHERE s.slot >= ? AND s.slot < ?`);
  const insertMessage = db.prepare(`INSERT INTO outbox (key, kind, channel, booking_code, recipient, subject, body, due_at, status, next_attempt_at, created_at)
    VALUES (@key, @kind, @channel, @code, @recipient, @subject, @body, @dueAt, 'queued', @dueAt, @now)`);
  // A reminder a worker is sending at this very moment still goes out; its row is simply gone when the worker marks it.
  // Every channel's reminder goes.
  const removeUnsentReminder = db.prepare("DELETE FROM outbox WHERE booking_code = ? AND kind = 'reminder' AND status = 'queued'");
  const enqueue = (code: string, messages: readonly NewOutboxMessage[], now: string) => {
    for (const message of messages) insertMessage.run({ ...message, code, now });
  };

  const takeSeatIn = (slot: string, capacity: number): boolean => {
    ensureSlot.run(slot, capacity);
    return takeSeat.run({ slot, capacity }).changes === 1;
  };

  const book = db.transaction((booking: Parameters<CounterStore['book']>[0], idempotency: Parameters<CounterStore['book']>[1], answer: () => string) =>
    withIdempotency<BookOutcome>(
      db,
      idempotency,
      booking.now,
      () => {
        if (codeExists.get(booking.code)) return 'code-taken';
        if (!takeSeatIn(booking.slot, booking.capacity)) return 'full';
        insert.run({
          code: booking.code,
          kindId: booking.kindId,
          slot: booking.slot,
          people: booking.people,
          proxy: booking.proxy ? 1 : 0,
          nameKana: booking.nameKana,
          phone: booking.phone,
          email: booking.email,
          pushSubscription: booking.pushSubscription,
          now: booking.now,
        });
        insertFirstLink.run('counter', booking.code, booking.tokenHash, booking.now);
        enqueue(booking.code, booking.reminders, booking.now);
        return 'booked';
      },
      (outcome) => outcome === 'booked',
      answer,
    ),
  );

  const recordCityMove = db.prepare(`INSERT INTO counter_staff_moves (code, from_slot, to_slot, moved_at, account_id) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (code) DO UPDATE SET from_slot = excluded.from_slot, to_slot = excluded.to_slot, moved_at = excluded.moved_at, account_id = excluded.account_id`);
  const forgetCityMove = db.prepare('DELETE FROM counter_staff_moves WHERE code = ?');
  // Read inside the move's or cancel's transaction, so a check-in cannot slip in between.
  const visitRecorded = db.prepare('SELECT 1 FROM counter_check_ins WHERE code = ? UNION ALL SELECT 1 FROM counter_no_shows WHERE code = ?');
  const move = db.transaction((code: string, slot: string, capacity: number, now: string, reminders: NewOutboxMessage[], byCity?: CityMove) => {
    const row = select.get(code) as ReservationRow | undefined;
    if (!row || row.status !== 'booked') return 'not-booked' as const;
    if (visitRecorded.get(code, code)) return 'visit-recorded' as const;
    if (row.slot === slot) return 'moved' as const;
    if (!takeSeatIn(slot, capacity)) return 'full' as const;
    freeSeat.run(row.slot);
    db.prepare('UPDATE counter_reservations SET slot = ?, visit_date = substr(?, 1, 10), updated_at = ? WHERE code = ?').run(slot, slot, now, code);
    removeUnsentReminder.run(code);
    enqueue(code, reminders, now);
    if (byCity) {
      recordCityMove.run(code, row.slot, slot, now, byCity.accountId);
      enqueue(code, byCity.notices, now);
    } else forgetCityMove.run(code);
    return 'moved' as const;
  });

  const cancel = db.transaction((code: string, now: string, notices: NewOutboxMessage[]) => {
    const row = select.get(code) as ReservationRow | undefined;
    if (!row || row.status !== 'booked') return 'not-booked' as const;
    if (visitRecorded.get(code, code)) return 'visit-recorded' as const;
    freeSeat.run(row.slot);
    db.prepare("UPDATE counter_reservations SET status = 'cancelled', updated_at = ? WHERE code = ?").run(now, code);
    removeUnsentReminder.run(code);
    enqueue(code, notices, now);
    return 'cancelled' as const;
  });

  const contentDay = 'substr(slot, 1, 10) NOT IN (SELECT date FROM counter_day_desks)';
  const overBooked = db.prepare(`SELECT slot, booked FROM counter_slots WHERE slot >= ? AND booked > ? AND ${contentDay} ORDER BY slot`);
  const setCapacity = db.prepare(`UPDATE counter_slots SET capacity = ? WHERE slot >= ? AND ${contentDay}`);
  const applyCapacity = db.transaction((fromSlot: string, capacity: number) => {
    const refused = overBooked.all(fromSlot, capacity) as { slot: string; booked: number }[];
    if (refused.length === 0) setCapacity.run(capacity, fromSlot);
    return refused;
  });

  const deletePersonalData = db.prepare(`UPDATE counter_reservations
    SET name_kana = NULL, phone = NULL, email = NULL, push_subscription = NULL, personal_data_deleted_at = ?
    WHERE visit_date <= ? AND personal_data_deleted_at IS NULL`);
  const deleteMessages = db.prepare('DELETE FROM outbox WHERE booking_code IN (SELECT code FROM counter_reservations WHERE visit_date <= ?)');
  const deletePersonalDataUpTo = db.transaction((visitDate: string, now: string) => {
    deleteMessages.run(visitDate);
    return deletePersonalData.run(now, visitDate).changes;
  });

  return {
    bookedSeats(fromDate, toDate) {
      const rows = seats.all(fromDate, `${toDate}~`) as {
        slot: string;
        booked: number;
        capacity: number;
        day_desks: number | null;
        closed_for: string | null;
        waiting: number;
      }[];
      return Promise.resolve(new Map(rows.map((row) => [row.slot, slotSeats(row)])));
    },
    book: (booking, idempotency, answer) => Promise.resolve(book.immediate(booking, idempotency, answer)),
    find(code) {
      const row = select.get(code) as ReservationRow | undefined;
      return Promise.resolve(row ? toReservation(row) : null);
    },
    move: (code, slot, capacity, now, reminders, byCity) => Promise.resolve(move.immediate(code, slot, capacity, now, reminders, byCity)),
    cancel: (code, now, notices) => Promise.resolve(cancel.immediate(code, now, notices)),
    applyCapacity: (fromSlot, capacity) => Promise.resolve(applyCapacity.immediate(fromSlot, capacity)),
    deletePersonalDataUpTo: (visitDate, now) => Promise.resolve(deletePersonalDataUpTo.immediate(visitDate, now)),
  };
}
