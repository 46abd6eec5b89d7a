-- Passkeys (WebAuthn) for staff sign-in, and the challenges their ceremonies answer.

-- One row per passkey an account registered. Only the public key is kept: a copy of the database
-- signs nobody in. Keys are base64url text, so both engines keep them alike.
CREATE TABLE staff_passkeys (
  id            INTEGER PRIMARY KEY,
  account_id    INTEGER NOT NULL REFERENCES staff_accounts (id),
  credential_id TEXT NOT NULL UNIQUE,   -- base64url, as the browser names it
  public_key    TEXT NOT NULL,          -- base64url of the COSE key
  sign_count    INTEGER NOT NULL,       -- the authenticator's counter (0 for those that keep none)
  transports    TEXT NOT NULL,          -- comma-separated hints for the browser ('internal,hybrid')
  name          TEXT NOT NULL,          -- the clerk's name for it ('窓口3番のPC')
  created_at    TEXT NOT NULL,
  last_used_at  TEXT
) STRICT;

CREATE INDEX staff_passkeys_account ON staff_passkeys (account_id);

-- A challenge is taken (deleted) by the one answer that uses it, so it cannot be replayed, and is
-- kept in the database, not in memory, so the answer may reach another instance. A registration's
-- challenge belongs to the signed-in account; a sign-in's to nobody yet (discoverable passkeys).
CREATE TABLE staff_passkey_challenges (
  challenge  TEXT PRIMARY KEY,          -- base64url of 32 random bytes
  purpose    TEXT NOT NULL CHECK (purpose IN ('register', 'sign-in')),
  account_id INTEGER REFERENCES staff_accounts (id),
  expires_at INTEGER NOT NULL,          -- milliseconds since 1970, UTC
  CHECK ((purpose = 'register') = (account_id IS NOT NULL))
) STRICT, WITHOUT ROWID;

CREATE INDEX staff_passkey_challenges_expiry ON staff_passkey_challenges (expires_at);

-- How each session was opened, for the administrator's list and the audit.
ALTER TABLE staff_sessions ADD COLUMN sign_in_method TEXT NOT NULL DEFAULT 'password' CHECK (sign_in_method IN ('password', 'passkey'));
