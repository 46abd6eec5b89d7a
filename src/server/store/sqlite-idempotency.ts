import type Database from 'better-sqlite3';
import type { IdempotencyRequest, IdempotentOutcome } from '../../booking/idempotency.ts';

/**
 * Runs `work` inside the caller's transaction unless the same request was already answered: then
 * the stored answer is replayed, and a different body under the same key is refused. `answer`
 * is stored only when `work` says it succeeded, so a refused booking can be retried.
 */
export function withIdempotency<T>(
  db: Database.Database,
  request: IdempotencyRequest | null,
  now: string,
  work: () => T,
  succeeded: (value: T) => boolean,
  answer: () => string,
): IdempotentOutcome<T> {
  if (request) {
    const previous = db.prepare('SELECT request_hash, response_json FROM idempotency_keys WHERE scope = ? AND key = ?').get(request.scope, request.key) as
      { request_hash: string; response_json: string } | undefined;
    if (previous) {
      return previous.request_hash === request.requestHash ? { replayed: true, responseJson: previous.response_json } : { replayed: 'mismatch' };
    }
  }
  const value = work();
  if (request && succeeded(value)) {
    db.prepare('INSERT INTO idempotency_keys (scope, key, request_hash, response_json, created_at) VALUES (?, ?, ?, ?, ?)').run(
      request.scope,
      request.key,
      request.requestHash,
      answer(),
      now,
    );
  }
  return { replayed: false, value };
}
