/**
 * WORKERS=N: N server processes on one port (Node's cluster module hands each new connection to one
 * of them), all on the one PostgreSQL database, which holds every booking rule and every limit; the
 * hourly jobs are claimed by one of them (job_runs). This process only supervises:
 * - a worker that ends after it was serving (a crash, kill -9) is replaced at once; the others keep
 *   serving meanwhile, and a booking it had acknowledged is already committed;
 * - a worker that ends before it ever listened (a wrong setting, the database unreachable at start)
 *   would end the same way again: everything stops with exit code 1, like a single process would;
 * - SIGTERM or SIGINT is passed to every worker, each finishes its requests in flight, then this ends.
 */
import cluster, { type Worker } from 'node:cluster';

export interface WorkerOptions {
  /** Each worker sees its number (1…count) in WORKER_NUMBER; a replacement takes the number of the one it replaces. */
  count: number;
  log: (message: string) => void;
}

export function superviseWorkers({ count, log }: WorkerOptions): void {
  let stopping = false;
  const numbers = new Map<Worker, number>();
  const listening = new Set<Worker>();
  const start = (number: number) => {
    const worker = cluster.fork({ WORKER_NUMBER: String(number) });
    numbers.set(worker, number);
    worker.once('listening', () => listening.add(worker));
  };
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: ワーカーを止めています / stopping the workers`);
    for (const worker of numbers.keys()) worker.process.kill('SIGTERM');
  };

  cluster.on('exit', (worker, code, signal) => {
    const number = numbers.get(worker) ?? 0;
    const wasServing = listening.has(worker);
    numbers.delete(worker);
    listening.delete(worker);
    if (stopping) {
      if (numbers.size === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    if (!wasServing) {
      log(
        `ワーカー ${String(number)} が起動できませんでした（${signal ?? String(code)}）。すべて止めます / worker ${String(number)} failed to start: stopping all`,
      );
      process.exitCode = 1;
      stop('SIGTERM');
      return;
    }
    log(`ワーカー ${String(number)} が終了しました（${signal ?? String(code)}）。代わりを起動します / worker ${String(number)} ended: starting another`);
    start(number);
  });
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  for (let number = 1; number <= count; number++) start(number);
}
