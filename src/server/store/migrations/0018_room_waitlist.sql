-- キャンセル待ち for blocks of a facility room that someone booked (rules: src/domain/room-waitlist.ts).
-- A queue is one room on one day; the id is the order people joined. Each entry waits for the
-- segments of the blocks it chose (segments_json, as the booking engine cuts them). An entry holding
-- an offer ('offered') holds those segments in facility_booked_segments, as a booking does, so the
-- table's PRIMARY KEY keeps a hold and a booking apart whatever the timing; accepting hands the held
-- rows to the booking ('accepted', booking_code). The booking's details are given at joining, so
-- accepting is one tap; they are personal data and go with the retention rule like a booking's. The
-- offer's link carries a secret: only its SHA-256 is kept (offer_token_hash), made with the offer.
CREATE TABLE facility_waitlist (
  id               INTEGER PRIMARY KEY,
  facility_id      TEXT NOT NULL,
  room_id          TEXT NOT NULL,
  date             TEXT NOT NULL,
  block_ids_json   TEXT NOT NULL,
  segments_json    TEXT NOT NULL,
  residency        TEXT NOT NULL,
  group_type       TEXT NOT NULL,
  head_count       INTEGER NOT NULL CHECK (head_count >= 1),
  state            TEXT NOT NULL CHECK (state IN ('waiting', 'offered', 'accepted', 'declined', 'expired')),
  -- Personal data: set to NULL by the retention job some days after the day.
  purpose          TEXT,
  group_name       TEXT,
  name_kana        TEXT,
  phone            TEXT,
  email            TEXT,
  offer_token_hash TEXT UNIQUE,
  held_until       TEXT,                     -- ISO instant, UTC: the offer lapses then
  booking_code     TEXT REFERENCES facility_bookings (code),
  joined_at        TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  personal_data_deleted_at TEXT,
  CHECK ((state = 'accepted') = (booking_code IS NOT NULL)),
  CHECK (state = 'waiting' OR (offer_token_hash IS NOT NULL AND held_until IS NOT NULL))
) STRICT;

-- One entry per contact per room day while it is in the queue.
CREATE UNIQUE INDEX facility_waitlist_one_per_contact ON facility_waitlist (facility_id, room_id, date, email) WHERE state IN ('waiting', 'offered');
CREATE INDEX facility_waitlist_queue ON facility_waitlist (facility_id, room_id, date, id) WHERE state IN ('waiting', 'offered');
CREATE INDEX facility_waitlist_date ON facility_waitlist (date);

-- A segment is held by a booking, by the desk's block, or by an offer held for someone waiting:
-- by exactly one. SQLite cannot change a CHECK in place: the table is rebuilt with the same rows.
CREATE TABLE facility_booked_segments_new (
  room_key          TEXT NOT NULL,  -- 'facilityId/roomId'
  date              TEXT NOT NULL,
  segment           TEXT NOT NULL,  -- 'HH:MM', the segment's start
  booking_id        INTEGER REFERENCES facility_bookings (id),
  room_block_id     INTEGER REFERENCES facility_room_blocks (id),
  waitlist_entry_id INTEGER REFERENCES facility_waitlist (id),
  CHECK ((booking_id IS NOT NULL) + (room_block_id IS NOT NULL) + (waitlist_entry_id IS NOT NULL) = 1),
  PRIMARY KEY (room_key, date, segment)
) STRICT, WITHOUT ROWID;
INSERT INTO facility_booked_segments_new (room_key, date, segment, booking_id, room_block_id)
  SELECT room_key, date, segment, booking_id, room_block_id FROM facility_booked_segments;
DROP TABLE facility_booked_segments;
ALTER TABLE facility_booked_segments_new RENAME TO facility_booked_segments;
CREATE INDEX facility_booked_segments_booking ON facility_booked_segments (booking_id);
CREATE INDEX facility_booked_segments_room_block ON facility_booked_segments (room_block_id);
CREATE INDEX facility_booked_segments_waitlist_entry ON facility_booked_segments (waitlist_entry_id);

-- The outbox takes the room offers' mails ('room-waitlist-offer'), which belong to a room waitlist
-- entry: a row belongs to exactly one of the four owners. Rebuilt with every column and kind the
-- migrations before it gave the outbox.
CREATE TABLE outbox_new (
  id              INTEGER PRIMARY KEY,
  key             TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL CHECK (kind IN ('reminder', 'city-cancellation', 'city-move', 'facility-declined',
                    'waitlist-offer', 'facility-reminder', 'facility-deadline', 'room-waitlist-offer')),
  booking_code    TEXT REFERENCES counter_reservations (code),
  recipient       TEXT NOT NULL,
  subject         TEXT NOT NULL,
  body            TEXT NOT NULL,
  due_at          TEXT NOT NULL,            -- ISO instant, UTC
  status          TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,            -- due_at at first, then after each failure's back-off
  lease_until     TEXT,                     -- a worker is sending it until then
  last_error      TEXT,
  created_at      TEXT NOT NULL,
  finished_at     TEXT,                     -- sent or failed
  facility_code   TEXT REFERENCES facility_bookings (code),
  waitlist_entry  INTEGER REFERENCES counter_waitlist (id),
  channel         TEXT NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'push')),
  facility_waitlist_entry INTEGER REFERENCES facility_waitlist (id),
  CHECK ((booking_code IS NOT NULL) + (facility_code IS NOT NULL) + (waitlist_entry IS NOT NULL) + (facility_waitlist_entry IS NOT NULL) = 1)
) STRICT;
INSERT INTO outbox_new (id, key, kind, booking_code, recipient, subject, body, due_at, status, attempts, next_attempt_at,
  lease_until, last_error, created_at, finished_at, facility_code, waitlist_entry, channel)
  SELECT id, key, kind, booking_code, recipient, subject, body, due_at, status, attempts, next_attempt_at,
  lease_until, last_error, created_at, finished_at, facility_code, waitlist_entry, channel FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_queued ON outbox (next_attempt_at) WHERE status = 'queued';
CREATE INDEX outbox_booking ON outbox (booking_code);
CREATE INDEX outbox_facility_booking ON outbox (facility_code);
CREATE INDEX outbox_waitlist_entry ON outbox (waitlist_entry);
CREATE INDEX outbox_facility_waitlist_entry ON outbox (facility_waitlist_entry);
