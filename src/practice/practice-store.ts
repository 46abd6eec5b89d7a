import type { BookOutcome, CounterStore, StoredCounterReservation } from '../booking/counter-store.ts';
import type { BookedSegment, FacilityStore, NewFacilityBookingRow, StoredFacilityBooking } from '../booking/facility-store.ts';
import type { IdempotencyRequest, IdempotentOutcome } from '../booking/idempotency.ts';
import { type BookingKind, type BookingLink, type LinkStore, MAX_LINKS_PER_BOOKING } from '../booking/link-store.ts';
import type { BookingStore } from '../booking/store.ts';

/**
 * The practice mode's BookingStore: the same port as the server's SQLite store, kept as one JSON
 * value under one key of a Storage (sessionStorage in the browser: a reload keeps the round, closing
 * the tab forgets it, and the instructor's reset removes the key). Every operation reads the value,
 * changes it and writes it back without awaiting anything in between, so in the browser's single
 * thread each operation is atomic, as each is one transaction on the server.
 */

/** The part of the Web Storage API the store needs; tests pass memoryStorage(). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

interface PracticeCounterReservation extends StoredCounterReservation {
  personalDataDeleted: boolean;
}

interface PracticeFacilityBooking extends StoredFacilityBooking {
  /** 'YYYY-MM-DDTHH:MM' segments held while the booking is active. */
  segments: string[];
  personalDataDeleted: boolean;
}

interface PracticeLink extends BookingLink {
  kind: BookingKind;
  code: string;
  tokenHash: string;
}

interface PracticeData {
  counter: PracticeCounterReservation[];
  /** Seats taken and the capacity per counter slot, as the server's counter_slots. */
  slots: Record<string, { booked: number; capacity: number }>;
  facilities: PracticeFacilityBooking[];
  links: PracticeLink[];
  nextLinkId: number;
  /** Answers stored per scope and Idempotency-Key, replayed to retries. */
  answers: { scope: string; key: string; requestHash: string; responseJson: string; createdAt: string }[];
}

const empty = (): PracticeData => ({ counter: [], slots: {}, facilities: [], links: [], nextLinkId: 1, answers: [] });

function isPracticeData(value: unknown): value is PracticeData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Record<string, unknown>;
  return (
    ['counter', 'facilities', 'links', 'answers'].every((key) => Array.isArray(data[key])) &&
    typeof data.slots === 'object' &&
    typeof data.nextLinkId === 'number'
  );
}

/** A Storage that lives in memory: for tests, and for component tests' mock API. */
export function memoryStorage(): KeyValueStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}

const segmentKey = (segment: BookedSegment) => `${segment.date}T${segment.segment}`;

