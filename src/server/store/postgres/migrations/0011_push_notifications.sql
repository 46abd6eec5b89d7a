-- Web Push, as src/server/store/migrations/0015_push_notifications.sql is for SQLite. The subscription
-- the citizen's phone gave at booking (as JSON) is contact data like the e-mail address: kept with the
-- booking, never shown to staff, and deleted with the booking's personal data (retention).
ALTER TABLE counter_reservations ADD COLUMN push_subscription text;

-- An outbox row goes by e-mail (recipient: the address) or by push (recipient: the subscription).
ALTER TABLE outbox ADD COLUMN channel text NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'push'));
