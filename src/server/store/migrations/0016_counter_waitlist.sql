-- キャンセル待ち for a full slot of the MyNumber counter (rules: src/domain/counter-waitlist.ts).
-- The id is the order people joined. An entry holding an offer ('offered') holds one of the slot's
-- seats: counter_slots.booked counts it like a booking, so the CHECK there covers holds too, and
-- accepting turns the held seat into the booking ('accepted', booking_code) without taking another.
-- The booking's details are given at joining, so accepting is one tap; they are personal data and go
-- with the retention rule like a booking's. The offer's link carries a secret: only its SHA-256 is
-- kept (offer_token_hash), made when the offer is.
CREATE TABLE counter_waitlist (
  id               INTEGER PRIMARY KEY,
  slot             TEXT NOT NULL REFERENCES counter_slots (slot),
  visit_date       TEXT NOT NULL,            -- the slot's day, for the retention job
  kind_id          TEXT NOT NULL,
  people           INTEGER NOT NULL CHECK (people >= 1),
  proxy            INTEGER NOT NULL CHECK (proxy IN (0, 1)),
  state            TEXT NOT NULL CHECK (state IN ('waiting', 'offered', 'accepted', 'declined', 'expired')),
  -- Personal data: set to NULL by the retention job some days after the slot. The e-mail address is
  -- the contact an offer goes to (the only channel so far).
  name_kana        TEXT,
  phone            TEXT,
  email            TEXT,
  offer_token_hash TEXT UNIQUE,
  held_until       TEXT,                     -- ISO instant, UTC: the offer lapses then
  booking_code     TEXT REFERENCES counter_reservations (code),
  joined_at        TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  personal_data_deleted_at TEXT,
  CHECK ((state = 'accepted') = (booking_code IS NOT NULL)),
  CHECK (state = 'waiting' OR (offer_token_hash IS NOT NULL AND held_until IS NOT NULL))
) STRICT;

-- One entry per contact per slot while it is in the queue.
CREATE UNIQUE INDEX counter_waitlist_one_per_contact ON counter_waitlist (slot, email) WHERE state IN ('waiting', 'offered');
CREATE INDEX counter_waitlist_queue ON counter_waitlist (slot, id) WHERE state IN ('waiting', 'offered');
CREATE INDEX counter_waitlist_visit_date ON counter_waitlist (visit_date);

-- The outbox takes the offer mails ('waitlist-offer'), which belong to a waitlist entry rather than
-- a booking: a row belongs to exactly one of the three. Rebuilt, as SQLite cannot change a CHECK.
CREATE TABLE outbox_new (
  id              INTEGER PRIMARY KEY,
  key             TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL CHECK (kind IN ('reminder', 'city-cancellation', 'city-move', 'facility-declined', 'waitlist-offer')),
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
  CHECK ((booking_code IS NOT NULL) + (facility_code IS NOT NULL) + (waitlist_entry IS NOT NULL) = 1)
) STRICT;
INSERT INTO outbox_new (id, key, kind, booking_code, recipient, subject, body, due_at, status, attempts, next_attempt_at,
  lease_until, last_error, created_at, finished_at, facility_code, channel)
  SELECT id, key, kind, booking_code, recipient, subject, body, due_at, status, attempts, next_attempt_at,
  lease_until, last_error, created_at, finished_at, facility_code, channel FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_queued ON outbox (next_attempt_at) WHERE status = 'queued';
CREATE INDEX outbox_booking ON outbox (booking_code);
CREATE INDEX outbox_facility_booking ON outbox (facility_code);
CREATE INDEX outbox_waitlist_entry ON outbox (waitlist_entry);
