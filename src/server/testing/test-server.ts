import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { readConfig, type ServerConfig } from '../config.ts';
import { applyContentToStore, type ContentPack, loadContentPack } from '../content.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';

export interface TestServer {
  app: FastifyInstance;
  store: Store;
  baseUrl: string;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * The real server on a free port over real HTTP, with a throw-away database: what API tests use.
 * Configuration starts from the same defaults as production. `overrides.dataDir` reuses a database
 * (to restart a server on it); otherwise each server gets its own, removed on close.
 * `overrides.databaseUrl` puts the server on PostgreSQL instead (see createTestDatabase); two servers
 * given the same one are two instances of one deployment.
 */
export interface TestServerExtras {
  logStream?: { write(line: string): void };
  /** Content other than the bundled pack (a changed capacity, say). */
  content?: ContentPack;
}

export async function startTestServer(overrides: Partial<ServerConfig> = {}, now?: () => Date, extras: TestServerExtras = {}): Promise<TestServer> {
  // A test that restarts the server passes the first one's dataDir, and removes it itself.
  const ownDataDir = overrides.dataDir === undefined;
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'togane-api-'));
  // Load shedding off unless a test asks for it (src/server/hardening/event-loop.test.ts does): test files run
  // servers side by side on a busy machine, where a slow event loop is the machine's, not the request's. Off
  // means 0, which only a test can set (configuration asks for 100 ms or more): a large limit is not enough,
  // because under-pressure counts a sampling period without a single sample (a start-up that held the loop
  // for a second on a loaded machine) as an infinite delay, and the first requests got 503.
  const config = { ...readConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, null), maxEventLoopDelayMs: 0, ...overrides };
  const store = await openStore(config);
  const content = extras.content ?? loadContentPack();
  try {
    await applyContentToStore(store, content, now?.() ?? new Date());
  } catch (error) {
    await store.close();
    throw error;
  }
  const app = await buildApp({
    config,
    store,
    content,
    version: 'test',
    ...(now ? { now } : {}),
    ...(extras.logStream ? { logStream: extras.logStream } : {}),
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    store,
    baseUrl: `http://127.0.0.1:${String(port)}`,
    dataDir,
    async close() {
      await app.close();
      await store.close();
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
