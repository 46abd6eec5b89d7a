import { describe, expect, it } from 'vitest';
import { createHoldKnowledge } from './hold-knowledge.ts';

describe('createHoldKnowledge', () => {
  it('knows a hold it was told of, on the day it was seen only', () => {
    const holds = createHoldKnowledge();
    holds.remember(['2026-12-01T09:00'], holds.since(), '2026-11-24');
    expect(holds.isHeld('2026-12-01T09:00', '2026-11-24')).toBe(true);
    expect(holds.isHeld('2026-12-01T09:30', '2026-11-24')).toBe(false);
    // A 仮予約 may have reached its deadline at midnight.
    expect(holds.isHeld('2026-12-01T09:00', '2026-11-25')).toBe(false);
  });

  it('forgets every hold when something is freed', () => {
    const holds = createHoldKnowledge();
    holds.remember(['a', 'b'], holds.since(), 'd');
    holds.freed();
    expect(holds.isHeld('a', 'd')).toBe(false);
    expect(holds.isHeld('b', 'd')).toBe(false);
  });

  it('does not remember a read that began before something was freed', () => {
    const holds = createHoldKnowledge();
    const since = holds.since();
    holds.freed();
    holds.remember(['a'], since, 'd');
    expect(holds.isHeld('a', 'd')).toBe(false);
    holds.remember(['a'], holds.since(), 'd');
    expect(holds.isHeld('a', 'd')).toBe(true);
  });

  it('stays bounded, forgetting rather than growing', () => {
    const holds = createHoldKnowledge(2);
    holds.remember(['a', 'b', 'c'], holds.since(), 'd');
    expect(holds.isHeld('a', 'd')).toBe(false);
    expect(holds.isHeld('c', 'd')).toBe(true);
  });
});
