-- A booking can be open on several devices: the one it was made on, and each device where it was
-- found again by code + phone. Each holds its own management token (only the hash is kept here), so
-- a look-up no longer cuts the citizen's own device off; the citizen can close the others.
CREATE TABLE booking_links (
  id           INTEGER PRIMARY KEY,
  booking_kind TEXT NOT NULL CHECK (booking_kind IN ('counter', 'facility')),
  code         TEXT NOT NULL,
  token_hash   TEXT NOT NULL UNIQUE,
  opened_by    TEXT NOT NULL CHECK (opened_by IN ('booking', 'lookup')),
  created_at   TEXT NOT NULL
) STRICT;

CREATE INDEX booking_links_booking ON booking_links (booking_kind, code);

INSERT INTO booking_links (booking_kind, code, token_hash, opened_by, created_at)
  SELECT 'counter', code, token_hash, 'booking', created_at FROM counter_reservations;
INSERT INTO booking_links (booking_kind, code, token_hash, opened_by, created_at)
  SELECT 'facility', code, token_hash, 'booking', created_at FROM facility_bookings;

ALTER TABLE counter_reservations DROP COLUMN token_hash;
ALTER TABLE facility_bookings DROP COLUMN token_hash;
