import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/**
 * Migrations are the numbered `.sql` files in `./migrations`, bundled into the server at build time
 * (so the built server needs no source tree). A file name out of pattern or a repeated number stops
 * the server rather than leaving the schema in doubt.
 */
export function loadMigrations(files: Record<string, string>): Migration[] {
  const migrations = Object.entries(files).map(([path, sql]) => {
    const fileName = path.split('/').pop() ?? path;
    const match = FILE_NAME.exec(fileName);
    if (!match?.[1] || !match[2]) {
      throw new Error(`マイグレーションのファイル名 ${fileName} は 0001_name.sql の形にしてください。`);
    }
    return { version: Number(match[1]), name: match[2], sql };
  });
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`マイグレーションの番号が 1 から連続していません（${String(migration.version)}）。`);
    }
  });
  return migrations;
}

/** Applies the migrations not yet applied, each in its own transaction; returns the schema version. */
export function applyMigrations(db: Database.Database, migrations: Migration[]): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
  }
  const latest = db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as number | null;
  return latest ?? 0;
}
