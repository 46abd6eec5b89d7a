import type { Pool, PoolClient } from 'pg';

/**
 * Errors after which the whole transaction can simply run again:
 * 40001 serialization failure and 40P01 deadlock (PostgreSQL chose this transaction to abort), and
 * 23505 unique violation, which here always means a concurrent transaction committed the same key
 * (a booking code, an idempotency key, a link's token) between this one's check and its insert, so
 * running again sees that row and answers from it.
 */
const RETRYABLE = new Set(['40001', '40P01', '23505']);
const MAX_ATTEMPTS = 5;

export function sqlState(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` in one READ COMMITTED transaction on one pooled connection, committing if it returns
 * and rolling back if it throws; a retryable failure runs it again, at most MAX_ATTEMPTS times in all,
 * after a short random pause so two colliding transactions do not collide again in step.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const value = await work(client);
      await client.query('COMMIT');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        // A connection that cannot even roll back is closed rather than returned to the pool.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has(sqlState(error) ?? '')) throw error;
    } finally {
      client.release(broken);
    }
    await pause(Math.random() * 5 * attempt);
  }
}

/**
 * Runs `work` inside a savepoint of the caller's transaction: when it fails with the SQLSTATE
 * `refusedBy` (a constraint saying no), its writes are undone, the transaction carries on, and
 * `refused` is returned instead.
 */
export async function orRefused<T, R>(client: PoolClient, refusedBy: string, work: () => Promise<T>, refused: R): Promise<T | R> {
  await client.query('SAVEPOINT attempt');
  try {
    const value = await work();
    await client.query('RELEASE SAVEPOINT attempt');
    return value;
  } catch (error) {
    if (sqlState(error) !== refusedBy) throw error;
    await client.query('ROLLBACK TO SAVEPOINT attempt');
    return refused;
  }
}

/**
 * Serialises transactions about one thing (one idempotency key, one subject's tries, one booking's
 * links) until they commit. The two-number form keeps these apart from the migrations' lock, which
 * uses the one-number form; `namespace` keeps the kinds of thing apart from each other.
 */
export async function lockFor(client: PoolClient, namespace: number, thing: string): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [namespace, thing]);
}

export const LOCK_NAMESPACE = { idempotencyKey: 1, guardedAttempts: 2, bookingLinks: 3, facilityRoom: 4 } as const;
