import type Database from 'better-sqlite3';
import type {
  AcceptedRoomBooking,
  NewRoomWaitlistEntry,
  RoomAcceptOutcome,
  RoomDay,
  RoomOfferedEntry,
  RoomWaitlistStore,
} from '../../booking/room-waitlist-store.ts';
import type { PreparedOffer } from '../../booking/waitlist-offers.ts';
import { type RoomQueueEntry, roomJoinRefusal, settleRoomQueue } from '../../domain/room-waitlist.ts';
import { acceptRefusal, positionOnJoining } from '../../domain/waitlist-queue.ts';
import { withIdempotency } from './sqlite-idempotency.ts';
import { expiredReleaser, roomKey, sqliteFacilityMails } from './sqlite-facility-store.ts';
import { type RoomWaitlistRow, toRoomWaitlistEntry } from './store-rows.ts';

/** SQLite keeps the blocks and segments as JSON text. */
type Row = Omit<RoomWaitlistRow, 'block_ids'> & { block_ids_json: string; segments_json: string };
const toEntry = ({ block_ids_json, ...row }: Row) => toRoomWaitlistEntry({ ...row, block_ids: JSON.parse(block_ids_json) as string[] });

/**
 * キャンセル待ち for rooms in SQLite. Each change is one BEGIN IMMEDIATE transaction, so a room day's
 * segments and its queue are read and written with no booking in between; a hold is rows of
 * facility_booked_segments, under the table's PRIMARY KEY like a booking's. The rules are the domain's.
 */
