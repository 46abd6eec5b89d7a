import { describe, expect, it, vi } from 'vitest';
import { preloadable } from './preloadable.ts';

describe('preloadable', () => {
  it('fetches once, and reads synchronously once arrived', async () => {
    const fetchModule = vi.fn(() => Promise.resolve('screen'));
    const screen = preloadable(fetchModule);
    expect(screen.loaded()).toBeUndefined();
    const first = screen.load();
    expect(screen.load()).toBe(first);
    expect(await first).toBe('screen');
    expect(screen.loaded()).toBe('screen');
    expect(fetchModule).toHaveBeenCalledTimes(1);
  });

  it('keeps a failure: every draw sees the same failed promise, so the error screen shows instead of endless fetching', async () => {
    const fetchModule = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    const screen = preloadable(fetchModule);
    const first = screen.load();
    await expect(first).rejects.toThrow('Failed to fetch');
    expect(screen.load()).toBe(first);
    expect(screen.loaded()).toBeUndefined();
    expect(fetchModule).toHaveBeenCalledTimes(1);
  });
});
