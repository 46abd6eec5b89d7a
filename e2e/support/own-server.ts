import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OwnServer {
  baseUrl: string;
  /** A private copy of the built PWA that the test may change (e.g. to deploy "a new version"). */
  staticDir: string;
  stop(): Promise<void>;
}

/**
 * A second real server for tests that change what is deployed, so they cannot disturb the shared
 * one: its own copy of dist/client, its own throw-away database, its own port.
 */
export async function startOwnServer(port: number): Promise<OwnServer> {
  const root = mkdtempSync(join(tmpdir(), 'togane-e2e-own-'));
  const staticDir = join(root, 'client');
  cpSync('dist/client', staticDir, { recursive: true });
  const child: ChildProcess = spawn(process.execPath, ['dist/server/main.js'], {
    env: { ...process.env, PORT: String(port), HOST: 'localhost', DATA_DIR: join(root, 'data'), STATIC_DIR: staticDir, LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
  const baseUrl = `http://localhost:${String(port)}`;
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 100) throw new Error('the test server did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    staticDir,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(root, { recursive: true, force: true });
    },
  };
}
