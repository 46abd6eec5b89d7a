-- Limits that protect citizens, shared by every instance and kept across restarts. Subjects (a
-- client's address, a booking code) arrive already hashed with `subject_key`, made here once.

-- Tries at a guarded check (the kiosk PIN, the look-up by code + phone): reserved ('pending')
-- before the slow check, deleted on success, kept as 'failed' until they leave the window.
CREATE TABLE guarded_attempts (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  scope      text NOT NULL,
  subject    text NOT NULL,
  started_at bigint NOT NULL,  -- milliseconds since 1970, UTC
  state      text NOT NULL CHECK (state IN ('pending', 'failed'))
);

CREATE INDEX guarded_attempts_subject ON guarded_attempts (scope, subject, started_at);

-- Requests per client in fixed windows, for the API's rate limit.
CREATE TABLE request_counts (
  subject      text PRIMARY KEY,
  window_start bigint NOT NULL,  -- milliseconds since 1970, UTC
  count        integer NOT NULL CHECK (count >= 1)
);

-- 64 hex digits from PostgreSQL's strong random source (gen_random_uuid needs no extension).
INSERT INTO app_meta (key, value, updated_at)
  VALUES ('subject_key', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''), now());

-- Periodic jobs (retention, 仮予約 expiry) run by one instance per period: the instance whose
-- insert of (job, period) succeeds runs it, the others see the row and skip.
CREATE TABLE job_runs (
  job        text NOT NULL,
  period     text NOT NULL,
  instance   text NOT NULL,
  claimed_at timestamptz NOT NULL,
  PRIMARY KEY (job, period)
);
