/**
 * Tries that must be limited (the look-up of a booking by code + phone, which a guesser could try
 * over and over). The server counts them in its database per client address and per code; the
 * practice mode, whose bookings live on the learner's own device, lets every try through.
 */
export interface AttemptLimit {
  /** Names the check, so the kiosk PIN and the look-up count apart. */
  scope: string;
  max: number;
  windowMs: number;
}

export type GuardedOutcome<T> = { allowed: true; value: T } | { allowed: false; retryAfterMs: number };

export interface AttemptGuard {
  /**
   * Runs an expensive check only when every subject still has a try left. Each try is reserved
   * before the check and counts as failed until `check` says otherwise, so a burst of any size gets
   * at most `max` checks. `check` returns whether it succeeded, and its value.
   */
  guard<T>(subjects: { limit: AttemptLimit; subject: string }[], check: () => Promise<{ succeeded: boolean; value: T }>): Promise<GuardedOutcome<T>>;
}
