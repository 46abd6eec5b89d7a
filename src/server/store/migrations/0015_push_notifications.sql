-- Web Push, the second way of telling a citizen about a counter booking (src/domain/push-notification.ts).
-- The subscription the citizen's phone gave at booking (its push service's address and the keys the
-- messages are encrypted to, as JSON) is contact data like the e-mail address: kept with the booking,
-- never shown to staff, and deleted with the booking's personal data (retention).
ALTER TABLE counter_reservations ADD COLUMN push_subscription TEXT;

-- An outbox row goes by e-mail (recipient: the address) or by push (recipient: the subscription).
-- Rows written before push existed are e-mails.
ALTER TABLE outbox ADD COLUMN channel TEXT NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'push'));
