-- The audit log gets a retention of its own (AUDIT_RETENTION_DAYS, 5 years by default): the hourly
-- job deletes entries older than that. The database still refuses every UPDATE, and every DELETE of
-- an entry younger than 365 days by its own clock, whoever sends it (the job, a bug, a hand-typed
-- statement): the last year's record cannot be erased without dropping this trigger first.
-- The floor is AUDIT_RETENTION_FLOOR_DAYS in src/server/retention.ts; `at` is an ISO instant in UTC,
-- the same text shape as strftime's, so the two compare as text.
DROP TRIGGER staff_audit_log_append_only_delete;
CREATE TRIGGER staff_audit_log_keep_a_year BEFORE DELETE ON staff_audit_log
WHEN OLD.at >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-365 days')
BEGIN SELECT RAISE(ABORT, 'staff_audit_log keeps every entry for 365 days'); END;
