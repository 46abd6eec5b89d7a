import type { FastifyBaseLogger } from 'fastify';
import { addDays, japanClock } from '../domain/japan-time.ts';
import type { Store } from './store/store.ts';

const HOUR_MS = 60 * 60 * 1000;
/** Idempotency answers hold a management token; a retry never comes a day later. */
const IDEMPOTENCY_KEEP_MS = 24 * HOUR_MS;
const LIMITS_KEEP_MS = 24 * HOUR_MS;
/** Which instance ran each hour's jobs, kept a week for whoever looks into a missed or doubled run. */
const JOB_RUNS_KEEP_MS = 7 * 24 * HOUR_MS;

/**
 * The audit log's floor: the database refuses to delete an audit row younger than this (the trigger
 * of migrations 0014_audit_retention.sql / postgres 0010_audit_retention.sql says 365 days too), so
 * AUDIT_RETENTION_DAYS cannot be set below it and no code, configuration or SQL can erase the last
 * year's record. Change both together, in a new migration.
 */
export const AUDIT_RETENTION_FLOOR_DAYS = 365;
/**
 * The shortest AUDIT_RETENTION_DAYS: a day over the floor, so that the server's clock running a little
 * ahead of the database's never makes the job's DELETE reach a row the database still protects (the
 * whole statement would be refused, hour after hour).
 */
export const AUDIT_RETENTION_MIN_DAYS = AUDIT_RETENTION_FLOOR_DAYS + 1;

/** The period a job claims: the hour, in UTC ('2026-11-24T01'). */
const hourOf = (instant: Date) => instant.toISOString().slice(0, 13);

/**
 * Keep the least personal data for the least time: once an hour (and at start-up) delete the
 * names, phones and e-mails of counter visits and facility bookings (with group names and purposes), and of キャンセル待ち for them,
 * older than the retention period, expired provisional facility bookings, old idempotency answers,
 * counts of limits whose windows have passed, the record of which instance ran a week-old job, and
 * staff audit entries older than the audit's own retention (years, not days: see AUDIT_RETENTION_DAYS).
 * The booking itself (day, kind or room, counts, fee) stays for the city's statistics.
 */
export interface RetentionCounts {
  reservations: number;
  waitlistEntries: number;
  roomWaitlistEntries: number;
  facilityBookings: number;
  releasedProvisional: number;
  idempotencyKeys: number;
  limitRows: number;
  jobRuns: number;
  auditEntries: number;
}

/** How long the hourly job keeps what it deletes. */
export interface RetentionPeriods {
  /** Citizens' names, phones and e-mails, counted from the visit (PERSONAL_DATA_RETENTION_DAYS). */
  personalDataDays: number;
  /** The staff audit log, counted from the entry (AUDIT_RETENTION_DAYS); never below AUDIT_RETENTION_MIN_DAYS. */
  auditDays: number;
}

export async function deleteExpiredPersonalData(store: Store, now: Date, periods: RetentionPeriods): Promise<RetentionCounts> {
  const lastVisitDateToClear = addDays(japanClock(now).date, -periods.personalDataDays - 1);
  const reservations = await store.counter.deletePersonalDataUpTo(lastVisitDateToClear, now.toISOString());
  const waitlistEntries = await store.counterWaitlist.deletePersonalDataUpTo(lastVisitDateToClear, now.toISOString());
  const facilityBookings = await store.facilities.deletePersonalDataUpTo(lastVisitDateToClear, now.toISOString());
  const roomWaitlistEntries = await store.roomWaitlist.deletePersonalDataUpTo(lastVisitDateToClear, now.toISOString());
  // Bookings also release expired 仮予約 themselves; this keeps the table tidy when nobody books.
  const releasedProvisional = await store.facilities.releaseExpired(now.toISOString());
  const idempotencyKeys = await store.deleteIdempotencyKeysBefore(new Date(now.getTime() - IDEMPOTENCY_KEEP_MS).toISOString());
  // No limit's window is longer than a day (see LOOKUP_LIMITS).
  const limitRows = await store.limits.deleteLimitsBefore(now.getTime() - LIMITS_KEEP_MS);
  const jobRuns = await store.deleteJobRunsBefore(hourOf(new Date(now.getTime() - JOB_RUNS_KEEP_MS)));
  const auditDays = Math.max(periods.auditDays, AUDIT_RETENTION_MIN_DAYS);
  const auditEntries = await store.staff.deleteAuditBefore(new Date(now.getTime() - auditDays * 24 * HOUR_MS).toISOString());
  return { reservations, waitlistEntries, roomWaitlistEntries, facilityBookings, releasedProvisional, idempotencyKeys, limitRows, jobRuns, auditEntries };
}

/**
 * Runs the job unless another instance on the same database already ran it this hour (UTC): with
 * several instances each hour's deletion runs once. Returns null when it was another instance's turn.
 */
export async function runRetentionJobOnce(store: Store, now: Date, periods: RetentionPeriods, instance: string): Promise<RetentionCounts | null> {
  if (!(await store.claimJobRun('retention', hourOf(now), instance))) return null;
  return deleteExpiredPersonalData(store, now, periods);
}

export function startRetentionJob(store: Store, periods: RetentionPeriods, now: () => Date, log: FastifyBaseLogger, instance: string): () => void {
  const run = () => {
    runRetentionJobOnce(store, now(), periods, instance)
      .then((deleted) => log.info(deleted ? { deleted } : { ranElsewhere: true }, 'retention job ran'))
      .catch((error: unknown) => log.error({ err: error }, 'retention job failed'));
  };
  run();
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
