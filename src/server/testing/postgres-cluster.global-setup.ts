/**
 * Vitest global set-up: one throw-away PostgreSQL cluster for the whole run. It starts in the
 * background, so test files that never use PostgreSQL do not wait for it; those that do call
 * createTestDatabase(), which waits until it is ready and gives the file a database of its own.
 * At the end the cluster is stopped and its folder deleted.
 *
 * Cost on this 2-core machine: initdb and start take about 2 s of one core, once per run, while
 * the other test files already run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startCluster, stopCluster } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresCluster: { dir: string; port: number };
  }
}

export const READY_FILE = 'ready';
export const FAILED_FILE = 'failed';

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
    // A cluster that failed to start has nothing to stop; its folder goes all the same.
    await stopCluster(dir).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
}
