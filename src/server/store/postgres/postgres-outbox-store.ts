import type { Pool } from 'pg';
import { OUTBOX_CHANNELS } from '../../../booking/outbox.ts';
import type { ClaimedMessage, FailedMessage, OutboxStore } from '../outbox-store.ts';

/**
 * The outbox in PostgreSQL, shared by the mail workers of every instance. A claim takes due rows
 * with FOR UPDATE SKIP LOCKED and leases them in the same statement: a row another worker is
 * claiming at that instant is skipped rather than waited for, and once leased it is not due for
 * anyone else until the lease runs out.
 */
export function postgresOutboxStore(pool: Pool): OutboxStore {
  return {
    async claimDue(now, leaseUntil, limit, channels = OUTBOX_CHANNELS) {
      const { rows } = await pool.query<ClaimedMessage>(
        `UPDATE outbox SET lease_until = $2, attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM outbox
           WHERE status = 'queued' AND next_attempt_at <= $1 AND (lease_until IS NULL OR lease_until <= $1) AND channel = ANY ($4)
           ORDER BY next_attempt_at, id LIMIT $3
           FOR UPDATE SKIP LOCKED)
         RETURNING id, key, kind, channel, recipient, subject, body, attempts`,
        [now, leaseUntil, limit, channels],
      );
      return rows.sort((a, b) => a.id - b.id);
    },
    async markSent(id, now) {
      await pool.query("UPDATE outbox SET status = 'sent', lease_until = NULL, finished_at = $1 WHERE id = $2 AND status = 'queued'", [now, id]);
    },
    async markRetry(id, nextAttemptAt, error) {
      await pool.query("UPDATE outbox SET lease_until = NULL, next_attempt_at = $1, last_error = $2 WHERE id = $3 AND status = 'queued'", [
        nextAttemptAt,
        error,
        id,
      ]);
    },
    async markFailed(id, now, error) {
      await pool.query("UPDATE outbox SET status = 'failed', lease_until = NULL, finished_at = $1, last_error = $2 WHERE id = $3 AND status = 'queued'", [
        now,
        error,
        id,
      ]);
    },
    // A キャンセル待ち offer that could not be delivered needs no call from the desk: its hold lapses
    // and the seat passes to the next in line by itself.
    async failedMessages(limit) {
      const { rows } = await pool.query<FailedMessage>(
        `SELECT key, kind, channel, coalesce(booking_code, facility_code) AS "bookingCode", due_at AS "dueAt", attempts, last_error AS "lastError", finished_at AS "failedAt"
         FROM outbox WHERE status = 'failed' AND waitlist_entry IS NULL AND facility_waitlist_entry IS NULL ORDER BY finished_at DESC LIMIT $1`,
        [limit],
      );
      return rows;
    },
  };
}
