-- Facility bookings. A booking holds one row per room, day and segment of the day (see
-- blockSegments in src/domain/facility-rules.ts): the PRIMARY KEY makes two overlapping bookings of a
-- room impossible, whatever the application code does. Rows go when a booking is cancelled or released.
CREATE TABLE facility_bookings (
  id                INTEGER PRIMARY KEY,
  code              TEXT NOT NULL UNIQUE,
  token_hash        TEXT NOT NULL,
  facility_id       TEXT NOT NULL,
  room_id           TEXT NOT NULL,
  dates_json        TEXT NOT NULL,
  block_ids_json    TEXT NOT NULL,
  first_date        TEXT NOT NULL,
  last_date         TEXT NOT NULL,  -- for the retention job
  residency         TEXT NOT NULL,
  group_type        TEXT NOT NULL,
  head_count        INTEGER NOT NULL CHECK (head_count >= 1),
  fee               INTEGER NOT NULL CHECK (fee >= 0),
  status            TEXT NOT NULL CHECK (status IN ('booked', 'provisional', 'cancelled', 'released')),
  provisional_until TEXT,           -- ISO instant; a provisional booking not confirmed by then is released
  apply_by          TEXT,
  -- Personal data: set to NULL by the retention job some days after the last day of use.
  purpose           TEXT,
  group_name        TEXT,
  name_kana         TEXT,
  phone             TEXT,
  email             TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL,
  personal_data_deleted_at TEXT
) STRICT;

CREATE INDEX facility_bookings_last_date ON facility_bookings (last_date);
CREATE INDEX facility_bookings_provisional ON facility_bookings (provisional_until) WHERE status = 'provisional';

CREATE TABLE facility_booked_segments (
  room_key   TEXT NOT NULL,  -- 'facilityId/roomId'
  date       TEXT NOT NULL,
  segment    TEXT NOT NULL,  -- 'HH:MM', the segment's start
  booking_id INTEGER NOT NULL REFERENCES facility_bookings (id),
  PRIMARY KEY (room_key, date, segment)
) STRICT, WITHOUT ROWID;

CREATE INDEX facility_booked_segments_booking ON facility_booked_segments (booking_id);
