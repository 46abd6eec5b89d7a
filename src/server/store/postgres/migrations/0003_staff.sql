-- The staff side in PostgreSQL, as src/server/store/migrations/0006_staff.sql is for SQLite:
-- accounts, sign-in tries (for the lock-out), sessions, the audit log, and what the desks record
-- about a citizen's booking (check-in, a cancellation's reason), and the counter's closures.
-- Instants the rules compare are milliseconds since 1970 (bigint); instants only shown are timestamptz.

CREATE TABLE staff_accounts (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  login_name    text NOT NULL UNIQUE,
  display_name  text NOT NULL,
  role          text NOT NULL CHECK (role IN ('counter', 'facility', 'admin')),
  password_hash text NOT NULL,          -- scrypt:N:r:p:salt:key, see src/server/password-hash.ts
  locked_until  bigint,                 -- set by 5 wrong passwords
  disabled_at   timestamptz,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL
);

-- A try is reserved ('pending') before the slow password check and counts until settled: a right
-- password deletes the account's tries, a wrong one keeps it ('failed'). Tries are reserved and
-- settled under the account row's lock (FOR UPDATE), so a burst over any number of instances gets
-- at most 5 checks, and the count survives a restart.
CREATE TABLE staff_sign_in_tries (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES staff_accounts (id),
  started_at bigint NOT NULL,
  state      text NOT NULL CHECK (state IN ('pending', 'failed'))
);

CREATE INDEX staff_sign_in_tries_account ON staff_sign_in_tries (account_id);

-- Only the hash of the cookie's token is kept: a copy of the database opens no session.
CREATE TABLE staff_sessions (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash   text NOT NULL UNIQUE,
  csrf_token   text NOT NULL,
  account_id   bigint NOT NULL REFERENCES staff_accounts (id),
  created_at   bigint NOT NULL,
  last_seen_at bigint NOT NULL,
  expires_at   bigint NOT NULL,         -- the absolute lifetime
  ended_at     bigint,
  ended_reason text CHECK (ended_reason IN ('signed-out', 'revoked', 'account-changed'))
);

CREATE INDEX staff_sessions_account ON staff_sessions (account_id);

-- Who did what, to which booking or account, when. Append-only: the trigger refuses any change,
-- whatever connects to the database. `target` is a booking code, a login name or a session number,
-- never a citizen's personal data.
CREATE TABLE staff_audit_log (
  id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at     timestamptz NOT NULL,
  actor  text NOT NULL,                 -- login name at the time, or the command run on the server
  action text NOT NULL,
  target text
);

CREATE FUNCTION staff_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'staff_audit_log is append-only';
END;
$$;

CREATE TRIGGER staff_audit_log_append_only BEFORE UPDATE OR DELETE ON staff_audit_log
FOR EACH ROW EXECUTE FUNCTION staff_audit_log_append_only();
-- TRUNCATE fires no row trigger: refuse it with a statement trigger.
CREATE TRIGGER staff_audit_log_no_truncate BEFORE TRUNCATE ON staff_audit_log
FOR EACH STATEMENT EXECUTE FUNCTION staff_audit_log_append_only();

CREATE TABLE counter_check_ins (
  code          text PRIMARY KEY REFERENCES counter_reservations (code),
  checked_in_at timestamptz NOT NULL,
  account_id    bigint NOT NULL REFERENCES staff_accounts (id)
);

-- A booking cancelled at the desk, with the reason the clerk gave.
CREATE TABLE counter_staff_cancellations (
  code         text PRIMARY KEY REFERENCES counter_reservations (code),
  reason       text NOT NULL,
  cancelled_at timestamptz NOT NULL,
  account_id   bigint NOT NULL REFERENCES staff_accounts (id)
);

-- The counter closed for a day or part of one (system maintenance, training), with the reason.
-- Times are 'HH:MM' compared as bytes (COLLATE "C"), like the slots they cut: end_time is not
-- included, and '24:00' means the rest of the day.
CREATE TABLE counter_closures (
  id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  date       date NOT NULL,
  start_time text COLLATE "C" NOT NULL,
  end_time   text COLLATE "C" NOT NULL,
  reason     text NOT NULL,
  created_at timestamptz NOT NULL,
  account_id bigint NOT NULL REFERENCES staff_accounts (id),
  CHECK (start_time < end_time)
);

CREATE INDEX counter_closures_date ON counter_closures (date);

-- A closed slot holds capacity 0 in counter_slots, so the citizens' calendar shows it full. This
-- trigger keeps it at 0 while a closure covers it, as counter_slots_stay_closed does in SQLite
-- (RAISE(IGNORE) there, RETURN NULL here: the row's update is skipped, not an error). A booking's
-- seat update also sets the content's capacity, so it is skipped and the booking reads it as full;
-- so is the capacity update at start-up. The check runs in the trigger, not in a WHEN clause,
-- because PostgreSQL allows no subquery there; under READ COMMITTED its query sees a closure
-- committed while the update waited for the slot's row lock.
CREATE FUNCTION counter_slots_stay_closed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.capacity > OLD.capacity AND EXISTS (
    SELECT 1 FROM counter_closures c
    WHERE c.date = left(NEW.slot, 10)::date
      AND substr(NEW.slot, 12) >= c.start_time AND substr(NEW.slot, 12) < c.end_time
  ) THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER counter_slots_stay_closed BEFORE UPDATE ON counter_slots
FOR EACH ROW EXECUTE FUNCTION counter_slots_stay_closed();
