import type { Pool } from 'pg';
import type { AttemptReservation, LimitStore } from '../limit-store.ts';
import { inTransaction, LOCK_NAMESPACE, lockFor } from './transaction.ts';

/**
 * Limits in PostgreSQL, shared by every instance on the database. A request is counted by one
 * INSERT … ON CONFLICT DO UPDATE, which PostgreSQL runs atomically per subject; a guarded try is
 * reserved under the subject's lock, so of a burst spread over any number of instances at most
 * `max` are granted.
 */
export function postgresLimitStore(pool: Pool): LimitStore {
  return {
    async subjectKey() {
      const { rows } = await pool.query<{ value: string }>("SELECT value FROM app_meta WHERE key = 'subject_key'");
      if (!rows[0]) throw new Error('app_meta has no subject_key: the limits migration has not run');
      return rows[0].value;
    },

    async countRequest(subject, windowMs, nowMs) {
      const { rows } = await pool.query<{ count: number; window_start: number }>(
        `INSERT INTO request_counts (subject, window_start, count) VALUES ($1, $3, 1)
         ON CONFLICT (subject) DO UPDATE SET
           count = CASE WHEN request_counts.window_start + $2 <= $3 THEN 1 ELSE request_counts.count + 1 END,
           window_start = CASE WHEN request_counts.window_start + $2 <= $3 THEN $3 ELSE request_counts.window_start END
         RETURNING count, window_start`,
        [subject, windowMs, nowMs],
      );
      const row = rows[0];
      if (!row) throw new Error('request_counts returned no row');
      return { count: row.count, windowEndsAt: row.window_start + windowMs };
    },

    reserveAttempt: (scope, subject, max, windowMs, nowMs) =>
      inTransaction(pool, async (client): Promise<AttemptReservation> => {
        await lockFor(client, LOCK_NAMESPACE.guardedAttempts, `${scope}\n${subject}`);
        await client.query('DELETE FROM guarded_attempts WHERE scope = $1 AND subject = $2 AND started_at <= $3', [scope, subject, nowMs - windowMs]);
        const { rows } = await client.query<{ tries: number; oldest: number | null }>(
          'SELECT count(*) AS tries, min(started_at) AS oldest FROM guarded_attempts WHERE scope = $1 AND subject = $2',
          [scope, subject],
        );
        const { tries, oldest } = rows[0] ?? { tries: 0, oldest: null };
        if (tries >= max) return { granted: false, retryAfterMs: Math.max(1, (oldest ?? nowMs) + windowMs - nowMs) };
        const reserved = await client.query<{ id: number }>(
          "INSERT INTO guarded_attempts (scope, subject, started_at, state) VALUES ($1, $2, $3, 'pending') RETURNING id",
          [scope, subject, nowMs],
        );
        return { granted: true, id: reserved.rows[0]?.id ?? -1 };
      }),

    async settleAttempt(id, outcome, nowMs) {
      if (outcome === 'succeeded') await pool.query('DELETE FROM guarded_attempts WHERE id = $1', [id]);
      else await pool.query("UPDATE guarded_attempts SET state = 'failed', started_at = $1 WHERE id = $2", [nowMs, id]);
    },

    async deleteLimitsBefore(instantMs) {
      const tries = await pool.query('DELETE FROM guarded_attempts WHERE started_at < $1', [instantMs]);
      const counts = await pool.query('DELETE FROM request_counts WHERE window_start < $1', [instantMs]);
      return (tries.rowCount ?? 0) + (counts.rowCount ?? 0);
    },
  };
}
