import type * as NodeCrypto from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Counts the constant-time comparisons, to prove that no answer is decided before one runs.
const comparisons = vi.hoisted(() => ({ lengths: [] as number[] }));
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof NodeCrypto>();
  return {
    ...original,
    timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
      comparisons.lengths.push(a.byteLength, b.byteLength);
      return original.timingSafeEqual(a, b);
    },
  };
});
const { hashSecret, secretMatches, secretsEqual } = await import('./secrets.ts');

beforeEach(() => {
  comparisons.lengths = [];
});

describe('comparing secrets', () => {
  it('says whether two secrets are equal', () => {
    expect(secretsEqual('staff-secret-0123456789', 'staff-secret-0123456789')).toBe(true);
    expect(secretsEqual('staff-secret-0123456789', 'staff-secret-0123456780')).toBe(false);
    expect(secretMatches('token', hashSecret('token'))).toBe(true);
    expect(secretMatches('token', hashSecret('other'))).toBe(false);
    expect(secretMatches('token', 'abcd')).toBe(false);
  });

  it('compares 32 bytes in constant time whatever the lengths, so a wrong length answers no sooner', () => {
    for (const given of ['', 'x', 'staff-secret-0123456789', 'y'.repeat(10_000)]) {
      expect(secretsEqual(given, 'staff-secret-0123456789')).toBe(given === 'staff-secret-0123456789');
    }
    expect(secretMatches('token', 'abcd')).toBe(false);
    expect(comparisons.lengths).toEqual(Array.from({ length: 10 }, () => 32));
  });
});
