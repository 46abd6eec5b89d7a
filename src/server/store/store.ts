/**
 * The server's storage, kept behind this small interface so that a PostgreSQL store can stand beside
 * the SQLite one for a multi-instance deployment. Methods are async for that reason, even though
 * better-sqlite3 answers synchronously. Later issues add their tables and methods here.
 */
export interface Store {
  /** Whether the database answers, and which migration it is at. Never throws. */
  checkHealth(): Promise<StoreHealth>;
  /** Records which content pack the server was started with, so later seeds can tell a change. */
  recordContentFingerprint(fingerprint: string): Promise<void>;
  close(): Promise<void>;
}

export type StoreHealth =
  | { ok: true; schemaVersion: number; contentFingerprint: string | null }
  | { ok: false };
