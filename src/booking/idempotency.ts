/** What a retried request needs: its key, a hash of its body, and where it belongs. */
export interface IdempotencyRequest {
  scope: string;
  key: string;
  requestHash: string;
}

/** A stored first answer, replayed to a retry of the same request. */
export type IdempotentOutcome<T> = { replayed: false; value: T } | { replayed: true; responseJson: string } | { replayed: 'mismatch' };
