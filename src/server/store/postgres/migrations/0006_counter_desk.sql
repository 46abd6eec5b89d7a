-- The counter desk's later work, as src/server/store/migrations/0010_counter_desk.sql is for
-- SQLite: a clerk moves a booking to another slot after a phone call.

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
