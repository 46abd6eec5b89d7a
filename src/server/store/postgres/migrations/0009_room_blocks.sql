-- The facility desk blocks a room for the city's own use (市の行事, 設備点検) on one day, in some of
-- the facility's booking blocks. A block holds the room's segments in facility_booked_segments like
-- a booking, under the same exclusion constraint, so blocks and citizens' bookings never overlap
-- whatever the timing. Unblocking deletes the block and its segments; the audit log keeps what was there.
CREATE TABLE facility_room_blocks (
  id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  facility_id text NOT NULL,
  room_id     text NOT NULL,
  date        date NOT NULL,
  block_ids   text[] NOT NULL,
  reason      text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 100),
  created_at  timestamptz NOT NULL,
  account_id  bigint NOT NULL REFERENCES staff_accounts (id)
);

CREATE INDEX facility_room_blocks_date ON facility_room_blocks (date);

-- A segment is held by a booking or by a block, never both.
ALTER TABLE facility_booked_segments
  ALTER COLUMN booking_id DROP NOT NULL,
  ADD COLUMN room_block_id bigint REFERENCES facility_room_blocks (id),
  ADD CONSTRAINT facility_segments_held_by_one CHECK ((booking_id IS NULL) <> (room_block_id IS NULL));

CREATE INDEX facility_booked_segments_room_block ON facility_booked_segments (room_block_id);
