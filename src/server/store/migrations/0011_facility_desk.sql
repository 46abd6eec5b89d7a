-- The facility desk's later work: a 仮予約 the city declines, with the reason the citizen reads on
-- the booking's page and in a mail.

-- A 仮予約 the facility desk declined. The booking itself is 'cancelled' and its segments are
-- gone, in the same transaction that writes this row (src/server/store/sqlite-staff-store.ts).
CREATE TABLE facility_staff_declines (
  code        TEXT PRIMARY KEY REFERENCES facility_bookings (code),
  reason      TEXT NOT NULL,
  declined_at TEXT NOT NULL,
  account_id  INTEGER NOT NULL REFERENCES staff_accounts (id)
) STRICT, WITHOUT ROWID;

-- The outbox takes mails about facility bookings too ('facility-declined'): a row belongs to a
-- counter booking (booking_code) or to a facility booking (facility_code), never both. SQLite
-- cannot change a column or a CHECK in place: the table is rebuilt with the same rows (nothing
-- refers to it).
CREATE TABLE outbox_new (
  id              INTEGER PRIMARY KEY,
  key             TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL CHECK (kind IN ('reminder', 'city-cancellation', 'city-move', 'facility-declined')),
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
  CHECK ((booking_code IS NULL) <> (facility_code IS NULL))
) STRICT;
INSERT INTO outbox_new (id, key, kind, booking_code, recipient, subject, body, due_at, status, attempts, next_attempt_at,
  lease_until, last_error, created_at, finished_at)
  SELECT id, key, kind, booking_code, recipient, subject, body, due_at, status, attempts, next_attempt_at,
  lease_until, last_error, created_at, finished_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_queued ON outbox (next_attempt_at) WHERE status = 'queued';
CREATE INDEX outbox_booking ON outbox (booking_code);
CREATE INDEX outbox_facility_booking ON outbox (facility_code);

-- The fee of a confirmed booking, recorded as paid at the facility desk: how (a closed list, see
-- src/domain/facility-fee.ts), the receipt number, who and when. One row a booking; the store
-- writes it only while the booking is 'booked'.
CREATE TABLE facility_fee_payments (
  code           TEXT PRIMARY KEY REFERENCES facility_bookings (code),
  method         TEXT NOT NULL CHECK (method IN ('cash', 'bank-transfer', 'payment-slip', 'cashless')),
  receipt_number TEXT NOT NULL CHECK (length(receipt_number) BETWEEN 1 AND 20),
  recorded_at    TEXT NOT NULL,
  account_id     INTEGER NOT NULL REFERENCES staff_accounts (id)
) STRICT, WITHOUT ROWID;
