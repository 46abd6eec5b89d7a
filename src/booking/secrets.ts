import { sha256 as sha256Bytes } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { RESERVATION_CODE_ALPHABET } from '../domain/citizen-fields.ts';

/**
 * The booking engine's secrets; the same code runs in the server and in the practice mode's
 * browser store. The hashes are the hex SHA-256 the server has always stored, so management tokens
 * issued before keep working.
 *
 * SHA-256 is @noble/hashes' synchronous one, not Web Crypto's `crypto.subtle.digest`: in Node each
 * digest is a job on the thread pool with a promise around it, about half a millisecond of the
 * event loop per call under load, and a booking makes two. When 200 people press 予約する for the
 * last seats at once, those awaits let every request run its hashes before the first booking
 * commits, so none of them could be refused early as full (`npm run bench:booking`). The functions
 * stay promise-returning: callers need not change, and nothing yields to other requests between.
 * Random bytes still come from Web Crypto's `getRandomValues`, which is synchronous.
 */

const sha256 = (text: string): Uint8Array => sha256Bytes(utf8ToBytes(text));

/** A uniform random index below `below` (rejection sampling: no letter of the code is likelier than another). */
function randomIndex(below: number): number {
  const limit = Math.floor(0x1_0000_0000 / below) * below;
  const word = new Uint32Array(1);
  do crypto.getRandomValues(word);
  while ((word[0] ?? limit) >= limit);
  return (word[0] ?? 0) % below;
}

/** A short code people can read aloud at the counter: 8 characters without look-alikes. */
export function newReservationCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) code += RESERVATION_CODE_ALPHABET[randomIndex(RESERVATION_CODE_ALPHABET.length)];
  return code;
}

/** The management secret: 256 random bits in base64url (43 characters). Only its hash is stored. */
export function newManagementToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function hashSecret(secret: string): Promise<string> {
  return Promise.resolve(bytesToHex(sha256(secret)));
}

/**
 * Whether two secrets (a staff token, a phone number given as proof) are equal, in time that depends
 * on neither their contents nor their lengths: both are hashed to 32 bytes first, and every byte is
 * compared whatever the earlier ones were.
 */
export function secretsEqual(given: string, expected: string): Promise<boolean> {
  const [a, b] = [sha256(given), sha256(expected)];
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return Promise.resolve(difference === 0);
}

/** A stable hash of a request body, to tell a retry from a different request under the same key. */
export function hashRequest(value: unknown): Promise<string> {
  return hashSecret(JSON.stringify(value));
}
