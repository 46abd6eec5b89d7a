-- The outbox takes the mails written ahead for a facility booking, as
-- src/server/store/migrations/0017_facility_mails.sql is for SQLite: its reminder the day before
-- ('facility-reminder') and a 仮予約's deadline notice ('facility-deadline'), beside every kind the
-- migrations before it allowed (0012's 'waitlist-offer').
ALTER TABLE outbox DROP CONSTRAINT outbox_kind_check,
  ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('reminder', 'city-cancellation', 'city-move', 'facility-declined',
    'waitlist-offer', 'facility-reminder', 'facility-deadline'));
