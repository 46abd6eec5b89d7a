import type { PoolClient } from 'pg';
import type { IdempotencyRequest, IdempotentOutcome } from '../../../booking/idempotency.ts';
import { LOCK_NAMESPACE, lockFor } from './transaction.ts';

/**
 * Runs `work` inside the caller's transaction unless the same request was already answered: then
 * the stored answer is replayed, and a different body under the same key is refused. `answer`
 * is stored only when `work` says it succeeded, so a refused booking can be retried.
 *
 * Retries of one request often arrive together (a phone resending on a bad line). The key's lock
 * makes them wait for the first one's commit, so they replay its answer instead of racing it for
 * the same seat and being told the seat is taken. The primary key on (scope, key) stays the last word.
 */
export async function withIdempotency<T>(
  client: PoolClient,
  request: IdempotencyRequest | null,
  now: string,
  work: () => Promise<T>,
  succeeded: (value: T) => boolean,
  answer: () => string,
): Promise<IdempotentOutcome<T>> {
  if (request) {
    await lockFor(client, LOCK_NAMESPACE.idempotencyKey, `${request.scope}\n${request.key}`);
    const previous = await client.query<{ request_hash: string; response_json: string }>(
      'SELECT request_hash, response_json FROM idempotency_keys WHERE scope = $1 AND key = $2',
      [request.scope, request.key],
    );
    const row = previous.rows[0];
    if (row) return row.request_hash === request.requestHash ? { replayed: true, responseJson: row.response_json } : { replayed: 'mismatch' };
  }
  const value = await work();
  if (request && succeeded(value)) {
    await client.query('INSERT INTO idempotency_keys (scope, key, request_hash, response_json, created_at) VALUES ($1, $2, $3, $4, $5)', [
      request.scope,
      request.key,
      request.requestHash,
      answer(),
      now,
    ]);
  }
  return { replayed: false, value };
}
