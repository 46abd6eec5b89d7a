import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Secrets people type (the kiosk's staff PIN in `KIOSK_PIN_HASH`, staff passwords in the database)
 * are stored only as scrypt hashes. The form is `scrypt:N:r:p:salt:key` (salt and key in base64url):
 * colons rather than `$`, so neither a shell nor Docker Compose expands any part of it.
 */
const COST = 2 ** 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_LENGTH = 32;
const HASH_PATTERN = /^scrypt:(\d{4,7}):(\d{1,2}):(\d{1,2}):([A-Za-z0-9_-]{16,64}):([A-Za-z0-9_-]{32,128})$/;

function derive(secret: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFKC'), salt, length, { ...options, maxmem: 256 * options.N! * options.r! }, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

export function isScryptHash(value: string): boolean {
  const match = HASH_PATTERN.exec(value);
  if (!match) return false;
  const cost = Number(match[1]);
  // A power of two between 2^14 and 2^20: weaker is too quick to guess, stronger stalls the server.
  return cost >= 2 ** 14 && cost <= 2 ** 20 && (cost & (cost - 1)) === 0 && Number(match[2]) >= 1 && Number(match[3]) >= 1;
}

export async function hashWithScrypt(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, KEY_LENGTH, { N: COST, r: BLOCK_SIZE, p: PARALLELISM });
  return ['scrypt', COST, BLOCK_SIZE, PARALLELISM, salt.toString('base64url'), key.toString('base64url')].join(':');
}

/** Compares in constant time; a malformed stored hash never matches. */
export async function matchesScryptHash(secret: string, storedHash: string): Promise<boolean> {
  const match = HASH_PATTERN.exec(storedHash);
  if (!match || !isScryptHash(storedHash)) return false;
  const [, cost, blockSize, parallelism, salt, key] = match;
  const expected = Buffer.from(key ?? '', 'base64url');
  const given = await derive(secret, Buffer.from(salt ?? '', 'base64url'), expected.length, { N: Number(cost), r: Number(blockSize), p: Number(parallelism) });
  return given.length === expected.length && timingSafeEqual(given, expected);
}
