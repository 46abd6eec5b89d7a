import type Database from 'better-sqlite3';
import { OUTBOX_CHANNELS } from '../../booking/outbox.ts';
import type { ClaimedMessage, FailedMessage, OutboxStore } from './outbox-store.ts';

/**
 * The outbox in SQLite. Claiming is one BEGIN IMMEDIATE transaction (select, then lease), so two
 * processes on the same file never claim one message: the second waits for the first's write lock
 * and then sees the lease.
 */
export function sqliteOutboxStore(db: Database.Database): OutboxStore {
  const due = db
    .prepare(
      `SELECT id FROM outbox
    WHERE status = 'queued' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
      AND channel IN (SELECT value FROM json_each(@channels))
    ORDER BY next_attempt_at, id LIMIT @limit`,
    )
    .pluck();
  const lease = db.prepare(`UPDATE outbox SET lease_until = ?, attempts = attempts + 1 WHERE id = ?
    RETURNING id, key, kind, channel, recipient, subject, body, attempts`);
  const claimDue = db.transaction((now: string, leaseUntil: string, limit: number, channels: string) =>
    (due.all({ now, limit, channels }) as number[]).map((id) => lease.get(leaseUntil, id) as ClaimedMessage),
  );
  const markSent = db.prepare("UPDATE outbox SET status = 'sent', lease_until = NULL, finished_at = ? WHERE id = ? AND status = 'queued'");
  const markRetry = db.prepare("UPDATE outbox SET lease_until = NULL, next_attempt_at = ?, last_error = ? WHERE id = ? AND status = 'queued'");
  const markFailed = db.prepare("UPDATE outbox SET status = 'failed', lease_until = NULL, finished_at = ?, last_error = ? WHERE id = ? AND status = 'queued'");
  // A キャンセル待ち offer that could not be delivered needs no call from the desk: its hold lapses
  // and the seat passes to the next in line by itself.
  const failed =
    db.prepare(`SELECT key, kind, channel, coalesce(booking_code, facility_code) AS bookingCode, due_at AS dueAt, attempts, last_error AS lastError,
    finished_at AS failedAt FROM outbox WHERE status = 'failed' AND waitlist_entry IS NULL AND facility_waitlist_entry IS NULL ORDER BY finished_at DESC LIMIT ?`);

  return {
    claimDue: (now, leaseUntil, limit, channels = OUTBOX_CHANNELS) => Promise.resolve(claimDue.immediate(now, leaseUntil, limit, JSON.stringify(channels))),
    markSent: (id, now) => Promise.resolve(void markSent.run(now, id)),
    markRetry: (id, nextAttemptAt, error) => Promise.resolve(void markRetry.run(nextAttemptAt, error, id)),
    markFailed: (id, now, error) => Promise.resolve(void markFailed.run(now, error, id)),
    failedMessages: (limit) => Promise.resolve(failed.all(limit) as FailedMessage[]),
  };
}
