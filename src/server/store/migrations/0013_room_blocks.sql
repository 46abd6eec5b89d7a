-- The facility desk blocks a room for the city's own use (市の行事, 設備点検) on one day, in some of
-- the facility's booking blocks. A block holds the room's segments in facility_booked_segments like
-- a booking, so the segments' PRIMARY KEY keeps blocks and citizens' bookings apart whatever the
-- timing. Unblocking deletes the block and its segments; the audit log keeps what was there.
CREATE TABLE facility_room_blocks (
  id             INTEGER PRIMARY KEY,
  facility_id    TEXT NOT NULL,
  room_id        TEXT NOT NULL,
  date           TEXT NOT NULL,
  block_ids_json TEXT NOT NULL,
  reason         TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 100),
  created_at     TEXT NOT NULL,
  account_id     INTEGER NOT NULL REFERENCES staff_accounts (id)
) STRICT;

CREATE INDEX facility_room_blocks_date ON facility_room_blocks (date);

-- A segment is held by a booking or by a block, never both. SQLite cannot drop a NOT NULL in
-- place: the table is rebuilt with the same rows (nothing refers to it).
CREATE TABLE facility_booked_segments_new (
  room_key      TEXT NOT NULL,  -- 'facilityId/roomId'
  date          TEXT NOT NULL,
  segment       TEXT NOT NULL,  -- 'HH:MM', the segment's start
  booking_id    INTEGER REFERENCES facility_bookings (id),
  room_block_id INTEGER REFERENCES facility_room_blocks (id),
  CHECK ((booking_id IS NULL) <> (room_block_id IS NULL)),
  PRIMARY KEY (room_key, date, segment)
) STRICT, WITHOUT ROWID;
INSERT INTO facility_booked_segments_new (room_key, date, segment, booking_id)
  SELECT room_key, date, segment, booking_id FROM facility_booked_segments;
DROP TABLE facility_booked_segments;
ALTER TABLE facility_booked_segments_new RENAME TO facility_booked_segments;
CREATE INDEX facility_booked_segments_booking ON facility_booked_segments (booking_id);
CREATE INDEX facility_booked_segments_room_block ON facility_booked_segments (room_block_id);
