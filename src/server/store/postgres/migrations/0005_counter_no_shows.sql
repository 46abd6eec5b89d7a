-- 来なかった: a booking whose time came and went without the citizen, marked at the desk. The
-- city's figures count no-shows by visit kind. A late arrival checked in afterwards takes the mark
-- away (the check-in's transaction deletes the row), so a booking is never both.
CREATE TABLE counter_no_shows (
  code       text PRIMARY KEY REFERENCES counter_reservations (code),
  marked_at  timestamptz NOT NULL,
  account_id bigint NOT NULL REFERENCES staff_accounts (id)
);
