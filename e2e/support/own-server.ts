import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { precompressFile } from '../../scripts/precompress-files.ts';

/**
 * A port for a test's own server that no other running suite or worker uses: derived from E2E_PORT
 * (the shared server's port), so two checkouts can run their suites side by side.
 */
export function ownServerPort(offset: number, workerIndex: number): number {
  return Number(process.env.E2E_PORT ?? 4319) + offset + workerIndex;
}

/**
 * A new deployment as the browser sees it: the service worker's bytes change, and so do its
 * compressed twins (the server sends those, as a build would have rewritten them).
 */
export function deployNewServiceWorker(server: OwnServer, change: string): void {
  const serviceWorker = join(server.staticDir, 'sw.js');
  appendFileSync(serviceWorker, change);
  precompressFile(serviceWorker);
}

export interface OwnServer {
  baseUrl: string;
  dataDir: string;
  /** A private copy of the built PWA that the test may change (e.g. to deploy "a new version"). */
  staticDir: string;
  /** Sends a signal and resolves with the exit code; the files stay for a restart. */
  kill(signal: NodeJS.Signals): Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * A second real server for tests that change what is deployed, so they cannot disturb the shared
 * one: its own copy of dist/client, its own throw-away database, its own port; `env` adds settings
 * (a mail server, say).
 */
export async function startOwnServer(port: number, reuseRoot?: string, env: Record<string, string> = {}): Promise<OwnServer> {
  const root = reuseRoot ?? mkdtempSync(join(tmpdir(), 'togane-e2e-own-'));
  const staticDir = join(root, 'client');
  if (!reuseRoot) cpSync('dist/client', staticDir, { recursive: true });
  const child: ChildProcess = spawn(process.execPath, ['dist/server/main.js'], {
    env: { ...process.env, PORT: String(port), HOST: 'localhost', DATA_DIR: join(root, 'data'), STATIC_DIR: staticDir, LOG_LEVEL: 'warn', ...env },
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
  const kill = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    return exited;
  };
  return {
    baseUrl,
    dataDir: join(root, 'data'),
    staticDir,
    kill,
    async stop() {
      await kill('SIGTERM');
      rmSync(root, { recursive: true, force: true });
    },
  };
}
