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

export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

/** A stable hash of a request body, to tell a retry from a different request under the same key. */
export function hashRequest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
