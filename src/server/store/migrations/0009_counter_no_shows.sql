-- 来なかった: a booking whose time came and went without the citizen, marked at the desk. The
-- city's figures count no-shows by visit kind. A late arrival checked in afterwards takes the mark
-- away (the check-in's transaction deletes the row), so a booking is never both.
CREATE TABLE counter_no_shows (
  code       TEXT PRIMARY KEY REFERENCES counter_reservations (code),
  marked_at  TEXT NOT NULL,
  account_id INTEGER NOT NULL REFERENCES staff_accounts (id)
) STRICT, WITHOUT ROWID;
