import type { CounterStore } from './counter-store.ts';
import type { FacilityStore } from './facility-store.ts';
import type { LimitStore } from './limit-store.ts';
import type { LinkStore } from './link-store.ts';

/**
 * The server's storage, kept behind these small interfaces so that a PostgreSQL store can stand
 * beside the SQLite one for a multi-instance deployment. Methods are async for that reason, even
 * though better-sqlite3 answers synchronously. Each operation that must be atomic (a booking with
 * its capacity check) is one method, so every implementation runs it in one transaction.
 */
export interface Store {
  /** Whether the database answers, and which migration it is at. Never throws. */
  checkHealth(): Promise<StoreHealth>;
  /** Records which content pack the server was started with, so later seeds can tell a change. */
  recordContentFingerprint(fingerprint: string): Promise<void>;
  counter: CounterStore;
  facilities: FacilityStore;
  limits: LimitStore;
  links: LinkStore;
  /** Forgets idempotency records older than the instant (their answers may hold tokens). */
  deleteIdempotencyKeysBefore(isoInstant: string): Promise<number>;
  close(): Promise<void>;
}

export type StoreHealth =
  | { ok: true; schemaVersion: number; contentFingerprint: string | null }
  | { ok: false };

/** What a retried request needs: its key, a hash of its body, and where it belongs. */
export interface IdempotencyRequest {
  scope: string;
  key: string;
  requestHash: string;
}

/** A stored first answer, replayed to a retry of the same request. */
export type IdempotentOutcome<T> = { replayed: false; value: T } | { replayed: true; responseJson: string } | { replayed: 'mismatch' };
