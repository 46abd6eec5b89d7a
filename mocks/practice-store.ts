import { RESERVATION_CODE_ALPHABET } from '../src/domain/citizen-fields.ts';
import type { CounterReservation } from '../src/domain/counter-reservation.ts';
import type { FacilityBooking } from '../src/domain/facility-booking.ts';

/**
 * The practice data the mocks book against: a small store with the same guarantees as the server's
 * (seats per slot, no two bookings on one block, one answer per Idempotency-Key), kept as one JSON
 * value under one key. The practice mode keeps it in sessionStorage, so a reload keeps the round's
 * bookings and closing the tab forgets them; tests keep it in memory.
 */
export interface PracticeCounterBooking extends Omit<CounterReservation, 'slot'> {
  token: string;
  /** 'YYYY-MM-DDTHH:MM', Japan time. */
  slot: string;
}

export interface PracticeFacilityBooking extends Omit<FacilityBooking, 'cancelUntil'> {
  token: string;
  /** ISO instant a provisional booking is released at. */
  provisionalUntil: string | null;
  /** 'YYYY-MM-DDTHH:MM' segments held while the booking is active. */
  segments: string[];
}

export interface PracticeData {
  counter: PracticeCounterBooking[];
  facilities: PracticeFacilityBooking[];
  /** Answers stored per `scope:Idempotency-Key`, replayed to retries. */
  replies: Record<string, { body: string; answer: string }>;
}

export interface PracticeStore {
  read(): PracticeData;
  write(data: PracticeData): void;
  /** Empties the practice data for the next round. */
  reset(): void;
}

const empty = (): PracticeData => ({ counter: [], facilities: [], replies: {} });

function isPracticeData(value: unknown): value is PracticeData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Record<string, unknown>;
  return Array.isArray(data.counter) && Array.isArray(data.facilities) && typeof data.replies === 'object' && data.replies !== null;
}

export function memoryPracticeStore(): PracticeStore {
  let data = empty();
  return {
    read: () => structuredClone(data),
    write: (next) => {
      data = structuredClone(next);
    },
    reset: () => {
      data = empty();
    },
  };
}

/** The practice data of this browser tab, under one sessionStorage key. */
export function sessionPracticeStore(key: string): PracticeStore {
  return {
    read() {
      try {
        const parsed: unknown = JSON.parse(window.sessionStorage.getItem(key) ?? 'null');
        return isPracticeData(parsed) ? parsed : empty();
      } catch {
        return empty();
      }
    },
    write(data) {
      try {
        window.sessionStorage.setItem(key, JSON.stringify(data));
      } catch {
        // Storage switched off: this answer still holds; the next one starts from empty practice data.
      }
    },
    reset() {
      try {
        window.sessionStorage.removeItem(key);
      } catch {
        // Nothing stored.
      }
    },
  };
}

function randomIndexes(count: number, below: number): number[] {
  const bytes = crypto.getRandomValues(new Uint32Array(count));
  return Array.from(bytes, (value) => value % below);
}

/** An 8-character code like the server's (no look-alike characters). */
export function practiceCode(): string {
  return randomIndexes(8, RESERVATION_CODE_ALPHABET.length)
    .map((index) => RESERVATION_CODE_ALPHABET[index])
    .join('');
}

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A management token of the server's form (43 base64url characters). */
export function practiceToken(): string {
  return randomIndexes(43, TOKEN_ALPHABET.length)
    .map((index) => TOKEN_ALPHABET[index])
    .join('');
}
