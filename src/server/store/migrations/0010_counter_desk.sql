-- The counter desk's later work: a clerk moves a booking to another slot after a phone call, and
-- the administrator sets the number of desks (seats per slot) for one day.

-- What an action changed, for the audit log: a booking's slot before and after a move, say. Never
-- a citizen's personal data (see src/server/staff/audit.ts).
ALTER TABLE staff_audit_log ADD COLUMN before_value TEXT;
ALTER TABLE staff_audit_log ADD COLUMN after_value TEXT;

-- A booking the desk moved, and from where. The citizen's page says the city moved it while the
-- booking is still at `to_slot`; a later change by the citizen themselves removes the row.
CREATE TABLE counter_staff_moves (
  code       TEXT PRIMARY KEY REFERENCES counter_reservations (code),
  from_slot  TEXT NOT NULL,
  to_slot    TEXT NOT NULL,
  moved_at   TEXT NOT NULL,
  account_id INTEGER NOT NULL REFERENCES staff_accounts (id)
) STRICT, WITHOUT ROWID;

-- The outbox takes the city's notice of a move ('city-move'). SQLite cannot change a CHECK in
-- place: the table is rebuilt with the same rows (nothing refers to it).
CREATE TABLE outbox_new (
  id              INTEGER PRIMARY KEY,
  key             TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL CHECK (kind IN ('reminder', 'city-cancellation', 'city-move')),
  booking_code    TEXT NOT NULL REFERENCES counter_reservations (code),
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
  finished_at     TEXT                      -- sent or failed
) STRICT;
INSERT INTO outbox_new SELECT id, key, kind, booking_code, recipient, subject, body, due_at, status, attempts, next_attempt_at,
  lease_until, last_error, created_at, finished_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;
CREATE INDEX outbox_queued ON outbox (next_attempt_at) WHERE status = 'queued';
CREATE INDEX outbox_booking ON outbox (booking_code);

-- The desks (seats per slot) of one day, where the administrator changed them; other days take
-- the content's desksPerSlot. The store takes a seat only below the day's desks, and keeps the
-- day's counter_slots at that capacity (a closed slot stays at 0, see counter_slots_stay_closed).
-- A change below what a slot of the day already holds is refused (src/server/store/sqlite-staff-store.ts).
CREATE TABLE counter_day_desks (
  date       TEXT PRIMARY KEY,            -- 'YYYY-MM-DD', Japan time
  desks      INTEGER NOT NULL CHECK (desks BETWEEN 1 AND 20),
  updated_at TEXT NOT NULL,
  account_id INTEGER NOT NULL REFERENCES staff_accounts (id)
) STRICT, WITHOUT ROWID;
