import type Database from 'better-sqlite3';
import type { BookedSegment, FacilityStore, NewFacilityBookingRow } from '../../booking/facility-store.ts';
import type { NewOutboxMessage } from '../../booking/outbox.ts';
import { withIdempotency } from './sqlite-idempotency.ts';
import { type FacilityBookingRow, toFacilityBooking, UNSENT_SCHEDULED_FACILITY_MAILS } from './store-rows.ts';

/** SQLite keeps the dates and blocks as JSON text. */
type BookingRow = Omit<FacilityBookingRow, 'dates' | 'block_ids'> & { dates_json: string; block_ids_json: string };
const toBooking = ({ dates_json, block_ids_json, ...row }: BookingRow) =>
  toFacilityBooking({ ...row, dates: JSON.parse(dates_json) as string[], block_ids: JSON.parse(block_ids_json) as string[] });

export const roomKey = (facilityId: string, roomId: string) => `${facilityId}/${roomId}`;

export function isSegmentTaken(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * The outbox rows of facility bookings, written in the caller's transaction: `replace` removes the
 * booking's unsent mails written ahead (UNSENT_SCHEDULED_FACILITY_MAILS) and writes `mails`. The
 * facility desk's decline writes its notice the same way.
 */
export function sqliteFacilityMails(db: Database.Database) {
  const insertMessage = db.prepare(`INSERT INTO outbox (key, kind, facility_code, recipient, subject, body, due_at, status, next_attempt_at, created_at)
    VALUES (@key, @kind, @code, @recipient, @subject, @body, @dueAt, 'queued', @dueAt, @now)`);
  const removeUnsent = db.prepare(`DELETE FROM outbox WHERE facility_code = ? AND ${UNSENT_SCHEDULED_FACILITY_MAILS}`);
  const enqueue = (code: string, mails: readonly NewOutboxMessage[], now: string) => {
    for (const message of mails) insertMessage.run({ ...message, code, now });
  };
  return {
    enqueue,
    replace(code: string, mails: readonly NewOutboxMessage[], now: string) {
      removeUnsent.run(code);
      enqueue(code, mails, now);
    },
  };
}

/**
 * Releases the 仮予約 whose deadline has passed: their segments are freed, their unsent mails written
 * ahead removed, and they read as released.
 * Call it inside a transaction, before anything that wants those segments. Returns how many.
 */
export function expiredReleaser(db: Database.Database): (now: string) => number {
  const expired = db.prepare("SELECT id, code FROM facility_bookings WHERE status = 'provisional' AND provisional_until <= ?");
  const deleteSegments = db.prepare('DELETE FROM facility_booked_segments WHERE booking_id = ?');
  const markReleased = db.prepare("UPDATE facility_bookings SET status = 'released', updated_at = ? WHERE id = ?");
  const mails = sqliteFacilityMails(db);
  return (now) => {
    const rows = expired.all(now) as { id: number; code: string }[];
    for (const { id, code } of rows) {
      deleteSegments.run(id);
      mails.replace(code, [], now);
      markReleased.run(now, id);
    }
    return rows.length;
  };
}

/**
 * Facility bookings in SQLite. A booking and all its segments are written in one BEGIN IMMEDIATE
 * transaction; the segments' PRIMARY KEY refuses any overlap, and the nested transaction (a
 * savepoint) undoes the whole booking when one segment is taken, so multi-block bookings are
 * all-or-nothing.
 */
export function sqliteFacilityStore(db: Database.Database): FacilityStore {
  const insertBooking = db.prepare(`INSERT INTO facility_bookings
    (code, facility_id, room_id, dates_json, block_ids_json, first_date, last_date, residency, group_type, head_count, fee,
     status, provisional_until, apply_by, purpose, group_name, name_kana, phone, email, created_at, updated_at)
    VALUES (@code, @facilityId, @roomId, @datesJson, @blockIdsJson, @firstDate, @lastDate, @residency, @group, @headCount, @fee,
     @status, @provisionalUntil, @applyBy, @purpose, @groupName, @nameKana, @phone, @email, @now, @now)`);
  const insertSegment = db.prepare('INSERT INTO facility_booked_segments (room_key, date, segment, booking_id) VALUES (?, ?, ?, ?)');
  const deleteSegments = db.prepare('DELETE FROM facility_booked_segments WHERE booking_id = ?');
  const select = db.prepare(`SELECT b.*, d.reason AS city_cancellation_reason
    FROM facility_bookings b LEFT JOIN facility_staff_declines d ON d.code = b.code WHERE b.code = ?`);
  const codeExists = db.prepare('SELECT 1 FROM facility_bookings WHERE code = ?').pluck();
  const insertFirstLink = db.prepare("INSERT INTO booking_links (booking_kind, code, token_hash, opened_by, created_at) VALUES (?, ?, ?, 'booking', ?)");
  // A segment the desk blocked for the city's use is held as long as the block stands, one held for a
  // キャンセル待ち offer until the offer ends.
  const held = db
    .prepare(
      `SELECT s.date || 'T' || s.segment FROM facility_booked_segments s LEFT JOIN facility_bookings b ON b.id = s.booking_id
    WHERE s.room_key = ? AND s.date >= ? AND s.date <= ? AND (s.room_block_id IS NOT NULL OR s.waitlist_entry_id IS NOT NULL OR b.status = 'booked' OR b.provisional_until > ?)`,
    )
    .pluck();
  const mails = sqliteFacilityMails(db);
  const setStatus = db.prepare('UPDATE facility_bookings SET status = ?, provisional_until = NULL, updated_at = ? WHERE id = ?');
  const updateChoice = db.prepare(
    'UPDATE facility_bookings SET dates_json = ?, block_ids_json = ?, first_date = ?, last_date = ?, fee = ?, updated_at = ? WHERE id = ?',
  );

  const releaseExpiredNow = expiredReleaser(db);

  const holdSegments = (bookingId: number, key: string, segments: BookedSegment[]) => {
    for (const segment of segments) insertSegment.run(key, segment.date, segment.segment, bookingId);
  };

  const insertAll = db.transaction((booking: NewFacilityBookingRow) => {
    const { segments: _segments, tokenHash, mails: written, ...row } = booking;
    const { lastInsertRowid } = insertBooking.run({
      ...row,
      datesJson: JSON.stringify(booking.dates),
      blockIdsJson: JSON.stringify(booking.blockIds),
      firstDate: booking.dates[0],
      lastDate: booking.dates.at(-1),
    });
    holdSegments(Number(lastInsertRowid), roomKey(booking.facilityId, booking.roomId), booking.segments);
    insertFirstLink.run('facility', booking.code, tokenHash, booking.now);
    mails.enqueue(booking.code, written, booking.now);
  });

  const book = db.transaction((booking: NewFacilityBookingRow, idempotency: Parameters<FacilityStore['book']>[1], answer: () => string) =>
    withIdempotency(
      db,
      idempotency,
      booking.now,
      (): 'booked' | 'taken' | 'code-taken' => {
        releaseExpiredNow(booking.now);
        if (codeExists.get(booking.code)) return 'code-taken';
        try {
          insertAll(booking);
          return 'booked';
        } catch (error) {
          if (isSegmentTaken(error)) return 'taken';
          throw error;
        }
      },
      (outcome) => outcome === 'booked',
      answer,
    ),
  );

  const findRow = (code: string) => select.get(code) as BookingRow | undefined;
  const isActive = (row: BookingRow, now: string) =>
    row.status === 'booked' || (row.status === 'provisional' && row.provisional_until !== null && row.provisional_until > now);

  const moveSegments = db.transaction((row: BookingRow, change: Parameters<FacilityStore['move']>[1], now: string) => {
    deleteSegments.run(row.id);
    holdSegments(row.id, roomKey(row.facility_id, row.room_id), change.segments);
    updateChoice.run(JSON.stringify(change.dates), JSON.stringify(change.blockIds), change.dates[0], change.dates.at(-1), change.fee, now, row.id);
  });

  const move = db.transaction((code: string, change: Parameters<FacilityStore['move']>[1], now: string, written: NewOutboxMessage[]) => {
    releaseExpiredNow(now);
    const row = findRow(code);
    if (!row || !isActive(row, now)) return 'not-active' as const;
    try {
      moveSegments(row, change, now);
      mails.replace(code, written, now);
      return 'moved' as const;
    } catch (error) {
      if (isSegmentTaken(error)) return 'taken' as const;
      throw error;
    }
  });

  const cancel = db.transaction((code: string, now: string) => {
    const row = findRow(code);
    if (!row || !isActive(row, now)) return 'not-active' as const;
    deleteSegments.run(row.id);
    mails.replace(code, [], now);
    setStatus.run('cancelled', now, row.id);
    return 'cancelled' as const;
  });

  const confirm = db.transaction((code: string, now: string, reminder: NewOutboxMessage | null) => {
    const row = findRow(code);
    if (!row || row.status !== 'provisional' || !isActive(row, now)) return 'not-provisional' as const;
    setStatus.run('booked', now, row.id);
    mails.replace(code, reminder ? [reminder] : [], now);
    return 'confirmed' as const;
  });

  const deletePersonalData = db.prepare(`UPDATE facility_bookings
    SET purpose = NULL, group_name = NULL, name_kana = NULL, phone = NULL, email = NULL, personal_data_deleted_at = ?
    WHERE last_date <= ? AND personal_data_deleted_at IS NULL`);
  // The outbox holds the address too: its rows go with the booking's personal data.
  const deleteMessages = db.prepare('DELETE FROM outbox WHERE facility_code IN (SELECT code FROM facility_bookings WHERE last_date <= ?)');
  const deletePersonalDataUpTo = db.transaction((lastDate: string, now: string) => {
    deleteMessages.run(lastDate);
    return deletePersonalData.run(now, lastDate).changes;
  });

  return {
    heldSegments(facilityId, roomId, fromDate, toDate, now) {
      return Promise.resolve(new Set(held.all(roomKey(facilityId, roomId), fromDate, toDate, now) as string[]));
    },
    book: (booking, idempotency, answer) => Promise.resolve(book.immediate(booking, idempotency, answer)),
    find(code) {
      const row = findRow(code);
      return Promise.resolve(row ? toBooking(row) : null);
    },
    move: (code, change, now, mails) => Promise.resolve(move.immediate(code, change, now, mails)),
    cancel: (code, now) => Promise.resolve(cancel.immediate(code, now)),
    confirm: (code, now, reminder) => Promise.resolve(confirm.immediate(code, now, reminder)),
    releaseExpired: (now) => Promise.resolve(db.transaction(releaseExpiredNow).immediate(now)),
    deletePersonalDataUpTo: (lastDate, now) => Promise.resolve(deletePersonalDataUpTo.immediate(lastDate, now)),
  };
}
