import type { Pool } from 'pg';
import { loadMigrations, type Migration } from '../migrations.ts';

export const bundledPostgresMigrations: Migration[] = loadMigrations(
  import.meta.glob<string>('./migrations/*.sql', { query: '?raw', import: 'default', eager: true }),
);

/** Any fixed number, the same in every instance: the key of the session lock migrations run under. */
const MIGRATION_LOCK = 4_137_021_611;

/**
 * Applies the migrations not yet applied, each in its own transaction, and returns the schema
 * version. Instances starting together queue on one advisory lock, so exactly one applies each
 * migration and the others find it recorded.
 */
export async function applyPostgresMigrations(pool: Pool, migrations: Migration[]): Promise<number> {
  const client = await pool.connect();
  try {
    // The request statement timeout is not for this: waiting for another instance's migrations, or
    // building an index on a large table, may rightly take longer.
    await client.query('SET statement_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
      const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version));
      for (const migration of migrations) {
        if (applied.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
      const { rows } = await client.query<{ latest: number | null }>('SELECT max(version) AS latest FROM schema_migrations');
      return rows[0]?.latest ?? 0;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
      await client.query('RESET statement_timeout');
    }
  } finally {
    client.release();
  }
}
