-- The counter desk's later work, as src/server/store/migrations/0010_counter_desk.sql is for
-- SQLite: a clerk moves a booking to another slot after a phone call, and the administrator sets
-- the number of desks (seats per slot) for one day.

-- What an action changed, for the audit log: a booking's slot before and after a move, say. Never
-- a citizen's personal data. (Adding a column changes no row: the append-only triggers stay.)
ALTER TABLE staff_audit_log ADD COLUMN before_value text, ADD COLUMN after_value text;

-- A booking the desk moved, and from where. The citizen's page says the city moved it while the
-- booking is still at `to_slot`; a later change by the citizen themselves removes the row.
CREATE TABLE counter_staff_moves (
  code       text PRIMARY KEY REFERENCES counter_reservations (code),
  from_slot  text NOT NULL,
  to_slot    text NOT NULL,
  moved_at   timestamptz NOT NULL,
  account_id bigint NOT NULL REFERENCES staff_accounts (id)
);

-- The outbox takes the city's notice of a move.
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check,
  ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('reminder', 'city-cancellation', 'city-move'));

-- The desks (seats per slot) of one day, where the administrator changed them; other days take
-- the content's desksPerSlot.
CREATE TABLE counter_day_desks (
  date       date PRIMARY KEY,
  desks      integer NOT NULL CHECK (desks BETWEEN 1 AND 20),
  updated_at timestamptz NOT NULL,
  account_id bigint NOT NULL REFERENCES staff_accounts (id)
);

-- Keeps a slot of such a day at the day's desks, whatever capacity an update brings (a booking's
-- seat update brings the content's; so does the capacity update at start-up). A seat taken beyond
-- the day's desks is skipped (RETURN NULL), which the booking reads as full: under READ COMMITTED
-- the booking's own condition may have been read before a change of the desks committed, but this
-- query runs afresh after the slot's row lock is had. A closed slot (capacity 0) stays closed.
-- Named to run before counter_slots_stay_closed (PostgreSQL fires triggers in name order), which
-- then still sees a closed slot's capacity rise and skips the update.
CREATE FUNCTION counter_slots_day_desks() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  day_desks integer;
BEGIN
  SELECT d.desks INTO day_desks FROM counter_day_desks d WHERE d.date = left(NEW.slot, 10)::date;
  IF NOT FOUND THEN
    RETURN NEW;
  END IF;
  IF NEW.booked > OLD.booked AND NEW.booked > day_desks THEN
    RETURN NULL;
  END IF;
  IF NEW.capacity > 0 THEN
    NEW.capacity := day_desks;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER counter_slots_day_desks BEFORE UPDATE ON counter_slots
FOR EACH ROW EXECUTE FUNCTION counter_slots_day_desks();
