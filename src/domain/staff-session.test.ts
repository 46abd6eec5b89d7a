import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sessionState } from './staff-session.ts';

const IDLE = 15 * 60_000;
const session = fc.record({
  lastSeenAt: fc.integer({ min: 0, max: 10 ** 9 }),
  lifetime: fc.integer({ min: 1, max: 10 ** 8 }),
  endedAt: fc.option(fc.integer({ min: 0, max: 10 ** 9 })),
});

describe('sessionState', () => {
  it('is active only when not ended, before the lifetime, and used within the idle timeout', () => {
    fc.assert(
      fc.property(session, fc.integer({ min: 0, max: 2 * 10 ** 9 }), ({ lastSeenAt, lifetime, endedAt }, now) => {
        const times = { lastSeenAt, expiresAt: lastSeenAt + lifetime, endedAt };
        const active = sessionState(times, now, IDLE) === 'active';
        expect(active).toBe(endedAt === null && now < times.expiresAt && now - lastSeenAt < IDLE);
      }),
    );
  });

  it('names why a session is over: ended first, then its lifetime, then idleness', () => {
    expect(sessionState({ lastSeenAt: 0, expiresAt: 10, endedAt: 5 }, 20 * IDLE, IDLE)).toBe('ended');
    expect(sessionState({ lastSeenAt: 0, expiresAt: 10, endedAt: null }, 2 * IDLE, IDLE)).toBe('expired');
    expect(sessionState({ lastSeenAt: 0, expiresAt: 10 * IDLE, endedAt: null }, IDLE, IDLE)).toBe('idle');
    expect(sessionState({ lastSeenAt: 0, expiresAt: 10 * IDLE, endedAt: null }, IDLE - 1, IDLE)).toBe('active');
  });
});
