import type { FastifyBaseLogger } from 'fastify';
import { addDays, japanClock } from '../domain/japan-time.ts';
import type { Store } from './store/store.ts';

const HOUR_MS = 60 * 60 * 1000;
/** Idempotency answers hold a management token; a retry never comes a day later. */
const IDEMPOTENCY_KEEP_MS = 24 * HOUR_MS;

/**
 * Keep the least personal data for the least time: once an hour (and at start-up) delete the
 * names, phones and e-mails of visits older than the retention period, and old idempotency answers.
 * The booking itself (day, kind, counts) stays for the city's statistics.
 */
export async function deleteExpiredPersonalData(store: Store, now: Date, retentionDays: number): Promise<{ reservations: number; idempotencyKeys: number }> {
  const lastVisitDateToClear = addDays(japanClock(now).date, -retentionDays - 1);
  const reservations = await store.counter.deletePersonalDataUpTo(lastVisitDateToClear, now.toISOString());
  const idempotencyKeys = await store.deleteIdempotencyKeysBefore(new Date(now.getTime() - IDEMPOTENCY_KEEP_MS).toISOString());
  return { reservations, idempotencyKeys };
}

export function startRetentionJob(store: Store, retentionDays: number, now: () => Date, log: FastifyBaseLogger): () => void {
  const run = () => {
    deleteExpiredPersonalData(store, now(), retentionDays)
      .then((deleted) => log.info({ deleted }, 'retention job ran'))
      .catch((error: unknown) => log.error({ err: error }, 'retention job failed'));
  };
  run();
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
