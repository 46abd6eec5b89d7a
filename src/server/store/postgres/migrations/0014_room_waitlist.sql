-- キャンセル待ち for blocks of a facility room that someone booked (rules: src/domain/room-waitlist.ts),
-- as in SQLite's 0018_room_waitlist.sql. A queue is one room on one day; the id is the order people
-- joined. An entry holding an offer holds its segments in facility_booked_segments, under the same
-- exclusion constraint as bookings, so a hold and a booking never share a segment whatever the
-- timing; accepting hands the held rows to the booking. Every change of a room's queue first takes
-- the room's advisory lock, as a booking does.
CREATE TABLE facility_waitlist (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  facility_id      text NOT NULL,
  room_id          text NOT NULL,
  date             date NOT NULL,
  block_ids        text[] NOT NULL,
  segments         text[] NOT NULL,
  residency        text NOT NULL,
  group_type       text NOT NULL,
  head_count       integer NOT NULL CHECK (head_count >= 1),
  state            text NOT NULL CHECK (state IN ('waiting', 'offered', 'accepted', 'declined', 'expired')),
  -- Personal data: set to NULL by the retention job some days after the day.
  purpose          text,
  group_name       text,
  name_kana        text,
  phone            text,
  email            text,
  offer_token_hash text UNIQUE,
  held_until       timestamptz,    -- the offer lapses then
  booking_code     text REFERENCES facility_bookings (code),
  joined_at        timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  personal_data_deleted_at timestamptz,
  CHECK ((state = 'accepted') = (booking_code IS NOT NULL)),
  CHECK (state = 'waiting' OR (offer_token_hash IS NOT NULL AND held_until IS NOT NULL))
);

-- One entry per contact per room day while it is in the queue.
CREATE UNIQUE INDEX facility_waitlist_one_per_contact ON facility_waitlist (facility_id, room_id, date, email) WHERE state IN ('waiting', 'offered');
CREATE INDEX facility_waitlist_queue ON facility_waitlist (facility_id, room_id, date, id) WHERE state IN ('waiting', 'offered');
CREATE INDEX facility_waitlist_date ON facility_waitlist (date);

-- A segment is held by a booking, by the desk's block, or by an offer held for someone waiting: by exactly one.
ALTER TABLE facility_booked_segments
  ADD COLUMN waitlist_entry_id bigint REFERENCES facility_waitlist (id),
  DROP CONSTRAINT facility_segments_held_by_one,
  ADD CONSTRAINT facility_segments_held_by_one CHECK (num_nonnulls(booking_id, room_block_id, waitlist_entry_id) = 1);
CREATE INDEX facility_booked_segments_waitlist_entry ON facility_booked_segments (waitlist_entry_id);

-- The room offers' mails belong to a room waitlist entry: a row belongs to exactly one of the four owners.
ALTER TABLE outbox ADD COLUMN facility_waitlist_entry bigint REFERENCES facility_waitlist (id),
  DROP CONSTRAINT outbox_one_owner,
  ADD CONSTRAINT outbox_one_owner CHECK (num_nonnulls(booking_code, facility_code, waitlist_entry, facility_waitlist_entry) = 1),
  DROP CONSTRAINT outbox_kind_check,
  ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('reminder', 'city-cancellation', 'city-move', 'facility-declined',
    'waitlist-offer', 'facility-reminder', 'facility-deadline', 'room-waitlist-offer'));
CREATE INDEX outbox_facility_waitlist_entry ON outbox (facility_waitlist_entry);
