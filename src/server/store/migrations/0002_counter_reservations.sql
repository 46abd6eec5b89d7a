-- MyNumber counter bookings. A slot row counts its bookings; the CHECK makes over-booking
-- impossible even if application code were wrong: the database refuses the update.
CREATE TABLE counter_slots (
  slot     TEXT PRIMARY KEY,          -- 'YYYY-MM-DDTHH:MM', Japan time
  capacity INTEGER NOT NULL CHECK (capacity >= 0),
  booked   INTEGER NOT NULL DEFAULT 0,
  CHECK (booked >= 0 AND booked <= capacity)
) STRICT;

CREATE TABLE counter_reservations (
  id          INTEGER PRIMARY KEY,
  code        TEXT NOT NULL UNIQUE,
  token_hash  TEXT NOT NULL,
  kind_id     TEXT NOT NULL,
  slot        TEXT NOT NULL REFERENCES counter_slots (slot),
  visit_date  TEXT NOT NULL,          -- the slot's day, for the retention job
  people      INTEGER NOT NULL CHECK (people >= 1),
  proxy       INTEGER NOT NULL CHECK (proxy IN (0, 1)),
  status      TEXT NOT NULL CHECK (status IN ('booked', 'cancelled')),
  -- Personal data: set to NULL by the retention job some days after the visit.
  name_kana   TEXT,
  phone       TEXT,
  email       TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  personal_data_deleted_at TEXT
) STRICT;

CREATE INDEX counter_reservations_visit_date ON counter_reservations (visit_date);

-- A retried request with the same Idempotency-Key gets the first answer again instead of a second
-- booking. Shared by every booking route; `scope` names the route.
CREATE TABLE idempotency_keys (
  scope         TEXT NOT NULL,
  key           TEXT NOT NULL,
  request_hash  TEXT NOT NULL,
  response_json TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  PRIMARY KEY (scope, key)
) STRICT;
