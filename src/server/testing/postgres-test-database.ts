import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { FAILED_FILE, READY_FILE } from './postgres-cluster.global-setup.ts';
import { createDatabase } from './postgres-cluster.ts';

const STARTUP_LIMIT_MS = 120_000;

async function clusterReady(dir: string): Promise<void> {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  while (!existsSync(join(dir, READY_FILE))) {
    if (existsSync(join(dir, FAILED_FILE))) {
      throw new Error(
        `The test PostgreSQL cluster did not start (is postgresql-15 installed? .ci/run installs it): ${readFileSync(join(dir, FAILED_FILE), 'utf8')}`,
      );
    }
    if (Date.now() > deadline) throw new Error(`The test PostgreSQL cluster was not ready within ${String(STARTUP_LIMIT_MS / 1000)} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A new, empty database on the run's throw-away cluster (see postgres-cluster.global-setup.ts),
 * waiting for the cluster if it is still starting. Returns its DATABASE_URL.
 */
export async function createTestDatabase(): Promise<string> {
  const { dir, port } = inject('postgresCluster');
  await clusterReady(dir);
  return createDatabase(port, `test_${randomUUID().replaceAll('-', '')}`);
}
