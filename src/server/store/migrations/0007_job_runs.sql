-- Periodic jobs (retention, 仮予約 expiry) run once per period even when two processes share this
-- file: the one whose insert of (job, period) succeeds runs it, the others see the row and skip.
CREATE TABLE job_runs (
  job        TEXT NOT NULL,
  period     TEXT NOT NULL,
  instance   TEXT NOT NULL,
  claimed_at TEXT NOT NULL,
  PRIMARY KEY (job, period)
) STRICT, WITHOUT ROWID;
