import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewCounterBooking } from './counter-store.ts';
import type { BookedSegment, NewFacilityBookingRow } from './facility-store.ts';
import type { IdempotencyRequest } from './idempotency.ts';
import { MAX_LINKS_PER_BOOKING } from './link-store.ts';
import type { BookingStore } from './store.ts';

export interface StoreUnderTest {
  store: BookingStore;
  close(): Promise<void>;
}

const NOW = '2026-11-24T01:00:00.000Z';
const LATER = '2026-11-25T01:00:00.000Z';
/** A phone's push subscription as stored with a booking (JSON): contact data, deleted with the name and phone. */
const PUSH_SUBSCRIPTION = JSON.stringify({ endpoint: 'https://push.example.jp/send/abc', keys: { p256dh: 'BPoint', auth: 'secret' } });

let serial = 0;
/** Booking codes and token hashes unique within a run, so one database can serve every test. */
function nextCode(): string {
  serial += 1;
  return `C${String(serial).padStart(7, '0')}`;
}

export function counterBooking(slot: string, capacity: number, extra: Partial<NewCounterBooking> = {}): NewCounterBooking {
  const code = extra.code ?? nextCode();
  return {
    code,
    tokenHash: `token-${code}`,
    kindId: 'new-card',
    slot,
    capacity,
    people: 1,
    proxy: false,
    nameKana: 'トウガネ タロウ',
    phone: '0475-50-1210',
    email: 'taro@example.jp',
    pushSubscription: PUSH_SUBSCRIPTION,
    reminders: [],
    now: NOW,
    ...extra,
  };
}

const segmentsOf = (dates: string[], starts: string[]): BookedSegment[] => dates.flatMap((date) => starts.map((segment) => ({ date, segment })));

export function facilityBooking(room: string, dates: string[], starts: string[], extra: Partial<NewFacilityBookingRow> = {}): NewFacilityBookingRow {
  const code = extra.code ?? nextCode();
  return {
    code,
    tokenHash: `token-${code}`,
    facilityId: 'chuo-kominkan',
    roomId: room,
    dates,
    blockIds: starts,
    residency: 'resident',
    group: 'general',
    headCount: 10,
    fee: 1200,
    status: 'booked',
    provisionalUntil: null,
    applyBy: null,
    purpose: '会議',
    groupName: '東金の会',
    nameKana: 'トウガネ ハナコ',
    phone: '0475-50-1210',
    email: null,
    segments: segmentsOf(dates, starts),
    mails: [],
    now: NOW,
    ...extra,
  };
}

