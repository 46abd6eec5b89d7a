import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { KIOSK_IDLE_CHOICES, KIOSK_STORAGE_KEY, serializeKioskSetting } from '../domain/kiosk.ts';
import { TEXT_SIZE_STORAGE_KEY, TEXT_SIZES } from '../domain/text-size.ts';

/**
 * `public/display-settings.js` runs before the app, as a plain script, so it cannot import the
 * domain module. These tests run the real file and hold it to the same keys and values.
 */
const script = readFileSync(resolve(import.meta.dirname, '../../public/display-settings.js'), 'utf8');

interface Run {
  attributes: Map<string, string>;
  replacedWith: string[];
  pageshow: ((event: { persisted: boolean }) => void) | undefined;
}

function run(getItem: (key: string) => string | null, navigationType: string | null = 'navigate', historyState: unknown = null): Run {
  const result: Run = { attributes: new Map(), replacedWith: [], pageshow: undefined };
  runInNewContext(script, {
    window: {
      localStorage: { getItem },
      location: { replace: (url: string) => result.replacedWith.push(url) },
      performance: {},
      history: { state: historyState },
      addEventListener: (type: string, listener: Run['pageshow']) => {
        if (type === 'pageshow') result.pageshow = listener;
      },
    },
    performance: { getEntriesByType: () => (navigationType === null ? [] : [{ type: navigationType }]) },
    document: { documentElement: { setAttribute: (name: string, value: string) => result.attributes.set(name, value) } },
  });
  return result;
}

const runWithStorage = (getItem: (key: string) => string | null) => run(getItem).attributes.get('data-text-size');
const kiosk = (key: string) => (key === KIOSK_STORAGE_KEY ? serializeKioskSetting({ idleSeconds: 90 }) : null);

describe('public/display-settings.js', () => {
  it('applies every size the domain knows, read from the domain key', () => {
    for (const size of TEXT_SIZES) {
      expect(runWithStorage((key) => (key === TEXT_SIZE_STORAGE_KEY ? size : null))).toBe(size);
    }
  });

  it('marks a saved choice, so a prerendered page never shows the offer of a first visit', () => {
    expect(run((key) => (key === TEXT_SIZE_STORAGE_KEY ? 'standard' : null)).attributes.has('data-text-size-chosen')).toBe(true);
    expect(run(() => null).attributes.has('data-text-size-chosen')).toBe(false);
    expect(run(() => 'huge').attributes.has('data-text-size-chosen')).toBe(false);
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

  it('knows the kiosk setting the domain writes, for every idle time staff can choose', () => {
    for (const idleSeconds of KIOSK_IDLE_CHOICES) {
      const result = run((key) => (key === KIOSK_STORAGE_KEY ? serializeKioskSetting({ idleSeconds }) : null));
      expect(result.attributes.get('data-kiosk')).toBe('');
    }
    expect(run((key) => (key === KIOSK_STORAGE_KEY ? '{"idleSeconds":7}' : null)).attributes.has('data-kiosk')).toBe(false);
    expect(run(() => null).attributes.has('data-kiosk')).toBe(false);
  });

  it('makes 特大 the kiosk size unless this visit chose another', () => {
    expect(runWithStorage(kiosk)).toBe('xlarge');
    expect(runWithStorage((key) => (key === TEXT_SIZE_STORAGE_KEY ? 'large' : kiosk(key)))).toBe('large');
  });

  it('on a kiosk, sends a back-button page load or a page from the back-forward cache to the start', () => {
    expect(run(kiosk, 'back_forward').replacedWith).toEqual(['/']);
    const fresh = run(kiosk, 'navigate');
    expect(fresh.replacedWith).toEqual([]);
    fresh.pageshow?.({ persisted: false });
    expect(fresh.replacedWith).toEqual([]);
    fresh.pageshow?.({ persisted: true });
    expect(fresh.replacedWith).toEqual(['/']);
    // A fresh load stays, even with the router's state: location.replace('/') on the start screen (the
    // reset, 「最初から」) keeps the entry's state, and sending that load to '/' again never ends.
    expect(run(kiosk, 'navigate', { idx: 0 }).replacedWith).toEqual([]);
    expect(run(kiosk, 'navigate', { usr: null, key: 'abc', idx: 2 }).replacedWith).toEqual([]);
    // Where the navigation type is unknown, the router's history state tells an old entry; a reload stays.
    expect(run(kiosk, null, { idx: 3, key: 'abc' }).replacedWith).toEqual(['/']);
    expect(run(kiosk, 'reload', { idx: 3, key: 'abc' }).replacedWith).toEqual([]);
    expect(run(kiosk, null, null).replacedWith).toEqual([]);
    // Not a kiosk: the back button works as everywhere.
    expect(run(() => null, 'back_forward').replacedWith).toEqual([]);
  });
});
