-- The outbox takes the mails written ahead for a facility booking: its reminder the day before
-- ('facility-reminder') and a 仮予約's deadline notice ('facility-deadline'); see
-- src/domain/facility-mail.ts. SQLite cannot change a CHECK in place: the table is rebuilt with the
-- same rows (nothing refers to it), and keeps every column and kind the migrations before it gave
-- the outbox (0015's channel, 0016's waitlist_entry and 'waitlist-offer').
CREATE TABLE outbox_new (
  id              INTEGER PRIMARY KEY,
  key             TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL CHECK (kind IN ('reminder', 'city-cancellation', 'city-move', 'facility-declined',
                    'waitlist-offer', 'facility-reminder', 'facility-deadline')),
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
  lease_until, last_error, created_at, finished_at, facility_code, waitlist_entry, channel)
  SELECT id, key, kind, booking_code, recipient, subject, body, due_at, status, attempts, next_attempt_at,
  lease_until, last_error, created_at, finished_at, facility_code, waitlist_entry, channel FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_queued ON outbox (next_attempt_at) WHERE status = 'queued';
CREATE INDEX outbox_booking ON outbox (booking_code);
CREATE INDEX outbox_facility_booking ON outbox (facility_code);
CREATE INDEX outbox_waitlist_entry ON outbox (waitlist_entry);