export function createPracticeStore(storage: KeyValueStorage, key: string): BookingStore {
  function read(): PracticeData {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(key) ?? 'null');
      return isPracticeData(parsed) ? parsed : empty();
    } catch {
      return empty();
    }
  }

  function write(data: PracticeData): void {
    try {
      storage.setItem(key, JSON.stringify(data));
    } catch {
      // Storage switched off or full: this answer still holds; the next one starts from empty practice data.
    }
  }

  /** One operation: read, change, write, with no await in between. */
  function change<T>(run: (data: PracticeData) => T): Promise<T> {
    const data = read();
    const result = run(data);
    write(data);
    return Promise.resolve(result);
  }

  function look<T>(run: (data: PracticeData) => T): Promise<T> {
    return Promise.resolve(run(read()));
  }

  /** The server's withIdempotency: replay, refuse another body, or run and keep the answer of a success. */
  function withIdempotency<T>(
    data: PracticeData,
    request: IdempotencyRequest | null,
    now: string,
    work: () => T,
    succeeded: (value: T) => boolean,
    answer: () => string,
  ): IdempotentOutcome<T> {
    const previous = request ? data.answers.find((stored) => stored.scope === request.scope && stored.key === request.key) : undefined;
    if (previous) return previous.requestHash === request?.requestHash ? { replayed: true, responseJson: previous.responseJson } : { replayed: 'mismatch' };
    const value = work();
    if (request && succeeded(value)) data.answers.push({ ...request, responseJson: answer(), createdAt: now });
    return { replayed: false, value };
  }

  function addFirstLink(data: PracticeData, kind: BookingKind, code: string, tokenHash: string, now: string): void {
    data.links.push({ id: data.nextLinkId++, kind, code, tokenHash, openedBy: 'booking', createdAt: now });
  }

  /** Takes a seat of the slot if one is left; the capacity comes from the content each time. */
  function takeSeat(data: PracticeData, slot: string, capacity: number): boolean {
    const seats = data.slots[slot] ?? { booked: 0, capacity };
    if (seats.booked >= capacity) return false;
    data.slots[slot] = { booked: seats.booked + 1, capacity };
    return true;
  }

  function freeSeat(data: PracticeData, slot: string): void {
    const seats = data.slots[slot];
    if (seats && seats.booked > 0) seats.booked -= 1;
  }

  const counter: CounterStore = {
    bookedSeats: (fromDate, toDate) =>
      look(
        (data) =>
          new Map(
            Object.entries(data.slots)
              .filter(([slot]) => slot >= fromDate && slot < `${toDate}~`)
              .map(([slot, seats]) => [slot, { ...seats }]),
          ),
      ),
    book: (booking, idempotency, answer) =>
      change((data) =>
        withIdempotency<BookOutcome>(
          data,
          idempotency,
          booking.now,
          () => {
            if (data.counter.some((stored) => stored.code === booking.code)) return 'code-taken';
            if (!takeSeat(data, booking.slot, booking.capacity)) return 'full';
            const { tokenHash, capacity: _capacity, now, ...stored } = booking;
            // No clerk cancels a practice booking.
            data.counter.push({ ...stored, status: 'booked', cityCancellationReason: null, personalDataDeleted: false });
            addFirstLink(data, 'counter', booking.code, tokenHash, now);
            return 'booked';
          },
          (outcome) => outcome === 'booked',
          answer,
        ),
      ),
    find: (code) => look((data) => publicCounter(data.counter.find((stored) => stored.code === code))),
    move: (code, slot, capacity) =>
      change((data) => {
        const stored = data.counter.find((candidate) => candidate.code === code);
        if (!stored || stored.status !== 'booked') return 'not-booked';
        if (stored.slot === slot) return 'moved';
        if (!takeSeat(data, slot, capacity)) return 'full';
        freeSeat(data, stored.slot);
        stored.slot = slot;
        return 'moved';
      }),
    cancel: (code) =>
      change((data) => {
        const stored = data.counter.find((candidate) => candidate.code === code);
        if (!stored || stored.status !== 'booked') return 'not-booked';
        freeSeat(data, stored.slot);
        stored.status = 'cancelled';
        return 'cancelled';
      }),
    applyCapacity: (fromSlot, capacity) =>
      change((data) => {
        const later = Object.entries(data.slots)
          .filter(([slot]) => slot >= fromSlot)
          .sort(([a], [b]) => a.localeCompare(b));
        const refused = later.filter(([, seats]) => seats.booked > capacity).map(([slot, seats]) => ({ slot, booked: seats.booked }));
        if (refused.length === 0) for (const [, seats] of later) seats.capacity = capacity;
        return refused;
      }),
    deletePersonalDataUpTo: (visitDate) =>
      change((data) => {
        const due = data.counter.filter((stored) => !stored.personalDataDeleted && stored.slot.slice(0, 10) <= visitDate);
        for (const stored of due) Object.assign(stored, { nameKana: null, phone: null, email: null, pushSubscription: null, personalDataDeleted: true });
        return due.length;
      }),
  };

  /** Booked, or provisional and not yet past its deadline: what holds segments. */
  const isActive = (booking: PracticeFacilityBooking, now: string) =>
    booking.status === 'booked' || (booking.status === 'provisional' && booking.provisionalUntil !== null && booking.provisionalUntil > now);

  function releaseExpired(data: PracticeData, now: string): number {
    const expired = data.facilities.filter((booking) => booking.status === 'provisional' && (booking.provisionalUntil ?? '') <= now);
    for (const booking of expired) Object.assign(booking, { status: 'released', segments: [] });
    return expired.length;
  }

  /** Segments of the room held by active bookings other than `except`. */
  function heldBy(data: PracticeData, facilityId: string, roomId: string, now: string, except?: string): Set<string> {
    return new Set(
      data.facilities
        .filter((booking) => booking.facilityId === facilityId && booking.roomId === roomId && booking.code !== except && isActive(booking, now))
        .flatMap((booking) => booking.segments),
    );
  }

  const facilities: FacilityStore = {
    heldSegments: (facilityId, roomId, fromDate, toDate, now) =>
      look(
        (data) => new Set([...heldBy(data, facilityId, roomId, now)].filter((segment) => segment.slice(0, 10) >= fromDate && segment.slice(0, 10) <= toDate)),
      ),
    book: (booking: NewFacilityBookingRow, idempotency, answer) =>
      change((data) =>
        withIdempotency(
          data,
          idempotency,
          booking.now,
          (): 'booked' | 'taken' | 'code-taken' => {
            releaseExpired(data, booking.now);
            if (data.facilities.some((stored) => stored.code === booking.code)) return 'code-taken';
            const segments = booking.segments.map(segmentKey);
            const held = heldBy(data, booking.facilityId, booking.roomId, booking.now);
            if (segments.some((segment) => held.has(segment))) return 'taken';
            // The practice mode sends no mail: its engine has no mail settings, so `mails` is empty.
            const { tokenHash, now, segments: _segments, mails: _mails, ...stored } = booking;
            data.facilities.push({ ...stored, segments, personalDataDeleted: false });
            addFirstLink(data, 'facility', booking.code, tokenHash, now);
            return 'booked';
          },
          (outcome) => outcome === 'booked',
          answer,
        ),
      ),
    find: (code) => look((data) => publicFacility(data.facilities.find((stored) => stored.code === code))),
    move: (code, choice, now) =>
      change((data) => {
        releaseExpired(data, now);
        const stored = data.facilities.find((candidate) => candidate.code === code);
        if (!stored || !isActive(stored, now)) return 'not-active';
        const segments = choice.segments.map(segmentKey);
        const held = heldBy(data, stored.facilityId, stored.roomId, now, code);
        if (segments.some((segment) => held.has(segment))) return 'taken';
        Object.assign(stored, { dates: choice.dates, blockIds: choice.blockIds, fee: choice.fee, segments });
        return 'moved';
      }),
    cancel: (code, now) =>
      change((data) => {
        const stored = data.facilities.find((candidate) => candidate.code === code);
        if (!stored || !isActive(stored, now)) return 'not-active';
        Object.assign(stored, { status: 'cancelled', provisionalUntil: null, segments: [] });
        return 'cancelled';
      }),
    confirm: (code, now) =>
      change((data) => {
        const stored = data.facilities.find((candidate) => candidate.code === code);
        if (!stored || stored.status !== 'provisional' || !isActive(stored, now)) return 'not-provisional';
        Object.assign(stored, { status: 'booked', provisionalUntil: null });
        return 'confirmed';
      }),
    releaseExpired: (now) => change((data) => releaseExpired(data, now)),
    deletePersonalDataUpTo: (lastDate) =>
      change((data) => {
        const due = data.facilities.filter((stored) => !stored.personalDataDeleted && (stored.dates.at(-1) ?? '') <= lastDate);
        for (const stored of due)
          Object.assign(stored, { purpose: null, groupName: null, nameKana: null, phone: null, email: null, personalDataDeleted: true });
        return due.length;
      }),
  };

  const linksOf = (data: PracticeData, kind: BookingKind, code: string) => data.links.filter((link) => link.kind === kind && link.code === code);
  const publicLink = ({ id, openedBy, createdAt }: PracticeLink): BookingLink => ({ id, openedBy, createdAt });

  const links: LinkStore = {
    find: (kind, code, tokenHash) =>
      look((data) => {
        const link = linksOf(data, kind, code).find((candidate) => candidate.tokenHash === tokenHash);
        return link ? publicLink(link) : null;
      }),
    list: (kind, code) => look((data) => linksOf(data, kind, code).map(publicLink)),
    addFoundLink: (kind, code, tokenHash, now) =>
      change((data) => {
        // Past the limit the oldest link found by a look-up is closed; the booking's own link stays.
        while (linksOf(data, kind, code).length >= MAX_LINKS_PER_BOOKING) {
          const oldestFound = linksOf(data, kind, code).find((link) => link.openedBy === 'lookup');
          if (!oldestFound) break;
          data.links = data.links.filter((link) => link !== oldestFound);
        }
        data.links.push({ id: data.nextLinkId++, kind, code, tokenHash, openedBy: 'lookup', createdAt: now });
      }),
    closeOthers: (kind, code, keepId) =>
      change((data) => {
        const closing = linksOf(data, kind, code).filter((link) => link.id !== keepId);
        data.links = data.links.filter((link) => !closing.includes(link));
        return closing.length;
      }),
  };

  return {
    counter,
    facilities,
    links,
    hasIdempotentAnswer: (scope, key) => look((data) => data.answers.some((stored) => stored.scope === scope && stored.key === key)),
    deleteIdempotencyKeysBefore: (isoInstant) =>
      change((data) => {
        const before = data.answers.length;
        data.answers = data.answers.filter((stored) => stored.createdAt >= isoInstant);
        return before - data.answers.length;
      }),
  };
}

function publicCounter(stored: PracticeCounterReservation | undefined): StoredCounterReservation | null {
  if (!stored) return null;
  const { personalDataDeleted: _deleted, ...reservation } = stored;
  return reservation;
}

function publicFacility(stored: PracticeFacilityBooking | undefined): StoredFacilityBooking | null {
  if (!stored) return null;
  const { personalDataDeleted: _deleted, segments: _segments, ...booking } = stored;
  return booking;
}
