/**
 * What this process has seen the store hold (a full counter slot, a room's segment), so that a
 * booking of something already known to be taken is refused at once, without a transaction. The
 * transaction stays the authority: this only ever refuses what the store would refuse too.
 *
 * Only holds are remembered, never free seats, and a hold ends only by a change that frees: a
 * cancel, a move, a reopened closure, a 仮予約 reaching its deadline. Every change that frees and
 * is made through this process calls `freed()`, which forgets everything; a store read begun before
 * such a change is not remembered (`since`). A 仮予約's deadline is a Japan midnight
 * (provisionalDeadline), so a hold is trusted only on the Japan day it was seen.
 *
 * Use it only where this process sees every change of the bookings (SQLite, which one process
 * serves; the practice mode's own store): with several instances on one database another instance's
 * cancel is not seen here, and a remembered hold could refuse the seat it freed.
 */
export function createHoldKnowledge(maxEntries = 10_000) {
  let frees = 0;
  const held = new Map<string, string>();
  return {
    /** Taken before reading the store, and handed to `remember` with what was read. */
    since(): number {
      return frees;
    },
    /** Holds the store reported on `seenOn` (a Japan date), unless something was freed since the read began. */
    remember(keys: Iterable<string>, since: number, seenOn: string): void {
      if (since !== frees) return;
      for (const key of keys) {
        if (held.size >= maxEntries) held.clear();
        held.set(key, seenOn);
      }
    },
    isHeld(key: string, today: string): boolean {
      return held.get(key) === today;
    },
    /** A seat or a segment may have become free: nothing remembered can be trusted any more. */
    freed(): void {
      frees++;
      held.clear();
    },
  };
}

export type HoldKnowledge = ReturnType<typeof createHoldKnowledge>;
