import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { ServerConfig } from '../config.ts';
import { DATABASE_FILE_NAME } from '../store/sqlite-store.ts';
import { createTestDatabase } from './postgres-test-database.ts';

/** A database for test servers, on one engine or the other. */
export interface TestDatabase {
  /** What points a test server at it; servers given the same one share its data, as after a restart. */
  config: Partial<ServerConfig>;
  /** Runs SQL on it directly, past the server, as anyone holding the database could. */
  run(sql: string): Promise<void>;
  remove(): void;
}

/**
 * The same tests run on both stores: what the staff side relies on (the lock-out under a burst,
 * sessions, the append-only audit log, closures, check-in, desk cancel) must hold on either.
 */
export const TEST_DATABASE_ENGINES: { name: string; newDatabase(): Promise<TestDatabase> }[] = [
  {
    name: 'SQLite',
    newDatabase() {
      const dataDir = mkdtempSync(join(tmpdir(), 'togane-staff-'));
      return Promise.resolve({
        config: { dataDir },
        // In a promise's executor, so a refused statement is a rejection like PostgreSQL's.
        run: (sql) =>
          new Promise<void>((resolve) => {
            const db = new Database(join(dataDir, DATABASE_FILE_NAME));
            try {
              db.prepare(sql).run();
            } finally {
              db.close();
            }
            resolve();
          }),
        remove: () => rmSync(dataDir, { recursive: true, force: true }),
      });
    },
  },
  {
    name: 'PostgreSQL',
    async newDatabase() {
      const databaseUrl = await createTestDatabase();
      return {
        config: { databaseUrl },
        async run(sql) {
          const client = new pg.Client(databaseUrl);
          await client.connect();
          try {
            await client.query(sql);
          } finally {
            await client.end();
          }
        },
        // The whole throw-away cluster is deleted after the run.
        remove: () => undefined,
      };
    },
  },
];
