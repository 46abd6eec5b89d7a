/**
 * A throw-away PostgreSQL 15 cluster (Debian's package, `.ci/run` installs it) in a folder of its
 * own: for the tests (postgres-cluster.global-setup.ts) and `npm run bench:booking -- --store=postgres`.
 * Trust authentication on 127.0.0.1 only, user `togane`, no fsync: it is deleted afterwards.
 */
import { execFile } from 'node:child_process';
import { chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const BIN = '/usr/lib/postgresql/15/bin';
const run = promisify(execFile);

/** PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user. */
async function runAsServerUser(command: string, args: string[]): Promise<void> {
  if (process.getuid?.() === 0) await run('runuser', ['-u', 'postgres', '--', join(BIN, command), ...args]);
  else await run(join(BIN, command), args);
}

async function serverUserIds(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startCluster(dir: string, port: number, durability: Durability = 'throw-away'): Promise<void> {
  const ids = await serverUserIds();
  if (ids) chownSync(dir, ids.uid, ids.gid);
  await runAsServerUser('initdb', ['-D', join(dir, 'data'), '-U', 'togane', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  await startClusterServer(dir, port, durability);
}

/**
 * 'throw-away': no fsync and commits that return before their WAL is written, fast for tests that
 * never crash the server. 'crash-safe': PostgreSQL's defaults, for a test that kills it and expects
 * every acknowledged commit to be there after (with synchronous_commit off, the last ones are lost).
 */
export type Durability = 'throw-away' | 'crash-safe';

/** Starts the server of a cluster made by startCluster again, after stopCluster. */
export async function startClusterServer(dir: string, port: number, durability: Durability = 'throw-away'): Promise<void> {
  const fast = durability === 'throw-away' ? ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off' : '';
  const options = `-k ${dir} -c listen_addresses=127.0.0.1 -p ${String(port)} -c max_connections=300${fast}`;
  await runAsServerUser('pg_ctl', ['-D', join(dir, 'data'), '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
}

/**
 * Stops the cluster's server: 'fast' as an administrator would (connections are ended), 'immediate'
 * as a crash would (every process quits at once, no checkpoint; the next start recovers from the WAL).
 */
export async function stopCluster(dir: string, mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
  await runAsServerUser('pg_ctl', ['-D', join(dir, 'data'), '-m', mode, '-w', 'stop']);
}

/** A new, empty database on a running cluster; returns its DATABASE_URL. */
export async function createDatabase(port: number, name: string): Promise<string> {
  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'togane', database: 'postgres' });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return `postgres://togane@127.0.0.1:${String(port)}/${name}`;
}
