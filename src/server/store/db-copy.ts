import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { Pool, PoolClient } from 'pg';
import { bundledMigrations } from './bundled-migrations.ts';
import type { Migration } from './migrations.ts';
import { applyPostgresMigrations, bundledPostgresMigrations } from './postgres/postgres-migrations.ts';

/**
 * Copies a SQLite database (one instance, `npm start`) into an empty PostgreSQL one (several
 * instances), for a city that outgrows one machine: every table, row for row, in one PostgreSQL
 * transaction that commits only after the copy is read back and found equal to the source, table by
 * table, by count and by checksum. `npm run db:copy` (src/server/store/db-copy-cli.ts) runs it.
 *
 * The two schemas are kept column for column alike by their migrations; this module knows only
 * their few differences (SQLite's 0/1 flags, JSON lists and per-segment rows against PostgreSQL's
 * booleans, arrays and ranges). A table or column on one side and not the other stops the copy
 * before anything is written: a new migration for one engine only should fail here, not lose data.
 */

/** Why the copy did not start; said to whoever ran the command, who can act on it. */
export class CopyRefused extends Error {}

export interface CopiedTable {
  table: string;
  rows: number;
  /** SHA-256 over the table's rows in one canonical form, the same for the source and the copy. */
  checksum: string;
}

interface Column {
  name: string;
  /** PostgreSQL's data_type: 'text', 'bigint', 'boolean', 'date', 'timestamp with time zone', 'ARRAY', 'tsrange'… */
  type: string;
}

type Row = Record<string, unknown>;

/** How one SQLite table becomes rows of its PostgreSQL twin. */
interface TablePlan {
  table: string;
  columns: Column[];
  toPostgres(row: Row): Row;
  hasIdentity: boolean;
}

/**
 * Facility segments are one row per booked segment in SQLite (a primary key refuses overlaps) and
 * one point range per segment in PostgreSQL (an exclusion constraint does), written as the store's
 * `tsrange(start, start, '[]')`. A segment is held by a booking, by the desk's block of the room, or
 * by a キャンセル待ち offer.
 */
const SEGMENTS_TABLE = 'facility_booked_segments';
function segmentToPostgres(row: Row): Row {
  const start = `${text(row.date)} ${text(row.segment)}`;
  return {
    booking_id: row.booking_id,
    room_block_id: row.room_block_id,
    waitlist_entry_id: row.waitlist_entry_id,
    room: row.room_key,
    during: `[${start},${start}]`,
  };
}

const ROWS_PER_STATEMENT = 1_000;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A column's value as text: SQLite and to_jsonb give strings and numbers here, never objects. */
const text = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

function sqliteSchemaVersion(source: Database.Database): number {
  const hasTable = source.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!hasTable) return 0;
  return (source.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as number | null) ?? 0;
}

/** The SQLite tables in an order where every table comes after those its foreign keys point to. */
function tablesInDependencyOrder(source: Database.Database): string[] {
  const names = source
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name")
    .pluck()
    .all() as string[];
  const ordered: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (ordered.includes(name)) return;
    if (path.includes(name)) throw new Error(`foreign keys form a cycle: ${[...path, name].join(' → ')}`);
    const parents = source.prepare(`SELECT "table" FROM pragma_foreign_key_list(?)`).pluck().all(name) as string[];
    for (const parent of parents) if (parent !== name) visit(parent, [...path, name]);
    ordered.push(name);
  };
  for (const name of names) visit(name, []);
  return ordered;
}

async function postgresColumns(client: PoolClient): Promise<Map<string, Column[]>> {
  const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT c.table_name, c.column_name, c.data_type
     FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
     WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.table_name <> 'schema_migrations'
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, Column[]>();
  for (const row of rows) tables.set(row.table_name, [...(tables.get(row.table_name) ?? []), { name: row.column_name, type: row.data_type }]);
  return tables;
}

async function identityTables(client: PoolClient): Promise<Set<string>> {
  const { rows } = await client.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'",
  );
  return new Set(rows.map((row) => row.table_name));
}

/**
 * Plans each table, matching its columns by name: a PostgreSQL array column `dates` is SQLite's
 * `dates_json`, a boolean is SQLite's 0/1. Anything unmatched is a schema the two engines' migrations
 * disagree on, and stops the copy.
 */
