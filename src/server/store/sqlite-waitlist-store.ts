import type Database from 'better-sqlite3';
import type { AcceptOutcome, CounterWaitlistStore, NewWaitlistEntry, OfferedEntry, PreparedOffer } from '../../booking/counter-waitlist-store.ts';
import { joinRefusal, settleWaitlist, type WaitlistSlot } from '../../domain/counter-waitlist.ts';
import { type ActiveWaitlistEntry, acceptRefusal } from '../../domain/waitlist-queue.ts';
import { placeInLine } from '../../domain/counter-waitlist-place.ts';
import { withIdempotency } from './sqlite-idempotency.ts';
import { type WaitlistRow as Row, toWaitlistEntry } from './store-rows.ts';

/** SQLite keeps the flag as 0/1. */
type WaitlistRow = Omit<Row, 'proxy'> & { proxy: number };

/**
 * キャンセル待ち in SQLite. Each change is one BEGIN IMMEDIATE transaction, so the slot's seats and
 * its queue are read and written with no other writer in between; the rules are the domain's.
 */
export function sqliteWaitlistStore(db: Database.Database): CounterWaitlistStore {
  const ensureSlot = db.prepare('INSERT INTO counter_slots (slot, capacity) VALUES (?, ?) ON CONFLICT (slot) DO NOTHING');
  // A closed slot holds 0 (its trigger keeps it so); otherwise the day's desks, as a booking counts them.
  const slotRow = db.prepare(`SELECT s.booked, CASE WHEN s.capacity = 0 THEN 0 ELSE coalesce(d.desks, @capacity) END AS seats
    FROM counter_slots s LEFT JOIN counter_day_desks d ON d.date = substr(s.slot, 1, 10) WHERE s.slot = @slot`);
  const activeEntries = db.prepare(`SELECT id, state, held_until AS heldUntil FROM counter_waitlist
    WHERE slot = ? AND state IN ('waiting', 'offered') ORDER BY id`);
  const contactWaiting = db.prepare("SELECT 1 FROM counter_waitlist WHERE slot = ? AND email = ? AND state IN ('waiting', 'offered')");
  // While waiting, offer_token_hash holds the secret of the entry's own page; an offer replaces it with the offer's.
  const insertEntry = db.prepare(`INSERT INTO counter_waitlist
    (slot, visit_date, kind_id, people, proxy, state, name_kana, phone, email, offer_token_hash, joined_at, updated_at)
    VALUES (@slot, substr(@slot, 1, 10), @kindId, @people, @proxy, 'waiting', @nameKana, @phone, @email, @tokenHash, @now, @now)`);
  const holdSeat = db.prepare('UPDATE counter_slots SET booked = booked + 1, capacity = @seats WHERE slot = @slot AND booked < @seats');
  const giveSeatBack = db.prepare('UPDATE counter_slots SET booked = booked - 1 WHERE slot = ? AND booked > 0');
  const expire = db.prepare("UPDATE counter_waitlist SET state = 'expired', updated_at = ? WHERE id = ? AND state = 'offered'");
  const offer = db.prepare(`UPDATE counter_waitlist SET state = 'offered', offer_token_hash = ?, held_until = ?, updated_at = ?
    WHERE id = ? AND state = 'waiting' RETURNING id, slot, kind_id AS kindId, email`);
  const insertMessage = db.prepare(`INSERT INTO outbox (key, kind, waitlist_entry, recipient, subject, body, due_at, status, next_attempt_at, created_at)
    VALUES (@key, @kind, @entry, @recipient, @subject, @body, @dueAt, 'queued', @dueAt, @now)`);
  // An offer mail not yet sent when the offer ends is not sent: its link would only say it is over.
  const dropUnsentOffer = db.prepare("DELETE FROM outbox WHERE waitlist_entry = ? AND status = 'queued'");
  const byToken = db.prepare('SELECT * FROM counter_waitlist WHERE offer_token_hash = ?');

  function slotState(slot: string, capacity: number): WaitlistSlot {
    ensureSlot.run(slot, capacity);
    const seats = slotRow.get({ slot, capacity }) as { booked: number; seats: number };
    return { seats: seats.seats, taken: seats.booked, entries: activeEntries.all(slot) as ActiveWaitlistEntry[] };
  }

  const join = db.transaction((entry: NewWaitlistEntry) => {
    const state = slotState(entry.slot, entry.capacity);
    const refusal = joinRefusal(state, contactWaiting.get(entry.slot, entry.email) !== undefined, entry.maxWaiting);
    if (refusal) return { joined: false as const, refusal };
    const id = Number(insertEntry.run({ ...entry, proxy: entry.proxy ? 1 : 0 }).lastInsertRowid);
    return { joined: true as const, position: placeInLine([...state.entries, { id, state: 'waiting' }], id) ?? 1 };
  });

  const settle = db.transaction((slot: string, capacity: number, now: string, offers: PreparedOffer[]) => {
    const state = slotState(slot, capacity);
    const step = settleWaitlist(state, new Date(now), offers.length);
    for (const id of step.expire) {
      if (expire.run(now, id).changes !== 1) continue;
      dropUnsentOffer.run(id);
      giveSeatBack.run(slot);
    }
    let offered = 0;
    step.offer.forEach((id, index) => {
      const prepared = offers[index];
      // The hold takes a seat like a booking, under the same CHECK (booked <= capacity).
      if (!prepared || holdSeat.run({ slot, seats: state.seats }).changes !== 1) return;
      const entry = offer.get(prepared.tokenHash, prepared.heldUntil, now, id) as OfferedEntry;
      insertMessage.run({ ...prepared.mail(entry), entry: id, now });
      offered += 1;
    });
    return offered;
  });

  const insertReservation = db.prepare(`INSERT INTO counter_reservations
    (code, kind_id, slot, visit_date, people, proxy, status, name_kana, phone, email, created_at, updated_at)
    SELECT @code, kind_id, slot, visit_date, people, proxy, 'booked', name_kana, phone, email, @now, @now FROM counter_waitlist WHERE id = @id`);
  const codeExists = db.prepare('SELECT 1 FROM counter_reservations WHERE code = ?').pluck();
  const insertFirstLink = db.prepare(
    "INSERT INTO booking_links (booking_kind, code, token_hash, opened_by, created_at) VALUES ('counter', ?, ?, 'booking', ?)",
  );
  const markAccepted = db.prepare("UPDATE counter_waitlist SET state = 'accepted', booking_code = ?, updated_at = ? WHERE id = ?");
  const insertReminder = db.prepare(`INSERT INTO outbox (key, kind, booking_code, recipient, subject, body, due_at, status, next_attempt_at, created_at)
    VALUES (@key, @kind, @code, @recipient, @subject, @body, @dueAt, 'queued', @dueAt, @now)`);

  const accept = db.transaction(
    (
      tokenHash: string,
      booking: Parameters<CounterWaitlistStore['accept']>[1],
      idempotency: Parameters<CounterWaitlistStore['accept']>[2],
      answer: () => string,
    ) =>
      withIdempotency<AcceptOutcome>(
        db,
        idempotency,
        booking.now,
        () => {
          const row = byToken.get(tokenHash) as WaitlistRow | undefined;
          if (!row) return 'not-found';
          const refusal = acceptRefusal({ state: row.state, heldUntil: row.held_until }, new Date(booking.now));
          if (refusal) return refusal;
          if (codeExists.get(booking.code)) return 'code-taken';
          // The seat is the one held for the offer: the booking takes no other.
          insertReservation.run({ code: booking.code, now: booking.now, id: row.id });
          insertFirstLink.run(booking.code, booking.tokenHash, booking.now);
          markAccepted.run(booking.code, booking.now, row.id);
          if (booking.reminder) insertReminder.run({ ...booking.reminder, code: booking.code, now: booking.now });
          return 'booked';
        },
        (outcome) => outcome === 'booked',
        answer,
      ),
  );

  const markDeclined = db.prepare("UPDATE counter_waitlist SET state = 'declined', updated_at = ? WHERE id = ?");
  const decline = db.transaction((tokenHash: string, now: string) => {
    const row = byToken.get(tokenHash) as WaitlistRow | undefined;
    if (!row) return 'not-found' as const;
    const refusal = acceptRefusal({ state: row.state, heldUntil: row.held_until }, new Date(now));
    if (refusal) return refusal;
    markDeclined.run(now, row.id);
    dropUnsentOffer.run(row.id);
    giveSeatBack.run(row.slot);
    return 'declined' as const;
  });

  // A waiting entry holds no seat and has no mail yet: deleting its row takes everything it kept.
  const deleteWaiting = db.prepare("DELETE FROM counter_waitlist WHERE offer_token_hash = ? AND state = 'waiting' RETURNING slot").pluck();

  const queuedSlots = db.prepare("SELECT DISTINCT slot FROM counter_waitlist WHERE slot >= ? AND state IN ('waiting', 'offered') ORDER BY slot").pluck();
  const deleteMessages = db.prepare('DELETE FROM outbox WHERE waitlist_entry IN (SELECT id FROM counter_waitlist WHERE visit_date <= ?)');
  const deletePersonalData = db.prepare(`UPDATE counter_waitlist SET name_kana = NULL, phone = NULL, email = NULL, personal_data_deleted_at = ?
    WHERE visit_date <= ? AND personal_data_deleted_at IS NULL`);
  const deletePersonalDataUpTo = db.transaction((visitDate: string, now: string) => {
    deleteMessages.run(visitDate);
    return deletePersonalData.run(now, visitDate).changes;
  });

  return {
    join: (entry) => Promise.resolve(join.immediate(entry)),
    settle: (slot, capacity, now, offers) => Promise.resolve(settle.immediate(slot, capacity, now, offers)),
    slotsWithQueue: (fromSlot) => Promise.resolve(queuedSlots.all(fromSlot) as string[]),
    findByOfferToken(tokenHash) {
      const row = byToken.get(tokenHash) as WaitlistRow | undefined;
      return Promise.resolve(row ? toWaitlistEntry({ ...row, proxy: row.proxy === 1 }) : null);
    },
    findWithQueue(tokenHash) {
      const row = byToken.get(tokenHash) as WaitlistRow | undefined;
      if (!row) return Promise.resolve(null);
      return Promise.resolve({ entry: toWaitlistEntry({ ...row, proxy: row.proxy === 1 }), queue: activeEntries.all(row.slot) as ActiveWaitlistEntry[] });
    },
    leave(tokenHash) {
      const slot = deleteWaiting.get(tokenHash) as string | undefined;
      return Promise.resolve(slot === undefined ? null : { slot });
    },
    accept: (tokenHash, booking, idempotency, answer) => Promise.resolve(accept.immediate(tokenHash, booking, idempotency, answer)),
    decline: (tokenHash, now) => Promise.resolve(decline.immediate(tokenHash, now)),
    deletePersonalDataUpTo: (visitDate, now) => Promise.resolve(deletePersonalDataUpTo.immediate(visitDate, now)),
  };
}
