-- Passkeys (WebAuthn) for staff sign-in, as src/server/store/migrations/0012_staff_passkeys.sql is
-- for SQLite: the accounts' public keys, and the single-use challenges of their ceremonies.

CREATE TABLE staff_passkeys (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id    bigint NOT NULL REFERENCES staff_accounts (id),
  credential_id text NOT NULL UNIQUE,   -- base64url, as the browser names it
  public_key    text NOT NULL,          -- base64url of the COSE key
  sign_count    bigint NOT NULL,
  transports    text NOT NULL,          -- comma-separated hints for the browser
  name          text NOT NULL,
  created_at    timestamptz NOT NULL,
  last_used_at  timestamptz
);

CREATE INDEX staff_passkeys_account ON staff_passkeys (account_id);

-- Taken (deleted) by the one answer that uses it; in the database so any instance can take it.
CREATE TABLE staff_passkey_challenges (
  challenge  text PRIMARY KEY,
  purpose    text NOT NULL CHECK (purpose IN ('register', 'sign-in')),
  account_id bigint REFERENCES staff_accounts (id),
  expires_at bigint NOT NULL,
  CHECK ((purpose = 'register') = (account_id IS NOT NULL))
);

CREATE INDEX staff_passkey_challenges_expiry ON staff_passkey_challenges (expires_at);

ALTER TABLE staff_sessions ADD COLUMN sign_in_method text NOT NULL DEFAULT 'password' CHECK (sign_in_method IN ('password', 'passkey'));
