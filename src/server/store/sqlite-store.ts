import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { bundledMigrations } from './bundled-migrations.ts';
import { applyMigrations, type Migration } from './migrations.ts';
import { sqliteCounterStore } from './sqlite-counter-store.ts';
import { sqliteFacilityStore } from './sqlite-facility-store.ts';
import { sqliteLimitStore } from './sqlite-limit-store.ts';
import { sqliteLinkStore } from './sqlite-link-store.ts';
import { sqliteOutboxStore } from './sqlite-outbox-store.ts';
import { sqliteStaffStore } from './sqlite-staff-store.ts';
import { sqliteWaitlistStore } from './sqlite-waitlist-store.ts';
import { sqliteRoomWaitlistStore } from './sqlite-room-waitlist-store.ts';
import type { Store, StoreHealth } from './store.ts';

export const DATABASE_FILE_NAME = 'togane.sqlite';

/**
 * SQLite through better-sqlite3: one file under DATA_DIR, WAL mode so readers never wait for the
 * writer, `synchronous = FULL` so an acknowledged write survives a crash or power cut, and a busy
 * timeout so a second process (a backup, the CLI) does not make requests fail at once.
 */
export function openSqliteStore(dataDir: string, migrations: Migration[] = bundledMigrations): Store {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DATABASE_FILE_NAME));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const schemaVersion = applyMigrations(db, migrations);
  // Limits are written on every API request. Their own connection commits without waiting for the
  // disk (synchronous = NORMAL): a commit still survives the process dying, and a power cut can
  // lose at most the last moments of counting, never a booking.
  const limitsDb = new Database(join(dataDir, DATABASE_FILE_NAME));
  limitsDb.pragma('synchronous = NORMAL');
  limitsDb.pragma('busy_timeout = 5000');

  const readMeta = db.prepare('SELECT value FROM app_meta WHERE key = ?').pluck();
  const writeMeta = db.prepare(
    `INSERT INTO app_meta (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );

  const claimJob = db.prepare('INSERT INTO job_runs (job, period, instance, claimed_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const deleteJobRuns = db.prepare('DELETE FROM job_runs WHERE period < ?');
  const hasAnswer = db.prepare('SELECT 1 FROM idempotency_keys WHERE scope = ? AND key = ?');

  return {
    engine: 'sqlite',
    checkHealth(): Promise<StoreHealth> {
      try {
        const fingerprint = readMeta.get('content_fingerprint') as string | undefined;
        return Promise.resolve({ ok: true, schemaVersion, contentFingerprint: fingerprint ?? null });
      } catch {
        return Promise.resolve({ ok: false });
      }
    },
    recordContentFingerprint(fingerprint: string): Promise<void> {
      writeMeta.run('content_fingerprint', fingerprint, new Date().toISOString());
      return Promise.resolve();
    },
    claimJobRun(job: string, period: string, instance: string): Promise<boolean> {
      return Promise.resolve(claimJob.run(job, period, instance, new Date().toISOString()).changes === 1);
    },
    deleteJobRunsBefore(period: string): Promise<number> {
      return Promise.resolve(deleteJobRuns.run(period).changes);
    },
    counter: sqliteCounterStore(db),
    counterWaitlist: sqliteWaitlistStore(db),
    facilities: sqliteFacilityStore(db),
    roomWaitlist: sqliteRoomWaitlistStore(db),
    limits: sqliteLimitStore(limitsDb),
    links: sqliteLinkStore(db),
    outbox: sqliteOutboxStore(db),
    staff: sqliteStaffStore(db),
    deleteIdempotencyKeysBefore(isoInstant: string): Promise<number> {
      return Promise.resolve(db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?').run(isoInstant).changes);
    },
    hasIdempotentAnswer(scope: string, key: string): Promise<boolean> {
      return Promise.resolve(hasAnswer.get(scope, key) !== undefined);
    },
    close(): Promise<void> {
      limitsDb.close();
      db.close();
      return Promise.resolve();
    },
  };
}
