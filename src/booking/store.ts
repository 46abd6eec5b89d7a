import type { CounterStore } from './counter-store.ts';
import type { CounterWaitlistStore } from './counter-waitlist-store.ts';
import type { FacilityStore } from './facility-store.ts';
import type { LinkStore } from './link-store.ts';
import type { RoomWaitlistStore } from './room-waitlist-store.ts';

/**
 * The port of the booking engine: the few operations a booking needs, each atomic (a booking with
 * its capacity check is one method, so every implementation runs it in one transaction). Methods
 * are async because a PostgreSQL store or the practice mode's browser store may need to be, even
 * though better-sqlite3 answers synchronously.
 */
export interface BookingStore {
  counter: CounterStore;
  /** キャンセル待ち; absent where it is never offered (the practice mode, which sends no mail). */
  counterWaitlist?: CounterWaitlistStore;
  facilities: FacilityStore;
  /** キャンセル待ち for rooms' blocks; absent where it is never offered (the practice mode). */
  roomWaitlist?: RoomWaitlistStore;
  links: LinkStore;
  /** Forgets idempotency records older than the instant (their answers may hold tokens). */
  deleteIdempotencyKeysBefore(isoInstant: string): Promise<number>;
  /**
   * Whether an answer is kept under this scope and Idempotency-Key: one read, no transaction. The fast
   * refusal of a slot seen full asks it, because a key's kept answer is a booking to replay.
   */
  hasIdempotentAnswer(scope: string, key: string): Promise<boolean>;
}