function planTables(source: Database.Database, target: Map<string, Column[]>, identities: Set<string>): TablePlan[] {
  const tables = tablesInDependencyOrder(source);
  const mismatch = [...tables.filter((table) => !target.has(table)), ...[...target.keys()].filter((table) => !tables.includes(table))];
  if (mismatch.length > 0) throw new Error(`the SQLite and PostgreSQL schemas differ in their tables: ${mismatch.join(', ')}`);
  return tables.map((table) => {
    const columns = target.get(table) ?? [];
    const sourceColumns = (source.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).sort();
    const hasIdentity = identities.has(table);
    if (table === SEGMENTS_TABLE) {
      return { table, columns, toPostgres: segmentToPostgres, hasIdentity };
    }
    const sourceName = (column: Column) => (column.type === 'ARRAY' ? `${column.name}_json` : column.name);
    const expected = columns.map(sourceName).sort();
    if (expected.join() !== sourceColumns.join()) {
      throw new Error(
        `the SQLite and PostgreSQL schemas differ in ${table}: SQLite has ${sourceColumns.join(', ')}; PostgreSQL expects ${expected.join(', ')}`,
      );
    }
    const toPostgres = (row: Row): Row =>
      Object.fromEntries(
        columns.map((column) => {
          const value = row[sourceName(column)];
          if (value === null || value === undefined) return [column.name, null];
          if (column.type === 'ARRAY') return [column.name, JSON.parse(text(value)) as unknown];
          if (column.type === 'boolean') return [column.name, value === 1];
          return [column.name, value];
        }),
      );
    return { table, columns, toPostgres, hasIdentity };
  });
}

/**
 * One value in the form both sides agree on: an instant as UTC ISO with milliseconds (SQLite keeps
 * the text it was given, PostgreSQL its own spelling), a range as its two bounds to the minute.
 */
function canonicalValue(type: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'timestamp with time zone') return new Date(text(value)).toISOString();
  if (type === 'tsrange') {
    const match = /^([[(])"?(\d{4}-\d\d-\d\d[ T]\d\d:\d\d)(?::00)?"?,"?(\d{4}-\d\d-\d\d[ T]\d\d:\d\d)(?::00)?"?([\])])$/.exec(text(value));
    if (!match) throw new Error(`a range in an unexpected form: ${text(value)}`);
    return `${match[1] ?? ''}${(match[2] ?? '').replace(' ', 'T')},${(match[3] ?? '').replace(' ', 'T')}${match[4] ?? ''}`;
  }
  return value;
}

/** Counts rows and sums them up independently of their order (each row hashed, the hashes sorted). */
class TableDigest {
  private readonly rowHashes: string[] = [];
  constructor(private readonly columns: Column[]) {}

  add(postgresRow: Row): void {
    const canonical = this.columns.map((column) => canonicalValue(column.type, postgresRow[column.name]));
    this.rowHashes.push(createHash('sha256').update(JSON.stringify(canonical)).digest('hex'));
  }

  get rows(): number {
    return this.rowHashes.length;
  }

  checksum(): string {
    const hash = createHash('sha256');
    for (const rowHash of this.rowHashes.sort()) hash.update(rowHash);
    return hash.digest('hex');
  }
}

async function refuseUnlessEmpty(client: PoolClient, plans: TablePlan[]): Promise<void> {
  // app_meta is written by the migrations themselves (the rate limits' key); the copy replaces it.
  for (const { table } of plans.filter((plan) => plan.table !== 'app_meta')) {
    const { rows } = await client.query<{ used: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quote(table)}) AS used`);
    if (rows[0]?.used) {
      throw new CopyRefused(
        `コピー先のデータベースは空ではありません（${table} に行があります）。予約を重ねて書かないよう、空のデータベースにだけコピーします。` +
          `\nThe target database is not empty (${table} has rows); db:copy writes only into an empty database.`,
      );
    }
  }
}

async function insertRows(client: PoolClient, plan: TablePlan, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  // OVERRIDING SYSTEM VALUE keeps SQLite's ids: other tables refer to them.
  await client.query(
    `INSERT INTO ${quote(plan.table)} ${plan.hasIdentity ? 'OVERRIDING SYSTEM VALUE ' : ''}SELECT * FROM jsonb_populate_recordset(NULL::${quote(plan.table)}, $1::jsonb)`,
    [JSON.stringify(rows)],
  );
}

/** Copies one table and returns the source's digest of what it sent. */
async function copyTable(source: Database.Database, client: PoolClient, plan: TablePlan): Promise<TableDigest> {
  const digest = new TableDigest(plan.columns);
  let batch: Row[] = [];
  for (const sourceRow of source.prepare(`SELECT * FROM ${quote(plan.table)}`).iterate() as IterableIterator<Row>) {
    const row = plan.toPostgres(sourceRow);
    digest.add(row);
    batch.push(row);
    if (batch.length === ROWS_PER_STATEMENT) {
      await insertRows(client, plan, batch);
      batch = [];
    }
  }
  await insertRows(client, plan, batch);
  if (plan.hasIdentity) {
    // New rows continue after the copied ids.
    await client.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), COALESCE(MAX(id), 0) + 1, false) FROM ${quote(plan.table)}`, [plan.table]);
  }
  return digest;
}

