import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeInLine } from './counter-waitlist-place.ts';

const waiting = (id: number) => ({ id, state: 'waiting' as const });
const offered = (id: number) => ({ id, state: 'offered' as const });

describe('the place in line of someone waiting', () => {
  it('counts only those still waiting before them, in joining order', () => {
    expect(placeInLine([waiting(3), waiting(7), waiting(9)], 3)).toBe(1);
    expect(placeInLine([waiting(3), waiting(7), waiting(9)], 9)).toBe(3);
    // Someone holding an offer is ahead of nobody: that seat is theirs already.
    expect(placeInLine([offered(3), waiting(7), offered(8), waiting(9)], 9)).toBe(2);
  });

  it('is none once an offer was made to them, or when they are not in the queue', () => {
    expect(placeInLine([offered(3), waiting(7)], 3)).toBeNull();
    expect(placeInLine([waiting(7)], 4)).toBeNull();
    expect(placeInLine([], 1)).toBeNull();
  });

  it('gives the waiting the places 1, 2, 3 … in order, and moves those behind up by one when someone leaves (property)', () => {
    const queue = fc
      .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 30 })
      .chain((ids) => fc.tuple(fc.constant(ids.sort((a, b) => a - b)), fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length })))
      .map(([ids, offers]) => ids.map((id, index) => (offers[index] ? offered(id) : waiting(id))));
    fc.assert(
      fc.property(queue, fc.nat(), (entries, pick) => {
        const waitingIds = entries.filter((entry) => entry.state === 'waiting').map((entry) => entry.id);
        expect(waitingIds.map((id) => placeInLine(entries, id))).toEqual(waitingIds.map((_id, index) => index + 1));
        const leaving = waitingIds[pick % Math.max(1, waitingIds.length)];
        if (leaving === undefined) return;
        const after = entries.filter((entry) => entry.id !== leaving);
        for (const id of waitingIds) {
          if (id === leaving) continue;
          const before = placeInLine(entries, id) ?? 0;
          expect(placeInLine(after, id)).toBe(id > leaving ? before - 1 : before);
        }
      }),
    );
  });
});
