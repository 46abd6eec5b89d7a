import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledMigrations } from './bundled-migrations.ts';
import { applyMigrations, loadMigrations } from './migrations.ts';
import { DATABASE_FILE_NAME, openSqliteStore } from './sqlite-store.ts';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'togane-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('loadMigrations', () => {
  it('orders the bundled files by number, starting at 1', () => {
    expect(bundledMigrations.map((migration) => migration.version)).toEqual(bundledMigrations.map((_migration, index) => index + 1));
    expect(bundledMigrations[0]?.name).toBe('app_meta');
  });

  it('stops on a file name out of pattern, a gap or a repeated number', () => {
    expect(() => loadMigrations({ './migrations/first.sql': '' })).toThrow('0001_name.sql');
    expect(() => loadMigrations({ './migrations/0001_a.sql': '', './migrations/0003_c.sql': '' })).toThrow('連続していません');
    expect(() => loadMigrations({ './migrations/0001_a.sql': '', './migrations/0001_b.sql': '' })).toThrow('連続していません');
  });
});

describe('applyMigrations', () => {
  it('applies each migration once, and a failed one not at all', () => {
    const db = new Database(':memory:');
    const migrations = loadMigrations({
      './migrations/0001_a.sql': 'CREATE TABLE a (id INTEGER PRIMARY KEY) STRICT;',
      './migrations/0002_b.sql': 'CREATE TABLE b (id INTEGER PRIMARY KEY) STRICT;',
    });
    expect(applyMigrations(db, migrations.slice(0, 1))).toBe(1);
    expect(applyMigrations(db, migrations)).toBe(2);
    expect(applyMigrations(db, migrations)).toBe(2);

    const broken = loadMigrations({
      ...Object.fromEntries(migrations.map((m) => [`./migrations/000${String(m.version)}_${m.name}.sql`, m.sql])),
      './migrations/0003_broken.sql': 'CREATE TABLE c (id INTEGER PRIMARY KEY); THIS IS NOT SQL;',
    });
    expect(() => applyMigrations(db, broken)).toThrow();
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'c'").all();
    expect(tables).toEqual([]);
    expect(db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(2);
  });
});

describe('openSqliteStore', () => {
  it('creates the database under DATA_DIR in WAL mode and reports health', async () => {
    const dir = tempDir();
    const store = openSqliteStore(join(dir, 'nested', 'data'));
    await store.recordContentFingerprint('abc123');
    expect(await store.checkHealth()).toEqual({ ok: true, schemaVersion: bundledMigrations.length, contentFingerprint: 'abc123' });
    await store.close();

    const db = new Database(join(dir, 'nested', 'data', DATABASE_FILE_NAME), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('keeps what it recorded across a restart', async () => {
    const dir = tempDir();
    const first = openSqliteStore(dir);
    await first.recordContentFingerprint('v1');
    await first.close();
    const second = openSqliteStore(dir);
    expect(await second.checkHealth()).toMatchObject({ ok: true, contentFingerprint: 'v1' });
    await second.close();
  });

  it('reports an unhealthy database instead of throwing', async () => {
    const store = openSqliteStore(tempDir());
    await store.close();
    expect(await store.checkHealth()).toEqual({ ok: false });
  });
});
