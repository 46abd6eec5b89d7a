/**
 * `npm run db:copy -- --to postgres://…` (built to dist/server/db-copy.js): copies the SQLite
 * database under DATA_DIR (or `--from DIR`) into an empty PostgreSQL database, for a city moving from
 * one instance to several. Stop the server first: what it writes after the copy began stays behind.
 * Exits 0 with a table of what was copied, 1 when the copy was refused or failed (nothing written).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { readConfig } from '../config.ts';
import { CopyRefused, copySqliteToPostgres } from './db-copy.ts';
import { DATABASE_FILE_NAME } from './sqlite-store.ts';

const USAGE = `使い方: npm run db:copy -- --to postgres://ユーザー:パスワード@ホスト:5432/データベース [--from SQLiteのDATA_DIR]`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

async function run(): Promise<void> {
  const { values } = parseArgs({ options: { to: { type: 'string' }, from: { type: 'string' } } });
  const to = values.to ?? fail(USAGE);
  if (!/^postgres(ql)?:\/\//.test(to)) fail(`--to には postgres:// で始まる接続先を書いてください。\n${USAGE}`);
  const dataDir = values.from ?? readConfig(process.env, null).dataDir;
  const file = join(dataDir, DATABASE_FILE_NAME);
  if (!existsSync(file)) fail(`コピー元の SQLite データベース ${file} がありません（--from か DATA_DIR を確かめてください）。`);

  const source = new Database(file, { readonly: true, fileMustExist: true });
  const target = new pg.Pool({ connectionString: to, max: 1 });
  try {
    const started = Date.now();
    const copied = await copySqliteToPostgres(source, target);
    const width = Math.max(...copied.map((table) => table.table.length));
    for (const table of copied)
      process.stdout.write(`${table.table.padEnd(width)}  ${String(table.rows).padStart(8)} 行  sha256 ${table.checksum.slice(0, 16)}\n`);
    const rows = copied.reduce((sum, table) => sum + table.rows, 0);
    process.stdout.write(
      `${String(copied.length)} の表の ${String(rows)} 行をコピーし、件数とチェックサムが元と一致しました（${String(Date.now() - started)} ms）。` +
        '\nこれからは DATABASE_URL にこの接続先を設定してサーバーを起動してください。\n',
    );
  } catch (error) {
    if (error instanceof CopyRefused) fail(error.message);
    const detail = error instanceof Error ? error.message : String(error);
    fail(`コピーできませんでした。コピー先には何も書いていません。\nThe copy failed and wrote nothing: ${detail}`);
  } finally {
    source.close();
    await target.end();
  }
}

void run();
