-- キャンセル待ち for a full slot of the MyNumber counter (rules: src/domain/counter-waitlist.ts),
-- as in SQLite's 0016_counter_waitlist.sql. The id is the order people joined. An entry holding an
-- offer holds one of the slot's seats: counter_slots.booked counts it like a booking, so the CHECK
-- there covers holds too. Every change of a slot's queue first locks the slot's row, as a booking
-- does, so the queue, the holds and the bookings of one slot change one transaction at a time.
CREATE TABLE counter_waitlist (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  slot             text COLLATE "C" NOT NULL REFERENCES counter_slots (slot),
  visit_date       date NOT NULL,  -- the slot's day, for the retention job
  kind_id          text NOT NULL,
  people           integer NOT NULL CHECK (people >= 1),
  proxy            boolean NOT NULL,
  state            text NOT NULL CHECK (state IN ('waiting', 'offered', 'accepted', 'declined', 'expired')),
  -- Personal data: set to NULL by the retention job some days after the slot.
  name_kana        text,
  phone            text,
  email            text,
  offer_token_hash text UNIQUE,
  held_until       timestamptz,    -- the offer lapses then
  booking_code     text REFERENCES counter_reservations (code),
  joined_at        timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  personal_data_deleted_at timestamptz,
  CHECK ((state = 'accepted') = (booking_code IS NOT NULL)),
  CHECK (state = 'waiting' OR (offer_token_hash IS NOT NULL AND held_until IS NOT NULL))
);

-- One entry per contact per slot while it is in the queue.
CREATE UNIQUE INDEX counter_waitlist_one_per_contact ON counter_waitlist (slot, email) WHERE state IN ('waiting', 'offered');
CREATE INDEX counter_waitlist_queue ON counter_waitlist (slot, id) WHERE state IN ('waiting', 'offered');
CREATE INDEX counter_waitlist_visit_date ON counter_waitlist (visit_date);

-- The offer mails belong to a waitlist entry rather than a booking: a row belongs to exactly one of the three.
ALTER TABLE outbox ADD COLUMN waitlist_entry bigint REFERENCES counter_waitlist (id),
  DROP CONSTRAINT outbox_one_booking,
  ADD CONSTRAINT outbox_one_owner CHECK (num_nonnulls(booking_code, facility_code, waitlist_entry) = 1),
  DROP CONSTRAINT outbox_kind_check,
  ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('reminder', 'city-cancellation', 'city-move', 'facility-declined', 'waitlist-offer'));
CREATE INDEX outbox_waitlist_entry ON outbox (waitlist_entry);
