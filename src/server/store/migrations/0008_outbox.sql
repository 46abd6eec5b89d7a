-- The outbox: mails to citizens, written in the same transaction as the booking change that causes
-- them and sent later by the mail worker, at least once, with retries. `key` is unique and gives
-- the mail its Message-ID, so a retry is recognisably the same mail. `recipient` is the only
-- personal field; the rows go with the booking's personal data (retention).
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  key             TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL CHECK (kind IN ('reminder', 'city-cancellation')),
  booking_code    TEXT NOT NULL REFERENCES counter_reservations (code),
  recipient       TEXT NOT NULL,
  subject         TEXT NOT NULL,
  body            TEXT NOT NULL,
  due_at          TEXT NOT NULL,            -- ISO instant, UTC
  status          TEXT NOT NULL CHECK (status IN ('queued', 'sent', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,            -- due_at at first, then after each failure's back-off
  lease_until     TEXT,                     -- a worker is sending it until then
  last_error      TEXT,
  created_at      TEXT NOT NULL,
  finished_at     TEXT                      -- sent or failed
) STRICT;

CREATE INDEX outbox_queued ON outbox (next_attempt_at) WHERE status = 'queued';
CREATE INDEX outbox_booking ON outbox (booking_code);
