import type { ServerConfig } from '../config.ts';
import { openPostgresStore } from './postgres/postgres-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { Store } from './store.ts';

/** PostgreSQL when DATABASE_URL is set (several instances, one database); otherwise SQLite under DATA_DIR. */
export function openStore(config: Pick<ServerConfig, 'dataDir' | 'databaseUrl' | 'databasePoolSize' | 'databaseStatementTimeoutMs'>): Promise<Store> {
  if (config.databaseUrl === null) return Promise.resolve(openSqliteStore(config.dataDir));
  return openPostgresStore({ url: config.databaseUrl, poolSize: config.databasePoolSize, statementTimeoutMs: config.databaseStatementTimeoutMs });
}
