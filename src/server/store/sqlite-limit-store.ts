import type Database from 'better-sqlite3';
import type { AttemptReservation, LimitStore } from './limit-store.ts';

/**
 * Limits in SQLite. Every method is one statement or one IMMEDIATE transaction, and better-sqlite3
 * runs each to its end before the next request is served, so a burst is counted one by one.
 */
export function sqliteLimitStore(db: Database.Database): LimitStore {
  const readKey = db.prepare("SELECT value FROM app_meta WHERE key = 'subject_key'").pluck();
  const count = db.prepare(`INSERT INTO request_counts (subject, window_start, count) VALUES (@subject, @now, 1)
    ON CONFLICT (subject) DO UPDATE SET
      count = CASE WHEN window_start + @window <= @now THEN 1 ELSE count + 1 END,
      window_start = CASE WHEN window_start + @window <= @now THEN @now ELSE window_start END
    RETURNING count, window_start`);
  const forgetOld = db.prepare('DELETE FROM guarded_attempts WHERE scope = ? AND subject = ? AND started_at <= ?');
  const inWindow = db.prepare('SELECT COUNT(*) AS tries, MIN(started_at) AS oldest FROM guarded_attempts WHERE scope = ? AND subject = ?');
  const reserve = db.prepare("INSERT INTO guarded_attempts (scope, subject, started_at, state) VALUES (?, ?, ?, 'pending')");
  const succeed = db.prepare('DELETE FROM guarded_attempts WHERE id = ?');
  const fail = db.prepare("UPDATE guarded_attempts SET state = 'failed', started_at = ? WHERE id = ?");

  const reserveAttempt = db.transaction((scope: string, subject: string, max: number, windowMs: number, nowMs: number): AttemptReservation => {
    forgetOld.run(scope, subject, nowMs - windowMs);
    const { tries, oldest } = inWindow.get(scope, subject) as { tries: number; oldest: number | null };
    if (tries >= max) return { granted: false, retryAfterMs: Math.max(1, (oldest ?? nowMs) + windowMs - nowMs) };
    return { granted: true, id: Number(reserve.run(scope, subject, nowMs).lastInsertRowid) };
  });

  return {
    subjectKey() {
      const key = readKey.get() as string | undefined;
      if (!key) throw new Error('app_meta has no subject_key: the limits migration has not run');
      return Promise.resolve(key);
    },
    countRequest(subject, windowMs, nowMs) {
      const row = count.get({ subject, window: windowMs, now: nowMs }) as { count: number; window_start: number };
      return Promise.resolve({ count: row.count, windowEndsAt: row.window_start + windowMs });
    },
    reserveAttempt: (scope, subject, max, windowMs, nowMs) => Promise.resolve(reserveAttempt.immediate(scope, subject, max, windowMs, nowMs)),
    settleAttempt(id, outcome, nowMs) {
      if (outcome === 'succeeded') succeed.run(id);
      else fail.run(nowMs, id);
      return Promise.resolve();
    },
    deleteLimitsBefore(instantMs) {
      const tries = db.prepare('DELETE FROM guarded_attempts WHERE started_at < ?').run(instantMs).changes;
      const counts = db.prepare('DELETE FROM request_counts WHERE window_start < ?').run(instantMs).changes;
      return Promise.resolve(tries + counts);
    },
  };
}
