-- Limits that protect citizens must hold under a burst and survive a restart, so they live here,
-- not in one process's memory. Subjects (a client's address, a booking code) are stored only as a
-- keyed hash (the key is `subject_key` in app_meta, made here once per installation).

-- Tries at a guarded check (the kiosk PIN, the look-up by code + phone). A try is reserved
-- ('pending') before the expensive check and counts against the limit until it is settled:
-- a success deletes it, a failure keeps it ('failed') until it leaves the window.
CREATE TABLE guarded_attempts (
  id         INTEGER PRIMARY KEY,
  scope      TEXT NOT NULL,
  subject    TEXT NOT NULL,
  started_at INTEGER NOT NULL,  -- milliseconds since 1970, UTC
  state      TEXT NOT NULL CHECK (state IN ('pending', 'failed'))
) STRICT;

CREATE INDEX guarded_attempts_subject ON guarded_attempts (scope, subject, started_at);

-- Requests per client in fixed windows, for the API's rate limit.
CREATE TABLE request_counts (
  subject      TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL,  -- milliseconds since 1970, UTC
  count        INTEGER NOT NULL CHECK (count >= 1)
) STRICT, WITHOUT ROWID;

INSERT INTO app_meta (key, value, updated_at) VALUES ('subject_key', lower(hex(randomblob(32))), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
