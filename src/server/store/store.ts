import type { BookingStore } from '../../booking/store.ts';
import type { LimitStore } from './limit-store.ts';
import type { StaffStore } from './staff-store.ts';

/**
 * The server's storage: the booking engine's port, plus what only a server keeps (the limits that
 * protect citizens, its health and the content it was started with). SQLite by default; a
 * PostgreSQL store stands beside it for a multi-instance deployment.
 */
export interface Store extends BookingStore {
  /** Whether the database answers, and which migration it is at. Never throws. */
  checkHealth(): Promise<StoreHealth>;
  /** Records which content pack the server was started with, so later seeds can tell a change. */
  recordContentFingerprint(fingerprint: string): Promise<void>;
  limits: LimitStore;
  /** Staff accounts, sessions, the audit log and the desks' records. */
  staff: StaffStore;
  close(): Promise<void>;
}

export type StoreHealth =
  | { ok: true; schemaVersion: number; contentFingerprint: string | null }
  | { ok: false };
