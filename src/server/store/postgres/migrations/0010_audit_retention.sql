-- The audit log gets a retention of its own (AUDIT_RETENTION_DAYS, 5 years by default): the hourly
-- job deletes entries older than that. The trigger still refuses every UPDATE and TRUNCATE, and every
-- DELETE of an entry younger than 365 days by the database's clock, whoever sends it (the job, a bug,
-- a hand-typed statement): the last year's record cannot be erased without dropping the trigger.
-- The floor is AUDIT_RETENTION_FLOOR_DAYS in src/server/retention.ts.
CREATE OR REPLACE FUNCTION staff_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND TG_LEVEL = 'ROW' THEN
    IF OLD.at < now() - interval '365 days' THEN
      RETURN OLD;
    END IF;
    RAISE EXCEPTION 'staff_audit_log keeps every entry for 365 days';
  END IF;
  RAISE EXCEPTION 'staff_audit_log is append-only';
END;
$$;
