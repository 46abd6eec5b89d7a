-- The staff side: accounts, sign-in tries (for the lock-out), sessions, the audit log, and what
-- the desks record about a citizen's booking (check-in, a cancellation's reason).

CREATE TABLE staff_accounts (
  id            INTEGER PRIMARY KEY,
  login_name    TEXT NOT NULL UNIQUE,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('counter', 'facility', 'admin')),
  password_hash TEXT NOT NULL,          -- scrypt:N:r:p:salt:key, see src/server/password-hash.ts
  locked_until  INTEGER,                -- milliseconds since 1970, UTC; set by 5 wrong passwords
  disabled_at   TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

-- A try is reserved ('pending') before the slow password check and counts until settled: a right
-- password deletes the account's tries, a wrong one keeps it ('failed'). So a burst of parallel
-- tries gets at most 5 checks, and the count survives a restart.
CREATE TABLE staff_sign_in_tries (
  id         INTEGER PRIMARY KEY,
  account_id INTEGER NOT NULL REFERENCES staff_accounts (id),
  started_at INTEGER NOT NULL,          -- milliseconds since 1970, UTC
  state      TEXT NOT NULL CHECK (state IN ('pending', 'failed'))
) STRICT;

CREATE INDEX staff_sign_in_tries_account ON staff_sign_in_tries (account_id);

-- Only the hash of the cookie's token is kept: a copy of the database opens no session.
CREATE TABLE staff_sessions (
  id           INTEGER PRIMARY KEY,
  token_hash   TEXT NOT NULL UNIQUE,
  csrf_token   TEXT NOT NULL,
  account_id   INTEGER NOT NULL REFERENCES staff_accounts (id),
  created_at   INTEGER NOT NULL,        -- milliseconds since 1970, UTC
  last_seen_at INTEGER NOT NULL,
  expires_at   INTEGER NOT NULL,        -- the absolute lifetime
  ended_at     INTEGER,
  ended_reason TEXT CHECK (ended_reason IN ('signed-out', 'revoked', 'account-changed'))
) STRICT;

CREATE INDEX staff_sessions_account ON staff_sessions (account_id);

-- Who did what, to which booking or account, when. Append-only: the triggers refuse any change.
-- `target` is a booking code, a login name or a session number, never a citizen's personal data.
CREATE TABLE staff_audit_log (
  id     INTEGER PRIMARY KEY,
  at     TEXT NOT NULL,
  actor  TEXT NOT NULL,                 -- login name at the time, or the command run on the server
  action TEXT NOT NULL,
  target TEXT
) STRICT;

CREATE TRIGGER staff_audit_log_append_only_update BEFORE UPDATE ON staff_audit_log
BEGIN SELECT RAISE(ABORT, 'staff_audit_log is append-only'); END;
CREATE TRIGGER staff_audit_log_append_only_delete BEFORE DELETE ON staff_audit_log
BEGIN SELECT RAISE(ABORT, 'staff_audit_log is append-only'); END;

CREATE TABLE counter_check_ins (
  code          TEXT PRIMARY KEY REFERENCES counter_reservations (code),
  checked_in_at TEXT NOT NULL,
  account_id    INTEGER NOT NULL REFERENCES staff_accounts (id)
) STRICT, WITHOUT ROWID;

-- A booking cancelled at the desk, with the reason the clerk gave.
CREATE TABLE counter_staff_cancellations (
  code         TEXT PRIMARY KEY REFERENCES counter_reservations (code),
  reason       TEXT NOT NULL,
  cancelled_at TEXT NOT NULL,
  account_id   INTEGER NOT NULL REFERENCES staff_accounts (id)
) STRICT, WITHOUT ROWID;

-- The counter closed for a day or part of one (system maintenance, training), with the reason.
-- A closed slot holds capacity 0 in counter_slots, so the citizens' calendar shows it full. The
-- trigger keeps it at 0 while a closure covers it: a booking's seat update (which also sets the
-- content's capacity) is skipped, which the booking reads as full, and so is the capacity update
-- at start-up. A closure is only made where no booking is held (see src/server/staff/staff-desk.ts).
CREATE TABLE counter_closures (
  id         INTEGER PRIMARY KEY,
  date       TEXT NOT NULL,
  start_time TEXT NOT NULL,             -- 'HH:MM', Japan time
  end_time   TEXT NOT NULL,             -- 'HH:MM', not included; '24:00' for the rest of the day
  reason     TEXT NOT NULL,
  created_at TEXT NOT NULL,
  account_id INTEGER NOT NULL REFERENCES staff_accounts (id),
  CHECK (start_time < end_time)
) STRICT;

CREATE INDEX counter_closures_date ON counter_closures (date);

CREATE TRIGGER counter_slots_stay_closed BEFORE UPDATE ON counter_slots
WHEN NEW.capacity > OLD.capacity AND EXISTS (
  SELECT 1 FROM counter_closures c
  WHERE c.date = substr(NEW.slot, 1, 10) AND substr(NEW.slot, 12) >= c.start_time AND substr(NEW.slot, 12) < c.end_time
)
BEGIN SELECT RAISE(IGNORE); END;