/** Reads a copied table back through a cursor, in the same canonical form as the source. */
async function readBack(client: PoolClient, plan: TablePlan): Promise<TableDigest> {
  const digest = new TableDigest(plan.columns);
  await client.query(`DECLARE read_back NO SCROLL CURSOR FOR SELECT to_jsonb(t) AS row FROM ${quote(plan.table)} t`);
  for (;;) {
    const { rows } = await client.query<{ row: Row }>(`FETCH ${String(ROWS_PER_STATEMENT)} FROM read_back`);
    for (const { row } of rows) digest.add(row);
    if (rows.length < ROWS_PER_STATEMENT) break;
  }
  await client.query('CLOSE read_back');
  return digest;
}

export interface CopyOptions {
  /** The migrations of this server version; tests may pass others. */
  sqliteMigrations?: Migration[];
  postgresMigrations?: Migration[];
}

/**
 * Copies everything in `source` into the empty PostgreSQL database behind `target`, migrating it
 * first. Refuses (CopyRefused) a source whose schema is not this version's, or a target with rows.
 * Either the whole copy is committed, equal to the source, or nothing is.
 */
export async function copySqliteToPostgres(source: Database.Database, target: Pool, options: CopyOptions = {}): Promise<CopiedTable[]> {
  const sqliteMigrations = options.sqliteMigrations ?? bundledMigrations;
  const version = sqliteSchemaVersion(source);
  if (version !== sqliteMigrations.length) {
    throw new CopyRefused(
      `コピー元の SQLite データベースのスキーマ（${String(version)}）が、このサーバーのもの（${String(sqliteMigrations.length)}）と違います。` +
        'このバージョンのサーバーを一度そのデータで起動して更新してから、もう一度コピーしてください。' +
        `\nThe SQLite database's schema version (${String(version)}) is not this server's (${String(sqliteMigrations.length)}): start this server once on it, then copy again.`,
    );
  }
  await applyPostgresMigrations(target, options.postgresMigrations ?? bundledPostgresMigrations);
  const client = await target.connect();
  try {
    const plans = planTables(source, await postgresColumns(client), await identityTables(client));
    await client.query('BEGIN');
    try {
      // A copy may rightly take longer than a request; the statement timeout is for requests.
      await client.query('SET LOCAL statement_timeout = 0');
      await refuseUnlessEmpty(client, plans);
      await client.query('DELETE FROM app_meta');
      const copied: CopiedTable[] = [];
      const mismatches: string[] = [];
      // One read transaction: the source is read as it stood at one instant, even if a server writes to it.
      source.exec('BEGIN');
      try {
        for (const plan of plans) {
          const sent = await copyTable(source, client, plan);
          const stored = await readBack(client, plan);
          if (sent.rows !== stored.rows || sent.checksum() !== stored.checksum()) {
            mismatches.push(`${plan.table}: ${String(sent.rows)} → ${String(stored.rows)}`);
          }
          copied.push({ table: plan.table, rows: stored.rows, checksum: stored.checksum() });
        }
      } finally {
        source.exec('COMMIT');
      }
      if (mismatches.length > 0) throw new Error(`the copy differs from the source, so nothing was committed: ${mismatches.join('; ')}`);
      await client.query('COMMIT');
      return copied;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  } finally {
    client.release();
  }
}
