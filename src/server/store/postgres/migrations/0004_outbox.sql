-- The outbox: mails to citizens, written in the same transaction as the booking change that causes
-- them and sent later by the mail workers of any instance, at least once, with retries. Workers
-- claim rows with FOR UPDATE SKIP LOCKED and a lease, so two never hold one row at once. `key` is
-- unique and gives the mail its Message-ID, so a retry is recognisably the same mail. `recipient`
-- is the only personal field; the rows go with the booking's personal data (retention).
CREATE TABLE outbox (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key             text NOT NULL UNIQUE,
  kind            text NOT NULL CHECK (kind IN ('reminder', 'city-cancellation')),
  booking_code    text NOT NULL REFERENCES counter_reservations (code),
  recipient       text NOT NULL,
  subject         text NOT NULL,
  body            text NOT NULL,
  due_at          timestamptz NOT NULL,
  status          text NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,  -- due_at at first, then after each failure's back-off
  lease_until     timestamptz,           -- a worker is sending it until then
  last_error      text,
  created_at      timestamptz NOT NULL,
  finished_at     timestamptz            -- sent or failed
);

CREATE INDEX outbox_queued ON outbox (next_attempt_at) WHERE status = 'queued';
CREATE INDEX outbox_booking ON outbox (booking_code);
