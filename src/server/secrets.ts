import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { RESERVATION_CODE_ALPHABET } from '../domain/citizen-fields.ts';

/** A short code people can read aloud at the counter: 8 characters without look-alikes. */
export function newReservationCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += RESERVATION_CODE_ALPHABET[randomInt(RESERVATION_CODE_ALPHABET.length)];
  return code;
}

/** The management secret: 256 random bits. Only its hash is stored. */
export function newManagementToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Whether a secret matches its stored hash, in time that does not depend on where they differ. */
export function secretMatches(secret: string, storedHash: string): boolean {
  return digestsEqual(createHash('sha256').update(secret).digest(), Buffer.from(storedHash, 'hex'));
}

/**
 * Whether two secrets (a staff token, a phone number given as proof) are equal, in time that depends
 * on neither their contents nor their lengths: both are hashed to 32 bytes first, so a wrong length
 * is compared like any other wrong value.
 */
export function secretsEqual(given: string, expected: string): boolean {
  return digestsEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());
}

function digestsEqual(given: Buffer, expected: Buffer): boolean {
  // A stored hash of the wrong size is a broken row: compare anyway, then refuse.
  const comparable = expected.length === given.length ? expected : Buffer.alloc(given.length);
  return timingSafeEqual(given, comparable) && comparable === expected;
}

/** A stable hash of a request body, to tell a retry from a different request under the same key. */
export function hashRequest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
