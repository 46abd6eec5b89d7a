-- The facility desk's later work, as src/server/store/migrations/0011_facility_desk.sql is for
-- SQLite: a 仮予約 the city declines, with the reason the citizen reads on the booking's page and
-- in a mail.

-- A 仮予約 the facility desk declined. The booking itself is 'cancelled' and its segments are
-- gone, in the same transaction that writes this row.
CREATE TABLE facility_staff_declines (
  code        text PRIMARY KEY REFERENCES facility_bookings (code),
  reason      text NOT NULL,
  declined_at timestamptz NOT NULL,
  account_id  bigint NOT NULL REFERENCES staff_accounts (id)
);

-- The outbox takes mails about facility bookings too: a row belongs to a counter booking
-- (booking_code) or to a facility booking (facility_code), never both.
ALTER TABLE outbox ALTER COLUMN booking_code DROP NOT NULL,
  ADD COLUMN facility_code text REFERENCES facility_bookings (code),
  ADD CONSTRAINT outbox_one_booking CHECK ((booking_code IS NULL) <> (facility_code IS NULL)),
  DROP CONSTRAINT outbox_kind_check,
  ADD CONSTRAINT outbox_kind_check CHECK (kind IN ('reminder', 'city-cancellation', 'city-move', 'facility-declined'));
CREATE INDEX outbox_facility_booking ON outbox (facility_code);

-- The fee of a confirmed booking, recorded as paid at the facility desk: how (a closed list, see
-- src/domain/facility-fee.ts), the receipt number, who and when. One row a booking; the store
-- writes it only while the booking is 'booked' (under the booking's row lock).
CREATE TABLE facility_fee_payments (
  code           text PRIMARY KEY REFERENCES facility_bookings (code),
  method         text NOT NULL CHECK (method IN ('cash', 'bank-transfer', 'payment-slip', 'cashless')),
  receipt_number text NOT NULL CHECK (length(receipt_number) BETWEEN 1 AND 20),
  recorded_at    timestamptz NOT NULL,
  account_id     bigint NOT NULL REFERENCES staff_accounts (id)
);