export function sqliteRoomWaitlistStore(db: Database.Database): RoomWaitlistStore {
  const releaseExpired = expiredReleaser(db);
  const facilityMails = sqliteFacilityMails(db);
  const daySegments = db.prepare('SELECT segment, room_block_id AS roomBlockId FROM facility_booked_segments WHERE room_key = ? AND date = ?');
  const activeEntries = db.prepare(`SELECT id, state, held_until AS heldUntil, segments_json AS segmentsJson FROM facility_waitlist
    WHERE facility_id = ? AND room_id = ? AND date = ? AND state IN ('waiting', 'offered') ORDER BY id`);
  const contactWaiting = db.prepare(`SELECT 1 FROM facility_waitlist
    WHERE facility_id = ? AND room_id = ? AND date = ? AND email = ? AND state IN ('waiting', 'offered')`);
  const insertEntry = db.prepare(`INSERT INTO facility_waitlist (facility_id, room_id, date, block_ids_json, segments_json, residency, group_type,
    head_count, state, purpose, group_name, name_kana, phone, email, joined_at, updated_at)
    VALUES (@facilityId, @roomId, @date, @blockIdsJson, @segmentsJson, @residency, @group, @headCount, 'waiting', @purpose, @groupName,
    @nameKana, @phone, @email, @now, @now)`);
  const holdSegment = db.prepare('INSERT INTO facility_booked_segments (room_key, date, segment, waitlist_entry_id) VALUES (?, ?, ?, ?)');
  const freeHeld = db.prepare('DELETE FROM facility_booked_segments WHERE waitlist_entry_id = ?');
  const expire = db.prepare("UPDATE facility_waitlist SET state = 'expired', updated_at = ? WHERE id = ? AND state = 'offered'");
  const offer = db.prepare(`UPDATE facility_waitlist SET state = 'offered', offer_token_hash = ?, held_until = ?, updated_at = ?
    WHERE id = ? AND state = 'waiting' RETURNING id, facility_id, room_id, date, block_ids_json, email`);
  const insertMessage =
    db.prepare(`INSERT INTO outbox (key, kind, facility_waitlist_entry, recipient, subject, body, due_at, status, next_attempt_at, created_at)
    VALUES (@key, @kind, @entry, @recipient, @subject, @body, @dueAt, 'queued', @dueAt, @now)`);
  // An offer mail not yet sent when the offer ends is not sent: its link would only say it is over.
  const dropUnsentOffer = db.prepare("DELETE FROM outbox WHERE facility_waitlist_entry = ? AND status = 'queued'");
  const byToken = db.prepare('SELECT * FROM facility_waitlist WHERE offer_token_hash = ?');

  /** The day's taken segments (after releasing lapsed 仮予約), those the city holds, and the queue. */
  function dayState(day: RoomDay, now: string) {
    releaseExpired(now);
    const rows = daySegments.all(roomKey(day.facilityId, day.roomId), day.date) as { segment: string; roomBlockId: number | null }[];
    const entries = (activeEntries.all(day.facilityId, day.roomId, day.date) as (Omit<RoomQueueEntry, 'segments'> & { segmentsJson: string })[]).map(
      ({ segmentsJson, ...entry }) => ({ ...entry, segments: JSON.parse(segmentsJson) as string[] }),
    );
    return {
      taken: new Set(rows.map((row) => row.segment)),
      cityHeld: new Set(rows.filter((row) => row.roomBlockId !== null).map((row) => row.segment)),
      entries,
    };
  }

  const join = db.transaction((entry: NewRoomWaitlistEntry) => {
    const state = dayState(entry, entry.now);
    const already = contactWaiting.get(entry.facilityId, entry.roomId, entry.date, entry.email) !== undefined;
    const refusal = roomJoinRefusal(state, entry.segments, already, entry.maxWaiting);
    if (refusal) return { joined: false as const, refusal };
    insertEntry.run({ ...entry, blockIdsJson: JSON.stringify(entry.blockIds), segmentsJson: JSON.stringify(entry.segments) });
    return { joined: true as const, position: positionOnJoining(state.entries) };
  });

  const settle = db.transaction((day: RoomDay, now: string, offers: PreparedOffer<RoomOfferedEntry>[]) => {
    const state = dayState(day, now);
    const step = settleRoomQueue(state, new Date(now), offers.length);
    for (const id of step.expire) {
      if (expire.run(now, id).changes !== 1) continue;
      dropUnsentOffer.run(id);
      freeHeld.run(id);
    }
    const key = roomKey(day.facilityId, day.roomId);
    let offered = 0;
    step.offer.forEach((id, index) => {
      const prepared = offers[index];
      const entry = state.entries.find((candidate) => candidate.id === id);
      if (!prepared || !entry) return;
      // The hold takes the segments like a booking, under the same PRIMARY KEY.
      for (const segment of entry.segments) holdSegment.run(key, day.date, segment, id);
      const row = offer.get(prepared.tokenHash, prepared.heldUntil, now, id) as {
        id: number;
        facility_id: string;
        room_id: string;
        date: string;
        block_ids_json: string;
        email: string;
      };
      const offeredEntry: RoomOfferedEntry = {
        id,
        facilityId: row.facility_id,
        roomId: row.room_id,
        date: row.date,
        blockIds: JSON.parse(row.block_ids_json) as string[],
        email: row.email,
      };
      insertMessage.run({ ...prepared.mail(offeredEntry), entry: id, now });
      offered += 1;
    });
    return offered;
  });

  const insertBooking = db.prepare(`INSERT INTO facility_bookings
    (code, facility_id, room_id, dates_json, block_ids_json, first_date, last_date, residency, group_type, head_count, fee,
     status, provisional_until, apply_by, purpose, group_name, name_kana, phone, email, created_at, updated_at)
    SELECT @code, facility_id, room_id, json_array(date), block_ids_json, date, date, residency, group_type, head_count, @fee,
     @status, @provisionalUntil, @applyBy, purpose, group_name, name_kana, phone, email, @now, @now FROM facility_waitlist WHERE id = @id`);
  const codeExists = db.prepare('SELECT 1 FROM facility_bookings WHERE code = ?').pluck();
  const insertFirstLink = db.prepare(
    "INSERT INTO booking_links (booking_kind, code, token_hash, opened_by, created_at) VALUES ('facility', ?, ?, 'booking', ?)",
  );
  // The held rows become the booking's: the booking takes no other segment.
  const handOver = db.prepare('UPDATE facility_booked_segments SET booking_id = ?, waitlist_entry_id = NULL WHERE waitlist_entry_id = ?');
  const markAccepted = db.prepare("UPDATE facility_waitlist SET state = 'accepted', booking_code = ?, updated_at = ? WHERE id = ?");

  const accept = db.transaction(
    (tokenHash: string, booking: AcceptedRoomBooking, idempotency: Parameters<RoomWaitlistStore['accept']>[2], answer: () => string) =>
      withIdempotency<RoomAcceptOutcome>(
        db,
        idempotency,
        booking.now,
        () => {
          const row = byToken.get(tokenHash) as Row | undefined;
          if (!row) return 'not-found';
          const refusal = acceptRefusal({ state: row.state, heldUntil: row.held_until }, new Date(booking.now));
          if (refusal) return refusal;
          if (codeExists.get(booking.code)) return 'code-taken';
          const { lastInsertRowid } = insertBooking.run({ ...booking, id: row.id });
          handOver.run(Number(lastInsertRowid), row.id);
          insertFirstLink.run(booking.code, booking.tokenHash, booking.now);
          markAccepted.run(booking.code, booking.now, row.id);
          facilityMails.enqueue(booking.code, booking.mails, booking.now);
          return 'booked';
        },
        (outcome) => outcome === 'booked',
        answer,
      ),
  );

  const markDeclined = db.prepare("UPDATE facility_waitlist SET state = 'declined', updated_at = ? WHERE id = ?");
  const decline = db.transaction((tokenHash: string, now: string) => {
    const row = byToken.get(tokenHash) as Row | undefined;
    if (!row) return 'not-found' as const;
    const refusal = acceptRefusal({ state: row.state, heldUntil: row.held_until }, new Date(now));
    if (refusal) return refusal;
    markDeclined.run(now, row.id);
    dropUnsentOffer.run(row.id);
    freeHeld.run(row.id);
    return 'declined' as const;
  });

  const queuedDays = db.prepare(`SELECT DISTINCT facility_id AS facilityId, room_id AS roomId, date FROM facility_waitlist
    WHERE date >= ? AND state IN ('waiting', 'offered') ORDER BY date, facility_id, room_id`);
  const deleteMessages = db.prepare('DELETE FROM outbox WHERE facility_waitlist_entry IN (SELECT id FROM facility_waitlist WHERE date <= ?)');
  const deletePersonalData = db.prepare(`UPDATE facility_waitlist
    SET purpose = NULL, group_name = NULL, name_kana = NULL, phone = NULL, email = NULL, personal_data_deleted_at = ?
    WHERE date <= ? AND personal_data_deleted_at IS NULL`);
  const deletePersonalDataUpTo = db.transaction((lastDate: string, now: string) => {
    deleteMessages.run(lastDate);
    return deletePersonalData.run(now, lastDate).changes;
  });

  return {
    join: (entry) => Promise.resolve(join.immediate(entry)),
    settle: (day, now, offers) => Promise.resolve(settle.immediate(day, now, offers)),
    daysWithQueue: (fromDate) => Promise.resolve(queuedDays.all(fromDate) as RoomDay[]),
    findByOfferToken(tokenHash) {
      const row = byToken.get(tokenHash) as Row | undefined;
      return Promise.resolve(row ? toEntry(row) : null);
    },
    accept: (tokenHash, booking, idempotency, answer) => Promise.resolve(accept.immediate(tokenHash, booking, idempotency, answer)),
    decline: (tokenHash, now) => Promise.resolve(decline.immediate(tokenHash, now)),
    deletePersonalDataUpTo: (lastDate, now) => Promise.resolve(deletePersonalDataUpTo.immediate(lastDate, now)),
  };
}
