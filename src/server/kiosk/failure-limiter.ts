/**
 * Wrong PINs per client address: after `max` failures within `windowMs`, even the right PIN is
 * refused until the oldest failure leaves the window. Only failures count, so staff switching a kiosk
 * on and off are never locked out by their own right answers. Kept in memory: one server process.
 */
export interface FailureLimiter {
  /** Milliseconds until another try is allowed; 0 when it is allowed now. */
  waitFor(address: string): number;
  recordFailure(address: string): void;
}

export function createFailureLimiter(max: number, windowMs: number, now: () => Date): FailureLimiter {
  const failures = new Map<string, number[]>();
  const recent = (address: string): number[] => {
    const since = now().getTime() - windowMs;
    const kept = (failures.get(address) ?? []).filter((time) => time > since);
    if (kept.length === 0) failures.delete(address);
    else failures.set(address, kept);
    return kept;
  };
  return {
    waitFor(address) {
      const kept = recent(address);
      if (kept.length < max) return 0;
      return (kept[kept.length - max] ?? 0) + windowMs - now().getTime();
    },
    recordFailure(address) {
      // A flood of addresses must not grow the map without end: forget the oldest.
      if (failures.size >= 10_000 && !failures.has(address)) failures.delete(failures.keys().next().value ?? '');
      failures.set(address, [...recent(address), now().getTime()]);
    },
  };
}
