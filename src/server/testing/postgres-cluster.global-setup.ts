/**
 * Vitest global set-up: one throw-away PostgreSQL 15 cluster for the whole run (Debian's package;
 * `.ci/run` installs it). It starts in the background, so test files that never use PostgreSQL do
 * not wait for it; those that do call createTestDatabase(), which waits until it is ready and gives
 * the file a database of its own. At the end the cluster is stopped and its folder deleted.
 *
 * Cost on this 2-core machine: initdb and start take about 2–3 s of one core, once per run, while
 * the other test files already run. The cluster runs without fsync: it is thrown away anyway.
 */
import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresCluster: { dir: string; port: number };
  }
}

const BIN = '/usr/lib/postgresql/15/bin';
export const READY_FILE = 'ready';
export const FAILED_FILE = 'failed';

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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function startCluster(dir: string, port: number): Promise<void> {
  const ids = await serverUserIds();
  if (ids) chownSync(dir, ids.uid, ids.gid);
  await runAsServerUser('initdb', ['-D', join(dir, 'data'), '-U', 'togane', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const options = `-k ${dir} -c listen_addresses=127.0.0.1 -p ${String(port)} -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  await runAsServerUser('pg_ctl', ['-D', join(dir, 'data'), '-o', options, '-l', join(dir, 'log'), '-w', 'start']);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = mkdtempSync(join(tmpdir(), 'togane-pg-'));
  const port = await freePort();
  project.provide('postgresCluster', { dir, port });
  const started = startCluster(dir, port).then(
    () => writeFileSync(join(dir, READY_FILE), ''),
    (error: unknown) => writeFileSync(join(dir, FAILED_FILE), error instanceof Error ? error.message : String(error)),
  );
  return async () => {
    await started;
    await runAsServerUser('pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop']).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
}
