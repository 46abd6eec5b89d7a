import { describe, expect, it } from 'vitest';
import { createAnswerCache } from './answer-cache.ts';

describe('createAnswerCache', () => {
  it('keeps an answer until a write or until it is a second old', () => {
    const cache = createAnswerCache<string>();
    cache.set('a', 'first', 1_000);
    expect(cache.get('a', 1_999)).toBe('first');
    expect(cache.get('a', 2_000)).toBeUndefined();
    cache.set('a', 'second', 2_000);
    cache.invalidate();
    expect(cache.get('a', 2_001)).toBeUndefined();
    expect(cache.get('b', 2_001)).toBeUndefined();
  });
});