/** Each test gets its own slots and rooms, so it never sees another test's bookings. */
let place = 0;
export function freshSlot(day = '2026-12-10'): string {
  place += 1;
  const minutes = place % (24 * 60);
  return `${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
export function freshRoom(): string {
  place += 1;
  return `room-${String(place)}`;
}

export const answer = () => '{"code":"first"}';

/**
 * What every store of the booking engine must keep, whatever its engine (SQLite, PostgreSQL, the
 * practice mode's browser store): the same tests, run by each adapter's own test file against a
 * real database. Concurrency tests fire every call at once; an engine that serialises them passes
 * trivially, one with a pool of connections passes only if the database itself holds the rule.
 */
export function describeStoreContract(name: string, makeStore: () => Promise<StoreUnderTest>): void {
  describe(`the booking store contract: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: BookingStore;
    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
    });
    afterEach(() => subject.close());

    describe('counter seats', () => {
      it('never exceeds capacity: 50 bookings at once for 3 seats give exactly 3', async () => {
        const slot = freshSlot();
        const outcomes = await Promise.all(Array.from({ length: 50 }, () => store.counter.book(counterBooking(slot, 3), null, answer)));
        const values = outcomes.map((outcome) => (outcome.replayed === false ? outcome.value : 'replayed'));
        expect(values.filter((value) => value === 'booked')).toHaveLength(3);
        expect(values.filter((value) => value === 'full')).toHaveLength(47);
        const seats = await store.counter.bookedSeats(slot.slice(0, 10), slot.slice(0, 10));
        expect(seats.get(slot)).toEqual({ booked: 3, capacity: 3 });
      });

      it('refuses a code already used, and books nothing for it', async () => {
        const slot = freshSlot();
        const first = counterBooking(slot, 5);
        await store.counter.book(first, null, answer);
        expect(await store.counter.book(counterBooking(slot, 5, { code: first.code, tokenHash: 'other' }), null, answer)).toEqual({
          replayed: false,
          value: 'code-taken',
        });
        expect((await store.counter.bookedSeats(slot.slice(0, 10), slot.slice(0, 10))).get(slot)?.booked).toBe(1);
      });

      it('frees a cancelled seat at once', async () => {
        const slot = freshSlot();
        const first = counterBooking(slot, 1);
        await store.counter.book(first, null, answer);
        expect(await store.counter.book(counterBooking(slot, 1), null, answer)).toEqual({ replayed: false, value: 'full' });
        expect(await store.counter.cancel(first.code, LATER, [])).toBe('cancelled');
        expect(await store.counter.cancel(first.code, LATER, [])).toBe('not-booked');
        expect((await store.counter.find(first.code))?.status).toBe('cancelled');
        expect(await store.counter.book(counterBooking(slot, 1), null, answer)).toEqual({ replayed: false, value: 'booked' });
      });

      it('moves by taking the new seat before freeing the old; a move to a full slot keeps the old', async () => {
        const [from, full, free] = [freshSlot(), freshSlot(), freshSlot()];
        const mine = counterBooking(from, 1);
        await store.counter.book(mine, null, answer);
        await store.counter.book(counterBooking(full, 1), null, answer);

        expect(await store.counter.move(mine.code, full, 1, LATER, [])).toBe('full');
        expect((await store.counter.find(mine.code))?.slot).toBe(from);
        expect(await store.counter.book(counterBooking(from, 1), null, answer)).toEqual({ replayed: false, value: 'full' });

        expect(await store.counter.move(mine.code, free, 1, LATER, [])).toBe('moved');
        expect((await store.counter.find(mine.code))?.slot).toBe(free);
        const seats = await store.counter.bookedSeats('2026-12-10', '2026-12-10');
        expect([seats.get(from)?.booked, seats.get(full)?.booked, seats.get(free)?.booked]).toEqual([0, 1, 1]);
        expect(await store.counter.move('NOSUCH00', free, 1, LATER, [])).toBe('not-booked');
      });

      it('lets 20 moves at once into one free seat: exactly one moves, the others keep their own seat', async () => {
        const target = freshSlot();
        const mine = await Promise.all(
          Array.from({ length: 20 }, async () => {
            const booking = counterBooking(freshSlot(), 1);
            await store.counter.book(booking, null, answer);
            return booking;
          }),
        );
        const outcomes = await Promise.all(mine.map((booking) => store.counter.move(booking.code, target, 1, LATER, [])));
        expect(outcomes.filter((outcome) => outcome === 'moved')).toHaveLength(1);
        const slots = await Promise.all(mine.map(async (booking) => (await store.counter.find(booking.code))?.slot));
        expect(slots.filter((slot) => slot === target)).toHaveLength(1);
        const seats = await store.counter.bookedSeats('2026-12-10', '2026-12-10');
        for (const booking of mine) {
          const stillThere = slots[mine.indexOf(booking)] === booking.slot;
          expect(seats.get(booking.slot)?.booked).toBe(stillThere ? 1 : 0);
        }
      });

      it('refuses a smaller capacity that a slot already exceeds, and names the slot', async () => {
        const slot = freshSlot('2027-03-01');
        await store.counter.book(counterBooking(slot, 2), null, answer);
        await store.counter.book(counterBooking(slot, 2), null, answer);
        expect(await store.counter.applyCapacity('2027-03-01T00:00', 1)).toEqual([{ slot, booked: 2 }]);
        expect(await store.counter.applyCapacity('2027-03-01T00:00', 3)).toEqual([]);
        expect((await store.counter.bookedSeats('2027-03-01', '2027-03-01')).get(slot)).toEqual({ booked: 2, capacity: 3 });
      });
    });

    describe('idempotency', () => {
      it('replays the first answer to a retry, and refuses the key with another body', async () => {
        const slot = freshSlot();
        const request: IdempotencyRequest = { scope: 'counter-book', key: `key-${nextCode()}`, requestHash: 'hash-a' };
        const first = await store.counter.book(counterBooking(slot, 5), request, answer);
        expect(first).toEqual({ replayed: false, value: 'booked' });
        expect(await store.counter.book(counterBooking(slot, 5), request, () => 'second')).toEqual({ replayed: true, responseJson: answer() });
        expect(await store.counter.book(counterBooking(slot, 5), { ...request, requestHash: 'hash-b' }, answer)).toEqual({ replayed: 'mismatch' });
        expect((await store.counter.bookedSeats(slot.slice(0, 10), slot.slice(0, 10))).get(slot)?.booked).toBe(1);
      });

      it('makes one booking of 10 identical retries sent at once', async () => {
        const room = freshRoom();
        const request: IdempotencyRequest = { scope: 'facility-book', key: `key-${nextCode()}`, requestHash: 'hash-a' };
        const outcomes = await Promise.all(
          Array.from({ length: 10 }, () => store.facilities.book(facilityBooking(room, ['2026-12-20'], ['09:00']), request, answer)),
        );
        expect(outcomes.filter((outcome) => outcome.replayed === false)).toEqual([{ replayed: false, value: 'booked' }]);
        expect(outcomes.filter((outcome) => outcome.replayed === true)).toHaveLength(9);
      });

      it('stores no answer for a refused booking, so the same key can try again', async () => {
        const slot = freshSlot();
        await store.counter.book(counterBooking(slot, 1), null, answer);
        const request: IdempotencyRequest = { scope: 'counter-book', key: `key-${nextCode()}`, requestHash: 'hash-a' };
        expect(await store.counter.book(counterBooking(slot, 1), request, answer)).toEqual({ replayed: false, value: 'full' });
        expect(await store.hasIdempotentAnswer(request.scope, request.key)).toBe(false);
        expect(await store.counter.book(counterBooking(freshSlot(), 1), request, answer)).toEqual({ replayed: false, value: 'booked' });
        expect(await store.hasIdempotentAnswer(request.scope, request.key)).toBe(true);
        // The key belongs to its scope: the same key elsewhere holds nothing.
        expect(await store.hasIdempotentAnswer('facility-book', request.key)).toBe(false);
      });

      it('forgets answers older than the instant', async () => {
        const request: IdempotencyRequest = { scope: 'counter-book', key: `key-${nextCode()}`, requestHash: 'hash-a' };
        await store.counter.book(counterBooking(freshSlot(), 5, { now: '2026-01-01T00:00:00.000Z' }), request, answer);
        expect(await store.deleteIdempotencyKeysBefore('2026-01-02T00:00:00.000Z')).toBeGreaterThanOrEqual(1);
        expect(await store.counter.book(counterBooking(freshSlot(), 5), request, answer)).toEqual({ replayed: false, value: 'booked' });
      });
    });

    describe('facility segments', () => {
      it('never overlap: 30 bookings at once sharing one segment give exactly one', async () => {
        const room = freshRoom();
        const choices = [['09:00'], ['09:00', '12:00'], ['09:00', '12:00', '17:00']];
        const outcomes = await Promise.all(
          Array.from({ length: 30 }, (_, index) => store.facilities.book(facilityBooking(room, ['2026-12-20'], choices[index % 3] ?? []), null, answer)),
        );
        expect(outcomes.filter((outcome) => outcome.replayed === false && outcome.value === 'booked')).toHaveLength(1);
        expect(outcomes.filter((outcome) => outcome.replayed === false && outcome.value === 'taken')).toHaveLength(29);
      });

      it('books every day and block of a booking or none of them', async () => {
        const room = freshRoom();
        await store.facilities.book(facilityBooking(room, ['2026-12-21'], ['17:00']), null, answer);
        const wide = facilityBooking(room, ['2026-12-20', '2026-12-21'], ['09:00', '12:00', '17:00']);
        expect(await store.facilities.book(wide, null, answer)).toEqual({ replayed: false, value: 'taken' });
        expect(await store.facilities.find(wide.code)).toBeNull();
        expect([...(await store.facilities.heldSegments('chuo-kominkan', room, '2026-12-20', '2026-12-21', NOW))]).toEqual(['2026-12-21T17:00']);
      });

      it('keeps rooms apart: the same segment of another room is free', async () => {
        const [first, second] = [freshRoom(), freshRoom()];
        expect(await store.facilities.book(facilityBooking(first, ['2026-12-20'], ['09:00']), null, answer)).toEqual({ replayed: false, value: 'booked' });
        expect(await store.facilities.book(facilityBooking(second, ['2026-12-20'], ['09:00']), null, answer)).toEqual({ replayed: false, value: 'booked' });
      });

      it('frees a cancelled booking at once', async () => {
        const room = freshRoom();
        const first = facilityBooking(room, ['2026-12-20'], ['09:00', '12:00']);
        await store.facilities.book(first, null, answer);
        expect(await store.facilities.cancel(first.code, LATER)).toBe('cancelled');
        expect(await store.facilities.cancel(first.code, LATER)).toBe('not-active');
        expect(await store.facilities.heldSegments('chuo-kominkan', room, '2026-12-20', '2026-12-20', LATER)).toEqual(new Set());
        expect(await store.facilities.book(facilityBooking(room, ['2026-12-20'], ['12:00']), null, answer)).toEqual({ replayed: false, value: 'booked' });
      });

      it('moves to free segments, and keeps the old ones when the new are taken', async () => {
        const room = freshRoom();
        const mine = facilityBooking(room, ['2026-12-20'], ['09:00']);
        await store.facilities.book(mine, null, answer);
        await store.facilities.book(facilityBooking(room, ['2026-12-20'], ['12:00']), null, answer);

        const toTaken = { dates: ['2026-12-20'], blockIds: ['09:00', '12:00'], segments: segmentsOf(['2026-12-20'], ['09:00', '12:00']), fee: 2400 };
        expect(await store.facilities.move(mine.code, toTaken, LATER, [])).toBe('taken');
        expect((await store.facilities.find(mine.code))?.blockIds).toEqual(['09:00']);

        const toFree = { dates: ['2026-12-21'], blockIds: ['17:00'], segments: segmentsOf(['2026-12-21'], ['17:00']), fee: 1500 };
        expect(await store.facilities.move(mine.code, toFree, LATER, [])).toBe('moved');
        expect(await store.facilities.find(mine.code)).toMatchObject({ dates: ['2026-12-21'], blockIds: ['17:00'], fee: 1500 });
        expect([...(await store.facilities.heldSegments('chuo-kominkan', room, '2026-12-20', '2026-12-21', LATER))].sort()).toEqual([
          '2026-12-20T12:00',
          '2026-12-21T17:00',
        ]);
      });

      it('releases an expired 仮予約: its blocks are free to the next booking and to the release job', async () => {
        const room = freshRoom();
        const provisional = facilityBooking(room, ['2026-12-20'], ['09:00'], {
          status: 'provisional',
          provisionalUntil: '2026-11-24T10:00:00.000Z',
          applyBy: '2026-11-24',
        });
        await store.facilities.book(provisional, null, answer);
        expect(await store.facilities.heldSegments('chuo-kominkan', room, '2026-12-20', '2026-12-20', '2026-11-24T09:59:59.000Z')).toEqual(
          new Set(['2026-12-20T09:00']),
        );
        expect(await store.facilities.heldSegments('chuo-kominkan', room, '2026-12-20', '2026-12-20', '2026-11-24T10:00:00.000Z')).toEqual(new Set());
        expect(await store.facilities.confirm(provisional.code, '2026-11-24T10:00:00.000Z', null)).toBe('not-provisional');

        const next = facilityBooking(room, ['2026-12-20'], ['09:00'], { now: '2026-11-24T10:00:00.000Z' });
        expect(await store.facilities.book(next, null, answer)).toEqual({ replayed: false, value: 'booked' });
        expect((await store.facilities.find(provisional.code))?.status).toBe('released');

        const other = facilityBooking(freshRoom(), ['2026-12-20'], ['09:00'], {
          status: 'provisional',
          provisionalUntil: '2026-11-24T10:00:00.000Z',
          applyBy: '2026-11-24',
        });
        await store.facilities.book(other, null, answer);
        expect(await store.facilities.releaseExpired('2026-11-24T10:00:00.000Z')).toBeGreaterThanOrEqual(1);
        expect((await store.facilities.find(other.code))?.status).toBe('released');
      });

      it('confirms a 仮予約 before its deadline, once', async () => {
        const provisional = facilityBooking(freshRoom(), ['2026-12-20'], ['09:00'], {
          status: 'provisional',
          provisionalUntil: '2026-11-30T10:00:00.000Z',
          applyBy: '2026-11-30',
        });
        await store.facilities.book(provisional, null, answer);
        expect(await store.facilities.confirm(provisional.code, LATER, null)).toBe('confirmed');
        expect(await store.facilities.confirm(provisional.code, LATER, null)).toBe('not-provisional');
        expect(await store.facilities.find(provisional.code)).toMatchObject({ status: 'booked', provisionalUntil: null });
      });
    });

    describe('retention', () => {
      it('deletes personal data up to the date and nothing else', async () => {
        const counter = await Promise.all(
          ['2025-01-09', '2025-01-10', '2025-01-11'].map(async (day) => {
            const booking = counterBooking(freshSlot(day), 5);
            await store.counter.book(booking, null, answer);
            return booking.code;
          }),
        );
        const room = freshRoom();
        const facility = await Promise.all(
          [
            ['2025-01-09', '2025-01-10'],
            ['2025-01-10', '2025-01-11'],
          ].map(async (dates, index) => {
            const booking = facilityBooking(room, dates, [index === 0 ? '09:00' : '12:00']);
            await store.facilities.book(booking, null, answer);
            return booking.code;
          }),
        );
        expect(await store.counter.deletePersonalDataUpTo('2025-01-10', LATER)).toBe(2);
        expect(await store.facilities.deletePersonalDataUpTo('2025-01-10', LATER)).toBe(1);

        const [gone, alsoGone, kept] = await Promise.all(counter.map((code) => store.counter.find(code)));
        expect([gone, alsoGone].map((row) => [row?.nameKana, row?.phone, row?.email, row?.pushSubscription])).toEqual([
          [null, null, null, null],
          [null, null, null, null],
        ]);
        expect(kept).toMatchObject({ nameKana: 'トウガネ タロウ', phone: '0475-50-1210', email: 'taro@example.jp', pushSubscription: PUSH_SUBSCRIPTION });
        expect(gone).toMatchObject({ status: 'booked', people: 1, kindId: 'new-card' });

        const [ended, continuing] = await Promise.all(facility.map((code) => store.facilities.find(code)));
        expect(ended).toMatchObject({ purpose: null, groupName: null, nameKana: null, phone: null, email: null, fee: 1200, status: 'booked' });
        expect(continuing).toMatchObject({ purpose: '会議', groupName: '東金の会', nameKana: 'トウガネ ハナコ', phone: '0475-50-1210' });
        expect(await store.counter.deletePersonalDataUpTo('2025-01-10', LATER)).toBe(0);
      });
    });

    describe('management links', () => {
      it('opens a booking by its first link, and keeps at most the limit, closing the oldest found', async () => {
        const booking = counterBooking(freshSlot(), 5);
        await store.counter.book(booking, null, answer);
        const first = await store.links.find('counter', booking.code, booking.tokenHash);
        expect(first).toMatchObject({ openedBy: 'booking', createdAt: NOW });
        expect(await store.links.find('facility', booking.code, booking.tokenHash)).toBeNull();

        for (let index = 1; index <= MAX_LINKS_PER_BOOKING + 1; index++) {
          await store.links.addFoundLink('counter', booking.code, `${booking.code}-found-${String(index)}`, LATER);
        }
        const links = await store.links.list('counter', booking.code);
        expect(links).toHaveLength(MAX_LINKS_PER_BOOKING);
        expect(links[0]).toEqual(first);
        expect(await store.links.find('counter', booking.code, `${booking.code}-found-1`)).toBeNull();
        expect(await store.links.find('counter', booking.code, `${booking.code}-found-2`)).toBeNull();
        expect(await store.links.find('counter', booking.code, `${booking.code}-found-6`)).toMatchObject({ openedBy: 'lookup' });

        expect(await store.links.closeOthers('counter', booking.code, first?.id ?? -1)).toBe(MAX_LINKS_PER_BOOKING - 1);
        expect(await store.links.list('counter', booking.code)).toEqual([first]);
      });

      it('keeps the limit when look-ups arrive at once', async () => {
        const booking = facilityBooking(freshRoom(), ['2026-12-20'], ['09:00']);
        await store.facilities.book(booking, null, answer);
        await Promise.all(
          Array.from({ length: 12 }, (_, index) => store.links.addFoundLink('facility', booking.code, `${booking.code}-burst-${String(index)}`, LATER)),
        );
        const links = await store.links.list('facility', booking.code);
        expect(links).toHaveLength(MAX_LINKS_PER_BOOKING);
        expect(links[0]?.openedBy).toBe('booking');
      });
    });
  });
}
