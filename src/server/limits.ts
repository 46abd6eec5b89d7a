import { createHmac } from 'node:crypto';
import type { AttemptGuard, AttemptLimit, GuardedOutcome } from '../booking/attempt-guard.ts';
import type { AttemptReservation, LimitStore } from './store/limit-store.ts';

/**
 * The limits that protect citizens, over the store (so they hold under bursts, across restarts and
 * across instances). Subjects (a client's address, a booking code) are hashed with the
 * installation's key before they reach the store.
 */
export interface Limits extends AttemptGuard {
  /** Counts one request of a subject; for the API's rate limit. */
  countRequest(subject: string, windowMs: number): Promise<{ count: number; ttlMs: number }>;
}

export function createLimits(store: LimitStore, now: () => Date): Limits {
  let key: Promise<string> | null = null;
  const hashed = async (subject: string) => {
    key ??= store.subjectKey();
    return createHmac('sha256', await key)
      .update(subject)
      .digest('base64url');
  };

  return {
    async guard<T>(subjects: { limit: AttemptLimit; subject: string }[], check: () => Promise<{ succeeded: boolean; value: T }>): Promise<GuardedOutcome<T>> {
      const reserved: number[] = [];
      const settle = (outcome: 'succeeded' | 'failed') => Promise.all(reserved.map((id) => store.settleAttempt(id, outcome, now().getTime())));
      for (const { limit, subject } of subjects) {
        const reservation: AttemptReservation = await store.reserveAttempt(limit.scope, await hashed(subject), limit.max, limit.windowMs, now().getTime());
        if (!reservation.granted) {
          // Tries reserved for the other subjects were never checked: they do not count.
          await settle('succeeded');
          return { allowed: false, retryAfterMs: reservation.retryAfterMs };
        }
        reserved.push(reservation.id);
      }
      // A check that throws stays counted as failed: the reservation is never released.
      const result = await check();
      await settle(result.succeeded ? 'succeeded' : 'failed');
      return { allowed: true, value: result.value };
    },
    async countRequest(subject, windowMs) {
      const instant = now().getTime();
      const { count, windowEndsAt } = await store.countRequest(await hashed(subject), windowMs, instant);
      return { count, ttlMs: Math.max(0, windowEndsAt - instant) };
    },
  };
}

/**
 * A store for @fastify/rate-limit over our own: the API's rate limit then holds across restarts and
 * instances. The plugin calls `incr` once per request, in order, and `child` per route.
 */
export function rateLimitStore(limits: Limits) {
  return class DatabaseRateLimitStore {
    incr(subject: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      limits
        .countRequest(subject, timeWindow)
        .then(({ count, ttlMs }) => callback(null, { current: count, ttl: ttlMs }))
        .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
    }
    child(): DatabaseRateLimitStore {
      return this;
    }
  };
}
