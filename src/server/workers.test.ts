import { type ChildProcess, spawn } from 'node:child_process';
import { get } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from './testing/postgres-cluster.ts';

/** WORKERS=N (src/server/workers.ts) run for real: processes, a shared port, kill -9, SIGTERM. */
const PRIMARY = fileURLToPath(new URL('./testing/fixtures/workers-primary.ts', import.meta.url));

let primary: ChildProcess | undefined;
afterEach(() => {
  primary?.kill('SIGKILL');
});

function startPrimary(count: number, port: number, env: Record<string, string> = {}): ChildProcess {
  primary = spawn(process.execPath, ['--import', 'tsx', PRIMARY, String(count)], {
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  return primary;
}

/** One request on a fresh connection (the cluster hands out connections, not requests). */
function ask(port: number): Promise<{ worker: string; pid: number } | null> {
  return new Promise((resolve) => {
    const request = get({ host: '127.0.0.1', port, path: '/', agent: false, timeout: 2000 }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve(JSON.parse(body) as { worker: string; pid: number }));
    });
    request.on('error', () => resolve(null));
    request.on('timeout', () => request.destroy());
  });
}

async function answering(port: number, workers: number, deadlineMs = 30_000): Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  const deadline = Date.now() + deadlineMs;
  while (seen.size < workers && Date.now() < deadline) {
    const answer = await ask(port);
    if (answer) seen.set(answer.worker, answer.pid);
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return seen;
}

function logLine(child: ChildProcess, pattern: RegExp): Promise<void> {
  return new Promise((resolve) => {
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) resolve();
    });
  });
}

const exitCode = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

describe('WORKERS: several server processes on one port', () => {
  it('all answer; one killed with -9 is replaced while the others keep answering; SIGTERM stops them all', { timeout: 90_000 }, async () => {
    const port = await freePort();
    const child = startPrimary(2, port);
    const first = await answering(port, 2);
    expect([...first.keys()].sort()).toEqual(['1', '2']);

    const noticed = logLine(child, /ワーカー 1 が終了しました/);
    process.kill(first.get('1') ?? 0, 'SIGKILL');
    // A connection handed to worker 1 in the instant before the supervisor learns of its death is reset
    // (a client retries it with its Idempotency-Key); from then on, every request is answered: by
    // worker 2 until worker 1's replacement listens.
    await noticed;
    const during = await Promise.all(Array.from({ length: 20 }, () => ask(port)));
    expect(during.filter((answer) => answer === null)).toEqual([]);
    const after = await answering(port, 2);
    expect(after.get('1')).not.toBe(first.get('1'));
    expect(after.get('2')).toBe(first.get('2'));

    const ended = exitCode(child);
    child.kill('SIGTERM');
    expect(await ended).toBe(0);
    expect(await ask(port)).toBeNull();
  });

  it('stops with exit code 1 when a worker cannot start, rather than starting it again and again', { timeout: 60_000 }, async () => {
    const child = startPrimary(2, await freePort(), { FAIL_AT_START: 'true' });
    expect(await exitCode(child)).toBe(1);
  });
});
