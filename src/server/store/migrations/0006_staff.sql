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
