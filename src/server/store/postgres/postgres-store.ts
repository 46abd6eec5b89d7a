import pg from 'pg';
import type { Migration } from '../migrations.ts';
import type { Store, StoreHealth } from '../store.ts';
import { postgresCounterStore } from './postgres-counter-store.ts';
import { postgresWaitlistStore } from './postgres-waitlist-store.ts';
import { postgresRoomWaitlistStore } from './postgres-room-waitlist-store.ts';
import { postgresFacilityStore } from './postgres-facility-store.ts';
import { postgresLimitStore } from './postgres-limit-store.ts';
import { postgresLinkStore } from './postgres-link-store.ts';
import { applyPostgresMigrations, bundledPostgresMigrations } from './postgres-migrations.ts';
import { postgresOutboxStore } from './postgres-outbox-store.ts';
import { postgresStaffStore } from './postgres-staff-store.ts';

export interface PostgresSettings {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Connections this instance keeps open at most; requests beyond wait for a free one. */
  poolSize: number;
  /** A statement running longer is cancelled, so a stuck query cannot hold a connection and its locks. */
  statementTimeoutMs: number;
}

/** PostgreSQL's type numbers for the values read differently from node-postgres's defaults. */
const TYPE = { int8: 20, date: 1082, timestamptz: 1184 };
const parseTimestamptz = pg.types.getTypeParser(TYPE.timestamptz) as (value: string) => Date;

/**
 * Values as the rest of the server knows them from SQLite: instants as ISO strings, days as
 * 'YYYY-MM-DD' (never a Date at local midnight), counts and ids as numbers (bigint ids stay far
 * below 2^53).
 */
function typeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === TYPE.timestamptz) return (value) => parseTimestamptz(value).toISOString();
  if (oid === TYPE.date) return (value) => value;
  if (oid === TYPE.int8) return Number;
  return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
}
const types: pg.CustomTypesConfig = { getTypeParser: typeParser };

export class DatabaseUnreachableError extends Error {}

/**
 * The store for several server instances on one PostgreSQL database (DATABASE_URL). Every booking
 * rule that must hold across instances is held by the database itself: see the migrations.
 */
export async function openPostgresStore(settings: PostgresSettings, migrations: Migration[] = bundledPostgresMigrations): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: settings.url,
    max: settings.poolSize,
    statement_timeout: settings.statementTimeoutMs,
    connectionTimeoutMillis: 10_000,
    types,
  });
  // A pooled connection that breaks while idle (the database restarting) is dropped by the pool and
  // replaced on the next query; without a listener its error would end the process.
  pool.on('error', () => undefined);

  let schemaVersion: number;
  try {
    schemaVersion = await applyPostgresMigrations(pool, migrations);
  } catch (error) {
    await pool.end();
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnreachableError(
      `DATABASE_URL のデータベースに接続できないか、準備ができませんでした（${reason}）。\n` +
        `Could not connect to or migrate the database in DATABASE_URL (${reason}).`,
    );
  }

  return {
    engine: 'postgres',
    async checkHealth(): Promise<StoreHealth> {
      try {
        const { rows } = await pool.query<{ value: string }>("SELECT value FROM app_meta WHERE key = 'content_fingerprint'");
        return { ok: true, schemaVersion, contentFingerprint: rows[0]?.value ?? null };
      } catch {
        return { ok: false };
      }
    },
    async recordContentFingerprint(fingerprint: string): Promise<void> {
      await pool.query(
        `INSERT INTO app_meta (key, value, updated_at) VALUES ('content_fingerprint', $1, now())
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
        [fingerprint],
      );
    },
    async claimJobRun(job: string, period: string, instance: string): Promise<boolean> {
      const result = await pool.query('INSERT INTO job_runs (job, period, instance, claimed_at) VALUES ($1, $2, $3, now()) ON CONFLICT DO NOTHING', [
        job,
        period,
        instance,
      ]);
      return result.rowCount === 1;
    },
    async deleteJobRunsBefore(period: string): Promise<number> {
      // COLLATE "C": periods compare as the ISO text they are, whatever the database's collation.
      return (await pool.query('DELETE FROM job_runs WHERE period < $1 COLLATE "C"', [period])).rowCount ?? 0;
    },
    counter: postgresCounterStore(pool),
    counterWaitlist: postgresWaitlistStore(pool),
    roomWaitlist: postgresRoomWaitlistStore(pool),
    facilities: postgresFacilityStore(pool),
    limits: postgresLimitStore(pool),
    links: postgresLinkStore(pool),
    outbox: postgresOutboxStore(pool),
    staff: postgresStaffStore(pool),
    async deleteIdempotencyKeysBefore(isoInstant: string): Promise<number> {
      const result = await pool.query('DELETE FROM idempotency_keys WHERE created_at < $1', [isoInstant]);
      return result.rowCount ?? 0;
    },
    async hasIdempotentAnswer(scope: string, key: string): Promise<boolean> {
      return ((await pool.query('SELECT 1 FROM idempotency_keys WHERE scope = $1 AND key = $2', [scope, key])).rowCount ?? 0) > 0;
    },
    close: () => pool.end(),
  };
}
