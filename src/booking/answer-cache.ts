/**
 * Availability is asked for far more often than bookings change, so a computed answer is kept
 * until this process changes a booking (`invalidate`), or a second has passed — which bounds how
 * stale a display can be when several instances share one database or a job releases bookings.
 * Only what is shown can be stale: every booking is still checked in one database transaction.
 */
export function createAnswerCache<Value>(maxAgeMs = 1000, maxEntries = 100) {
  let writes = 0;
  const entries = new Map<string, { value: Value; writes: number; at: number }>();
  return {
    get(key: string, nowMs: number): Value | undefined {
      const entry = entries.get(key);
      return entry && entry.writes === writes && nowMs - entry.at < maxAgeMs ? entry.value : undefined;
    },
    set(key: string, value: Value, nowMs: number): void {
      if (entries.size >= maxEntries) entries.clear();
      entries.set(key, { value, writes, at: nowMs });
    },
    /** A booking changed: every kept answer is out of date. */
    invalidate(): void {
      writes++;
    },
  };
}
