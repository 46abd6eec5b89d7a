/**
 * Counters that protect citizens: the API's rate limit and the tries at a guarded check (the kiosk
 * PIN, the look-up by code + phone). Kept in the database so they hold under a burst (each call is
 * one atomic step), survive a restart, and are shared by every server instance on the database.
 * Subjects arrive already hashed (see src/server/limits.ts): the store never sees an address.
 */
export interface LimitStore {
  /** The installation's key for hashing subjects; the same on every instance. */
  subjectKey(): Promise<string>;
  /** Counts one request of a subject in a fixed window and says how many it has made in it. */
  countRequest(subject: string, windowMs: number, nowMs: number): Promise<{ count: number; windowEndsAt: number }>;
  /**
   * Reserves one try at a guarded check, unless `max` tries of the subject (failed, or still being
   * checked) already fall in the window. Atomic: of any burst, at most `max` are granted.
   */
  reserveAttempt(scope: string, subject: string, max: number, windowMs: number, nowMs: number): Promise<AttemptReservation>;
  /** A try that succeeded no longer counts; one that failed counts until it leaves the window. */
  settleAttempt(id: number, outcome: 'succeeded' | 'failed', nowMs: number): Promise<void>;
  /** Forgets counts and tries that started before the instant (older than any window); returns how many. */
  deleteLimitsBefore(instantMs: number): Promise<number>;
}

export type AttemptReservation = { granted: true; id: number } | { granted: false; retryAfterMs: number };
