import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { TEXT_SIZE_STORAGE_KEY, TEXT_SIZES } from '../domain/text-size.ts';

/**
 * `public/display-settings.js` runs before the app, as a plain script, so it cannot import the
 * domain module. These tests run the real file and hold it to the same key and sizes.
 */
const script = readFileSync(resolve(import.meta.dirname, '../../public/display-settings.js'), 'utf8');

function runWithStorage(getItem: (key: string) => string | null): string | undefined {
  const attributes = new Map<string, string>();
  runInNewContext(script, {
    window: { localStorage: { getItem } },
    document: { documentElement: { setAttribute: (name: string, value: string) => attributes.set(name, value) } },
  });
  return attributes.get('data-text-size');
}

describe('public/display-settings.js', () => {
  it('applies every size the domain knows, read from the domain key', () => {
    for (const size of TEXT_SIZES) {
      expect(runWithStorage((key) => (key === TEXT_SIZE_STORAGE_KEY ? size : null))).toBe(size);
    }
  });

  it('falls back to the standard size for nothing saved, a strange value or blocked storage', () => {
    expect(runWithStorage(() => null)).toBe('standard');
    expect(runWithStorage(() => 'huge')).toBe('standard');
    expect(
      runWithStorage(() => {
        throw new Error('SecurityError');
      }),
    ).toBe('standard');
  });
});
