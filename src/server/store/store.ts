import type { CounterWaitlistStore } from '../../booking/counter-waitlist-store.ts';
import type { RoomWaitlistStore } from '../../booking/room-waitlist-store.ts';
import type { BookingStore } from '../../booking/store.ts';
import type { LimitStore } from './limit-store.ts';
import type { OutboxStore } from './outbox-store.ts';
import type { StaffStore } from './staff-store.ts';

/**
 * The server's storage: the booking engine's port, plus what only a server keeps (the limits that
 * protect citizens, its health and the content it was started with). SQLite by default; a
 * PostgreSQL store stands beside it for a multi-instance deployment.
 */
export interface Store extends BookingStore {
  /** Which database this is, for the health check. */
  engine: 'sqlite' | 'postgres';
  /** Whether the database answers, and which migration it is at. Never throws. */
  checkHealth(): Promise<StoreHealth>;
  /** Records which content pack the server was started with, so later seeds can tell a change. */
  recordContentFingerprint(fingerprint: string): Promise<void>;
  limits: LimitStore;
  /** Mails to citizens, for the mail worker (bookings write them; see CounterStore). */
  outbox: OutboxStore;
  /** キャンセル待ち: every server store keeps it (it is offered only where mail is sent). */
  counterWaitlist: CounterWaitlistStore;
  /** キャンセル待ち for rooms' blocks, the same way. */
  roomWaitlist: RoomWaitlistStore;
  /** Staff accounts, sessions, the audit log and the desks' records. */
  staff: StaffStore;
  /**
   * Claims one run of a periodic job (retention, 仮予約 expiry) for a period such as an hour: true
   * for exactly one caller per job and period, whichever instance it is on, false for the others.
   */
  claimJobRun(job: string, period: string, instance: string): Promise<boolean>;
  /** Forgets the claims of periods before this one ('2026-11-17T01'); returns how many. */
  deleteJobRunsBefore(period: string): Promise<number>;
  close(): Promise<void>;
}

export type StoreHealth = { ok: true; schemaVersion: number; contentFingerprint: string | null } | { ok: false };
