import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RESERVATION_CODE_ALPHABET } from '../domain/citizen-fields.ts';
import { MANAGEMENT_TOKEN_LENGTH } from '../domain/request-headers.ts';
import { hashRequest, hashSecret, newManagementToken, newReservationCode, secretsEqual } from './secrets.ts';

describe('the booking engine secrets', () => {
  it('hashes like the server always has (hex SHA-256), so tokens issued before still open their bookings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (secret) => {
        expect(await hashSecret(secret)).toBe(createHash('sha256').update(secret).digest('hex'));
      }),
      { numRuns: 50 },
    );
    expect(await hashRequest({ a: 1 })).toBe(createHash('sha256').update('{"a":1}').digest('hex'));
  });

  it('says whether two secrets are equal, whatever their lengths', async () => {
    for (const given of ['', 'x', 'staff-secret-0123456789', 'y'.repeat(10_000), 'staff-secret-0123456780']) {
      expect(await secretsEqual(given, 'staff-secret-0123456789')).toBe(given === 'staff-secret-0123456789');
    }
  });

  it('makes tokens of the header’s shape and codes from the readable alphabet', () => {
    const tokens = new Set(Array.from({ length: 200 }, newManagementToken));
    expect(tokens.size).toBe(200);
    for (const token of tokens) expect(token).toMatch(new RegExp(`^[A-Za-z0-9_-]{${String(MANAGEMENT_TOKEN_LENGTH)}}$`));
    for (let i = 0; i < 200; i++) {
      const code = newReservationCode();
      expect(code).toHaveLength(8);
      expect([...code].every((letter) => RESERVATION_CODE_ALPHABET.includes(letter))).toBe(true);
    }
  });
});
