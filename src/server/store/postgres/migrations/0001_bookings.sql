-- The booking engine's tables in PostgreSQL. The rules that must hold whatever the application does
-- (no over-booked counter slot, no two bookings of one room's segment) are constraints here, so
-- several server instances on one database cannot break them between a read and a write.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Small facts about this installation: which content pack was seeded, the key for hashing subjects.
CREATE TABLE app_meta (
  key        text PRIMARY KEY,
  value      text NOT NULL,
  updated_at timestamptz NOT NULL
);

-- MyNumber counter slots. A booking takes a seat by a conditional update
-- (booked + 1 <= capacity); the CHECK refuses over-booking even if that update were ever wrong.
-- Slots are 'YYYY-MM-DDTHH:MM' in Japan time, compared as bytes (COLLATE "C") whatever the
-- database's locale, so a range of days is a range of strings.
CREATE TABLE counter_slots (
  slot     text COLLATE "C" PRIMARY KEY,
  capacity integer NOT NULL CHECK (capacity >= 0),
  booked   integer NOT NULL DEFAULT 0,
  CHECK (booked >= 0 AND booked <= capacity)
);

CREATE TABLE counter_reservations (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  kind_id     text NOT NULL,
  slot        text COLLATE "C" NOT NULL REFERENCES counter_slots (slot),
  visit_date  date NOT NULL,  -- the slot's day, for the retention job
  people      integer NOT NULL CHECK (people >= 1),
  proxy       boolean NOT NULL,
  status      text NOT NULL CHECK (status IN ('booked', 'cancelled')),
  -- Personal data: set to NULL by the retention job some days after the visit.
  name_kana   text,
  phone       text,
  email       text,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  personal_data_deleted_at timestamptz
);

CREATE INDEX counter_reservations_visit_date ON counter_reservations (visit_date) WHERE personal_data_deleted_at IS NULL;

-- A retried request with the same Idempotency-Key gets the first answer again. The primary key is
-- the unique index that makes a second answer for one key impossible.
CREATE TABLE idempotency_keys (
  scope         text NOT NULL,
  key           text NOT NULL,
  request_hash  text NOT NULL,
  response_json text NOT NULL,
  created_at    timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);

CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);

CREATE TABLE facility_bookings (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  code              text NOT NULL UNIQUE,
  facility_id       text NOT NULL,
  room_id           text NOT NULL,
  dates             date[] NOT NULL,
  block_ids         text[] NOT NULL,
  first_date        date NOT NULL,
  last_date         date NOT NULL,  -- for the retention job
  residency         text NOT NULL,
  group_type        text NOT NULL,
  head_count        integer NOT NULL CHECK (head_count >= 1),
  fee               integer NOT NULL CHECK (fee >= 0),
  status            text NOT NULL CHECK (status IN ('booked', 'provisional', 'cancelled', 'released')),
  provisional_until timestamptz,  -- a provisional booking not confirmed by then is released
  apply_by          text,
  -- Personal data: set to NULL by the retention job some days after the last day of use.
  purpose           text,
  group_name        text,
  name_kana         text,
  phone             text,
  email             text,
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL,
  personal_data_deleted_at timestamptz
);

CREATE INDEX facility_bookings_last_date ON facility_bookings (last_date) WHERE personal_data_deleted_at IS NULL;
CREATE INDEX facility_bookings_provisional ON facility_bookings (provisional_until) WHERE status = 'provisional';

-- What two bookings of a room may never share. The booking engine cuts each day at every block
-- boundary of the facility (blockSegments in src/domain/facility-rules.ts) and hands the store the
-- start of each segment a booking covers; here each segment is the one-instant range
-- [day + start, day + start], so two rows of a room overlap (&&) exactly when they are the same
-- segment of the same day, and the exclusion constraint refuses the second whatever the code does.
-- A range rather than a plain unique key so that the day the engine hands over whole block times,
-- `during` can hold them unchanged and the same constraint refuses any partial overlap.
-- Rows go when a booking is cancelled, moved or released.
CREATE TABLE facility_booked_segments (
  booking_id bigint NOT NULL REFERENCES facility_bookings (id),
  room       text NOT NULL,     -- 'facilityId/roomId'
  during     tsrange NOT NULL,  -- Japan time
  CONSTRAINT facility_segments_never_overlap EXCLUDE USING gist (room WITH =, during WITH &&)
);

CREATE INDEX facility_booked_segments_booking ON facility_booked_segments (booking_id);

-- A booking can be open on several devices, each with its own management token (only its hash).
CREATE TABLE booking_links (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  booking_kind text NOT NULL CHECK (booking_kind IN ('counter', 'facility')),
  code         text NOT NULL,
  token_hash   text NOT NULL UNIQUE,
  opened_by    text NOT NULL CHECK (opened_by IN ('booking', 'lookup')),
  created_at   timestamptz NOT NULL
);

CREATE INDEX booking_links_booking ON booking_links (booking_kind, code);
