import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewWaitlistEntry, PreparedOffer } from '../../booking/counter-waitlist-store.ts';
import type { NewRoomWaitlistEntry, RoomDay, RoomOfferedEntry } from '../../booking/room-waitlist-store.ts';
import type { PreparedOffer as RoomPreparedOffer } from '../../booking/waitlist-offers.ts';
import { answer, counterBooking, facilityBooking, freshRoom, freshSlot } from '../../booking/store-contract.ts';
import { placeInLine } from '../../domain/counter-waitlist-place.ts';
import type { ServerStoreUnderTest } from './outbox-contract.ts';
import type { Store } from './store.ts';

const NOW = '2026-12-01T00:00:00.000Z';
const HELD_UNTIL = '2026-12-01T02:00:00.000Z';
const AFTER_HOLD = '2026-12-01T02:00:01.000Z';
const LEASE_UNTIL = '2026-12-31T00:00:00.000Z';

function entry(slot: string, email: string, extra: Partial<NewWaitlistEntry> = {}): NewWaitlistEntry {
  return {
    slot,
    capacity: 1,
    kindId: 'card-pickup',
    people: 1,
    proxy: false,
    nameKana: 'トウガネ ハナコ',
    phone: '0475-50-1211',
    email,
    tokenHash: `entry-${crypto.randomUUID()}`,
    maxWaiting: 3,
    now: NOW,
    ...extra,
  };
}

/** Offers ready to give, each with its own secret's hash and a mail naming whom it went to. */
function offers(count: number, heldUntil = HELD_UNTIL): PreparedOffer[] {
  return Array.from({ length: count }, () => {
    const tokenHash = `offer-${crypto.randomUUID()}`;
    return {
      tokenHash,
      heldUntil,
      mail: (offered) => ({
        key: crypto.randomUUID(),
        kind: 'waitlist-offer',
        channel: 'email',
        recipient: offered.email,
        subject: '【東金市】空きが出ました',
        body: `${offered.slot} ${tokenHash}`,
        dueAt: NOW,
      }),
    };
  });
}

/**
 * What キャンセル待ち in every server store must keep (SQLite, PostgreSQL): the queue's order, holds
 * that count as taken seats, one holder per seat, expiry and pass-down, and all of it under
 * concurrency. Each test uses slots of its own.
 */
export function describeWaitlistContract(name: string, makeStore: () => Promise<ServerStoreUnderTest>): void {
  describe(`the キャンセル待ち contract: ${name}`, () => {
    let subject: ServerStoreUnderTest;
    let store: Store;
    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
    });
    afterEach(() => subject.close());

    const seatsOf = async (slot: string) => (await store.counter.bookedSeats(slot.slice(0, 10), slot.slice(0, 10))).get(slot);

    /** A slot of one seat, booked; returns the booking's code. */
    async function fullSlot(slot: string): Promise<string> {
      const booking = counterBooking(slot, 1);
      expect(await store.counter.book(booking, null, answer)).toEqual({ replayed: false, value: 'booked' });
      return booking.code;
    }

    it('queues only where the public cannot book, in joining order, once per contact, up to its length', async () => {
      const slot = freshSlot();
      expect(await store.counterWaitlist.join(entry(slot, 'a@example.jp'))).toEqual({ joined: false, refusal: 'seats-free' });
      await fullSlot(slot);
      expect(await store.counterWaitlist.join(entry(slot, 'a@example.jp'))).toEqual({ joined: true, position: 1 });
      expect(await store.counterWaitlist.join(entry(slot, 'b@example.jp'))).toEqual({ joined: true, position: 2 });
      expect(await store.counterWaitlist.join(entry(slot, 'a@example.jp'))).toEqual({ joined: false, refusal: 'already-waiting' });
      expect(await store.counterWaitlist.join(entry(slot, 'c@example.jp'))).toEqual({ joined: true, position: 3 });
      expect(await store.counterWaitlist.join(entry(slot, 'd@example.jp'))).toEqual({ joined: false, refusal: 'queue-full' });
      expect(await seatsOf(slot)).toMatchObject({ booked: 1, waiting: 3 });
    });

    it('keeps a freed seat from the public for the first in line, holds it as a taken seat, and writes the offer mail with it', async () => {
      const slot = freshSlot();
      const code = await fullSlot(slot);
      await store.counterWaitlist.join(entry(slot, 'first@example.jp'));
      await store.counterWaitlist.join(entry(slot, 'second@example.jp'));
      expect(await store.counter.cancel(code, NOW, [])).toBe('cancelled');
      // Free, but owed to the queue: the public is refused.
      expect(await store.counter.book(counterBooking(slot, 1), null, answer)).toEqual({ replayed: false, value: 'full' });
      const prepared = offers(2);
      expect(await store.counterWaitlist.settle(slot, 1, NOW, prepared)).toBe(1);
      expect(await seatsOf(slot)).toMatchObject({ booked: 1, waiting: 1 });
      expect(await store.counter.book(counterBooking(slot, 1), null, answer)).toEqual({ replayed: false, value: 'full' });
      // Settling again changes nothing: the seat has its one holder.
      expect(await store.counterWaitlist.settle(slot, 1, NOW, offers(2))).toBe(0);
      const offered = await store.counterWaitlist.findByOfferToken(prepared[0]?.tokenHash ?? '');
      expect(offered).toMatchObject({ slot, state: 'offered', heldUntil: HELD_UNTIL, email: 'first@example.jp' });
      const mails = (await store.outbox.claimDue(NOW, LEASE_UNTIL, 10_000)).filter((mail) => mail.body.includes(prepared[0]?.tokenHash ?? '?'));
      expect(mails).toMatchObject([{ kind: 'waitlist-offer', recipient: 'first@example.jp' }]);
    });

    it('turns an accepted offer into a booking on the held seat, once', async () => {
      const slot = freshSlot();
      const code = await fullSlot(slot);
      await store.counterWaitlist.join(entry(slot, 'first@example.jp'));
      await store.counter.cancel(code, NOW, []);
      const [offer] = offers(1);
      await store.counterWaitlist.settle(slot, 1, NOW, offer ? [offer] : []);
      const tokenHash = offer?.tokenHash ?? '';
      const idempotency = { scope: 'counter.waitlist.accept', key: crypto.randomUUID(), requestHash: 'hash' };
      const booking = { code: 'WAIT2345', tokenHash: 'booking-token', reminder: null, now: NOW };
      expect(await store.counterWaitlist.accept(tokenHash, booking, idempotency, answer)).toEqual({ replayed: false, value: 'booked' });
      expect(await store.counterWaitlist.accept(tokenHash, booking, idempotency, answer)).toEqual({ replayed: true, responseJson: answer() });
      expect(await store.counterWaitlist.accept(tokenHash, { ...booking, code: 'WAIT2346' }, null, answer)).toEqual({ replayed: false, value: 'not-offered' });
      expect(await store.counter.find('WAIT2345')).toMatchObject({ slot, status: 'booked', nameKana: 'トウガネ ハナコ', email: 'first@example.jp' });
      expect(await seatsOf(slot)).toMatchObject({ booked: 1 });
      expect(await store.counterWaitlist.findByOfferToken(tokenHash)).toMatchObject({ state: 'accepted', bookingCode: 'WAIT2345' });
      // Cancelling it frees the seat like any booking's.
      expect(await store.counter.cancel('WAIT2345', NOW, [])).toBe('cancelled');
      expect(await seatsOf(slot)).toMatchObject({ booked: 0 });
    });

    it('passes a lapsed or declined offer down to the next in line, and refuses accepting it after', async () => {
      const slot = freshSlot();
      const code = await fullSlot(slot);
      for (const email of ['first@example.jp', 'second@example.jp', 'third@example.jp']) await store.counterWaitlist.join(entry(slot, email));
      await store.counter.cancel(code, NOW, []);
      const first = offers(1);
      await store.counterWaitlist.settle(slot, 1, NOW, first);
      const second = offers(1, '2026-12-01T04:00:00.000Z');
      expect(await store.counterWaitlist.settle(slot, 1, AFTER_HOLD, second)).toBe(1);
      const booking = { code: 'LATE2345', tokenHash: 'late', reminder: null, now: AFTER_HOLD };
      expect(await store.counterWaitlist.accept(first[0]?.tokenHash ?? '', booking, null, answer)).toEqual({ replayed: false, value: 'not-offered' });
      expect(await store.counterWaitlist.findByOfferToken(first[0]?.tokenHash ?? '')).toMatchObject({ state: 'expired' });
      expect(await store.counterWaitlist.findByOfferToken(second[0]?.tokenHash ?? '')).toMatchObject({ state: 'offered', email: 'second@example.jp' });
      expect(await seatsOf(slot)).toMatchObject({ booked: 1, waiting: 1 });

      expect(await store.counterWaitlist.decline(second[0]?.tokenHash ?? '', AFTER_HOLD)).toBe('declined');
      expect(await store.counterWaitlist.decline(second[0]?.tokenHash ?? '', AFTER_HOLD)).toBe('not-offered');
      const third = offers(1, '2026-12-01T04:00:00.000Z');
      expect(await store.counterWaitlist.settle(slot, 1, AFTER_HOLD, third)).toBe(1);
      expect(await store.counterWaitlist.findByOfferToken(third[0]?.tokenHash ?? '')).toMatchObject({ state: 'offered', email: 'third@example.jp' });
      expect(await seatsOf(slot)).toMatchObject({ booked: 1 });
      // Nobody is left waiting: a seat given back now is the public's again.
      expect(await store.counterWaitlist.decline(third[0]?.tokenHash ?? '', AFTER_HOLD)).toBe('declined');
      expect(await store.counterWaitlist.settle(slot, 1, AFTER_HOLD, offers(1))).toBe(0);
      expect(await store.counter.book(counterBooking(slot, 1), null, answer)).toEqual({ replayed: false, value: 'booked' });
    });

    it('offers one freed seat once, whatever the number of settlements racing for it, and never past the seats', async () => {
      const slot = freshSlot();
      const code = await fullSlot(slot);
      for (let index = 0; index < 3; index++) await store.counterWaitlist.join(entry(slot, `person${String(index)}@example.jp`));
      await store.counter.cancel(code, NOW, []);
      const made = await Promise.all(Array.from({ length: 6 }, () => store.counterWaitlist.settle(slot, 1, NOW, offers(2))));
      expect(made.reduce((sum, count) => sum + count, 0)).toBe(1);
      expect(await seatsOf(slot)).toMatchObject({ booked: 1, waiting: 2 });
      // Bookings racing the queue for the seats get none.
      const bookings = await Promise.all(Array.from({ length: 4 }, () => store.counter.book(counterBooking(slot, 1), null, answer)));
      expect(bookings.every((outcome) => outcome.replayed === false && outcome.value === 'full')).toBe(true);
    });

    it('gives seats the city added to those waiting, in order', async () => {
      const slot = freshSlot();
      await fullSlot(slot);
      await store.counterWaitlist.join(entry(slot, 'first@example.jp'));
      await store.counterWaitlist.join(entry(slot, 'second@example.jp'));
      // Three desks now: both get an offer; none is left for the public.
      const prepared = offers(2);
      expect(await store.counterWaitlist.settle(slot, 3, NOW, prepared)).toBe(2);
      expect(await seatsOf(slot)).toMatchObject({ booked: 3 });
      expect(await store.counterWaitlist.findByOfferToken(prepared[1]?.tokenHash ?? '')).toMatchObject({ email: 'second@example.jp' });
      expect(await store.counterWaitlist.slotsWithQueue(slot)).toContain(slot);
    });

    it('finds a waiting entry by its own link with the queue, and leaving deletes it so those behind move up', async () => {
      const slot = freshSlot();
      const code = await fullSlot(slot);
      const [first, second, third] = [entry(slot, 'first@example.jp'), entry(slot, 'second@example.jp'), entry(slot, 'third@example.jp')];
      for (const joining of [first, second, third]) await store.counterWaitlist.join(joining);
      const placeOf = async (tokenHash: string) => {
        const found = await store.counterWaitlist.findWithQueue(tokenHash);
        return found ? placeInLine(found.queue, found.entry.id) : null;
      };
      expect(await store.counterWaitlist.findWithQueue(second.tokenHash)).toMatchObject({
        entry: { slot, state: 'waiting', email: 'second@example.jp' },
        queue: [{ state: 'waiting' }, { state: 'waiting' }, { state: 'waiting' }],
      });
      expect(await placeOf(second.tokenHash)).toBe(2);
      expect(await store.counterWaitlist.findWithQueue('no-such-link')).toBeNull();

      expect(await store.counterWaitlist.leave(first.tokenHash)).toEqual({ slot });
      expect(await store.counterWaitlist.findWithQueue(first.tokenHash)).toBeNull();
      expect(await store.counterWaitlist.leave(first.tokenHash)).toBeNull();
      expect([await placeOf(second.tokenHash), await placeOf(third.tokenHash)]).toEqual([1, 2]);
      expect(await seatsOf(slot)).toMatchObject({ booked: 1, waiting: 2 });
      // Gone with its contact: the same address may join again, at the end.
      expect(await store.counterWaitlist.join(entry(slot, 'first@example.jp'))).toEqual({ joined: true, position: 3 });

      // A seat freed goes to the one now first; her offer replaces her page's link, which then finds nothing and cannot leave.
      await store.counter.cancel(code, NOW, []);
      const [offer] = offers(1);
      expect(await store.counterWaitlist.settle(slot, 1, NOW, offer ? [offer] : [])).toBe(1);
      expect(await store.counterWaitlist.findByOfferToken(offer?.tokenHash ?? '')).toMatchObject({ email: 'second@example.jp', state: 'offered' });
      expect(await store.counterWaitlist.findWithQueue(second.tokenHash)).toBeNull();
      expect(await store.counterWaitlist.leave(second.tokenHash)).toBeNull();
      expect(await placeOf(third.tokenHash)).toBe(1);
      // An offer's link is not a waiting entry's: leaving by it does nothing (declining is the offer's own way).
      expect(await store.counterWaitlist.leave(offer?.tokenHash ?? '')).toBeNull();
      expect(await seatsOf(slot)).toMatchObject({ booked: 1, waiting: 2 });
    });

    it('deletes names, phones, addresses and offer mails with the retention rule', async () => {
      const slot = freshSlot('2026-11-02');
      const code = await fullSlot(slot);
      await store.counterWaitlist.join(entry(slot, 'first@example.jp'));
      await store.counter.cancel(code, NOW, []);
      const prepared = offers(1);
      await store.counterWaitlist.settle(slot, 1, '2026-11-01T00:00:00.000Z', prepared);
      expect(await store.counterWaitlist.deletePersonalDataUpTo('2026-11-02', NOW)).toBeGreaterThanOrEqual(1);
      expect(await store.counterWaitlist.findByOfferToken(prepared[0]?.tokenHash ?? '')).toMatchObject({ nameKana: null, phone: null, email: null });
      const mails = (await store.outbox.claimDue(NOW, LEASE_UNTIL, 10_000)).filter((mail) => mail.body.includes(prepared[0]?.tokenHash ?? '?'));
      expect(mails).toEqual([]);
    });
  });
  describeRoomWaitlistContract(name, makeStore);
}

const DAY = '2026-12-20';

function roomEntry(roomId: string, email: string, segments: string[], extra: Partial<NewRoomWaitlistEntry> = {}): NewRoomWaitlistEntry {
  return {
    facilityId: 'chuo-kominkan',
    roomId,
    date: DAY,
    blockIds: segments,
    segments,
    residency: 'resident',
    group: 'general',
    headCount: 10,
    purpose: '会議',
    groupName: '東金の会',
    nameKana: 'トウガネ ハナコ',
    phone: '0475-50-1211',
    email,
    maxWaiting: 3,
    now: NOW,
    ...extra,
  };
}

function roomOffers(count: number, heldUntil = HELD_UNTIL): RoomPreparedOffer<RoomOfferedEntry>[] {
  return Array.from({ length: count }, () => {
    const tokenHash = `room-offer-${crypto.randomUUID()}`;
    return {
      tokenHash,
      heldUntil,
      mail: (offered) => ({
        key: crypto.randomUUID(),
        kind: 'room-waitlist-offer',
        channel: 'email',
        recipient: offered.email,
        subject: '【東金市】空きが出ました',
        body: `${offered.roomId} ${offered.date} ${offered.blockIds.join(',')} ${tokenHash}`,
        dueAt: NOW,
      }),
    };
  });
}

/**
 * The rooms' キャンセル待ち in every server store: a held offer is segments taken like a booking's,
 * so a segment has one holder (a booking, the city's block or an offer) whatever races for it.
 */
function describeRoomWaitlistContract(name: string, makeStore: () => Promise<ServerStoreUnderTest>): void {
  describe(`the rooms' キャンセル待ち contract: ${name}`, () => {
    let subject: ServerStoreUnderTest;
    let store: Store;
    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
    });
    afterEach(() => subject.close());

    const dayOf = (roomId: string): RoomDay => ({ facilityId: 'chuo-kominkan', roomId, date: DAY });
    const held = (roomId: string) => store.facilities.heldSegments('chuo-kominkan', roomId, DAY, DAY, NOW);
    const publicBooking = (roomId: string, starts: string[]) => store.facilities.book(facilityBooking(roomId, [DAY], starts), null, answer);

    /** A room whose morning someone booked; returns the booking's code. */
    async function bookedMorning(roomId: string): Promise<string> {
      const booking = facilityBooking(roomId, [DAY], ['09:00']);
      expect(await store.facilities.book(booking, null, answer)).toEqual({ replayed: false, value: 'booked' });
      return booking.code;
    }

    it('queues only for blocks someone holds, in joining order, once per contact, up to its length', async () => {
      const room = freshRoom();
      expect(await store.roomWaitlist.join(roomEntry(room, 'a@example.jp', ['09:00']))).toEqual({ joined: false, refusal: 'blocks-free' });
      await bookedMorning(room);
      expect(await store.roomWaitlist.join(roomEntry(room, 'a@example.jp', ['09:00', '13:00']))).toEqual({ joined: true, position: 1 });
      expect(await store.roomWaitlist.join(roomEntry(room, 'b@example.jp', ['09:00']))).toEqual({ joined: true, position: 2 });
      expect(await store.roomWaitlist.join(roomEntry(room, 'a@example.jp', ['09:00']))).toEqual({ joined: false, refusal: 'already-waiting' });
      expect(await store.roomWaitlist.join(roomEntry(room, 'c@example.jp', ['09:00']))).toEqual({ joined: true, position: 3 });
      expect(await store.roomWaitlist.join(roomEntry(room, 'd@example.jp', ['09:00']))).toEqual({ joined: false, refusal: 'queue-full' });
      expect(await store.roomWaitlist.daysWithQueue(DAY)).toContainEqual(dayOf(room));
    });

    it('holds a freed block for the first in line as a taken segment, with the offer mail, once', async () => {
      const room = freshRoom();
      const code = await bookedMorning(room);
      await store.roomWaitlist.join(roomEntry(room, 'first@example.jp', ['09:00']));
      await store.roomWaitlist.join(roomEntry(room, 'second@example.jp', ['09:00']));
      expect(await store.facilities.cancel(code, NOW)).toBe('cancelled');
      const prepared = roomOffers(2);
      expect(await store.roomWaitlist.settle(dayOf(room), NOW, prepared)).toBe(1);
      expect(await held(room)).toEqual(new Set([`${DAY}T09:00`]));
      // The hold is a taken segment: the public is refused it.
      expect(await publicBooking(room, ['09:00'])).toEqual({ replayed: false, value: 'taken' });
      expect(await store.roomWaitlist.settle(dayOf(room), NOW, roomOffers(2))).toBe(0);
      expect(await store.roomWaitlist.findByOfferToken(prepared[0]?.tokenHash ?? '')).toMatchObject({
        state: 'offered',
        heldUntil: HELD_UNTIL,
        email: 'first@example.jp',
        blockIds: ['09:00'],
      });
      const mails = (await store.outbox.claimDue(NOW, LEASE_UNTIL, 10_000)).filter((mail) => mail.body.includes(prepared[0]?.tokenHash ?? '?'));
      expect(mails).toMatchObject([{ kind: 'room-waitlist-offer', recipient: 'first@example.jp' }]);
    });

    it('keeps what the first in line waits for from those behind, until all of it frees', async () => {
      const room = freshRoom();
      const morning = await bookedMorning(room);
      const afternoon = facilityBooking(room, [DAY], ['13:00']);
      await store.facilities.book(afternoon, null, answer);
      await store.roomWaitlist.join(roomEntry(room, 'both@example.jp', ['09:00', '13:00']));
      await store.roomWaitlist.join(roomEntry(room, 'morning@example.jp', ['09:00']));
      await store.facilities.cancel(morning, NOW);
      expect(await store.roomWaitlist.settle(dayOf(room), NOW, roomOffers(2))).toBe(0);
      await store.facilities.cancel(afternoon.code, NOW);
      const prepared = roomOffers(2);
      expect(await store.roomWaitlist.settle(dayOf(room), NOW, prepared)).toBe(1);
      expect(await store.roomWaitlist.findByOfferToken(prepared[0]?.tokenHash ?? '')).toMatchObject({ email: 'both@example.jp' });
      expect(await held(room)).toEqual(new Set([`${DAY}T09:00`, `${DAY}T13:00`]));
    });

    it('turns an accepted offer into the booking of the held segments, once, as a 仮予約 where asked', async () => {
      const room = freshRoom();
      const code = await bookedMorning(room);
      await store.roomWaitlist.join(roomEntry(room, 'first@example.jp', ['09:00']));
      await store.facilities.cancel(code, NOW);
      const prepared = roomOffers(1);
      await store.roomWaitlist.settle(dayOf(room), NOW, prepared);
      const tokenHash = prepared[0]?.tokenHash ?? '';
      const idempotency = { scope: 'facilities.waitlist.accept', key: crypto.randomUUID(), requestHash: 'hash' };
      const booking = {
        code: 'ROOM2345',
        tokenHash: 'room-booking-token',
        fee: 1200,
        status: 'provisional' as const,
        provisionalUntil: '2026-12-08T15:00:00.000Z',
        applyBy: '2026-12-08',
        mails: [],
        now: NOW,
      };
      expect(await store.roomWaitlist.accept(tokenHash, booking, idempotency, answer)).toEqual({ replayed: false, value: 'booked' });
      expect(await store.roomWaitlist.accept(tokenHash, booking, idempotency, answer)).toEqual({ replayed: true, responseJson: answer() });
      expect(await store.roomWaitlist.accept(tokenHash, { ...booking, code: 'ROOM2346' }, null, answer)).toEqual({ replayed: false, value: 'not-offered' });
      expect(await store.facilities.find('ROOM2345')).toMatchObject({
        roomId: room,
        dates: [DAY],
        blockIds: ['09:00'],
        status: 'provisional',
        applyBy: '2026-12-08',
        nameKana: 'トウガネ ハナコ',
        email: 'first@example.jp',
      });
      expect(await store.roomWaitlist.findByOfferToken(tokenHash)).toMatchObject({ state: 'accepted', bookingCode: 'ROOM2345' });
      expect(await held(room)).toEqual(new Set([`${DAY}T09:00`]));
      // The booking holds the segments as any booking does: cancelling it frees them.
      expect(await store.facilities.cancel('ROOM2345', NOW)).toBe('cancelled');
      expect(await held(room)).toEqual(new Set());
    });

    it('passes a lapsed or declined offer down, freeing its segments, and refuses accepting it after', async () => {
      const room = freshRoom();
      const code = await bookedMorning(room);
      for (const email of ['first@example.jp', 'second@example.jp']) await store.roomWaitlist.join(roomEntry(room, email, ['09:00']));
      await store.facilities.cancel(code, NOW);
      const first = roomOffers(1);
      await store.roomWaitlist.settle(dayOf(room), NOW, first);
      const second = roomOffers(1, '2026-12-01T04:00:00.000Z');
      expect(await store.roomWaitlist.settle(dayOf(room), AFTER_HOLD, second)).toBe(1);
      const booking = {
        code: 'LATE3456',
        tokenHash: 'late',
        fee: 0,
        status: 'booked' as const,
        provisionalUntil: null,
        applyBy: null,
        mails: [],
        now: AFTER_HOLD,
      };
      expect(await store.roomWaitlist.accept(first[0]?.tokenHash ?? '', booking, null, answer)).toEqual({ replayed: false, value: 'not-offered' });
      expect(await store.roomWaitlist.findByOfferToken(first[0]?.tokenHash ?? '')).toMatchObject({ state: 'expired' });
      expect(await store.roomWaitlist.findByOfferToken(second[0]?.tokenHash ?? '')).toMatchObject({ state: 'offered', email: 'second@example.jp' });
      expect(await store.roomWaitlist.decline(second[0]?.tokenHash ?? '', AFTER_HOLD)).toBe('declined');
      expect(await store.roomWaitlist.decline(second[0]?.tokenHash ?? '', AFTER_HOLD)).toBe('not-offered');
      // Nobody is left waiting: the segment is the public's again.
      expect(await store.roomWaitlist.settle(dayOf(room), AFTER_HOLD, roomOffers(1))).toBe(0);
      expect(await held(room)).toEqual(new Set());
      expect(await publicBooking(room, ['09:00'])).toEqual({ replayed: false, value: 'booked' });
    });

    it('offers a freed segment once, whatever the number of settlements racing, and never to an offer and a booking both', async () => {
      const room = freshRoom();
      const code = await bookedMorning(room);
      for (let index = 0; index < 3; index++) await store.roomWaitlist.join(roomEntry(room, `person${String(index)}@example.jp`, ['09:00']));
      await store.facilities.cancel(code, NOW);
      const outcomes = await Promise.all([
        ...Array.from({ length: 6 }, () => store.roomWaitlist.settle(dayOf(room), NOW, roomOffers(2))),
        ...Array.from({ length: 4 }, () => publicBooking(room, ['09:00'])),
      ]);
      const offersMade = outcomes.slice(0, 6).reduce<number>((sum, made) => sum + (made as number), 0);
      const booked = outcomes.slice(6).filter((outcome) => typeof outcome === 'object' && outcome.replayed === false && outcome.value === 'booked').length;
      // One holder: an offer, or (if a booking came first) a booking, never both nor two.
      expect(offersMade + booked).toBe(1);
      expect(await held(room)).toEqual(new Set([`${DAY}T09:00`]));
    });

    it('deletes names, phones, addresses and offer mails with the retention rule', async () => {
      const room = freshRoom();
      const code = await bookedMorning(room);
      await store.roomWaitlist.join(roomEntry(room, 'first@example.jp', ['09:00']));
      await store.facilities.cancel(code, NOW);
      const prepared = roomOffers(1);
      await store.roomWaitlist.settle(dayOf(room), NOW, prepared);
      expect(await store.roomWaitlist.deletePersonalDataUpTo(DAY, NOW)).toBeGreaterThanOrEqual(1);
      expect(await store.roomWaitlist.findByOfferToken(prepared[0]?.tokenHash ?? '')).toMatchObject({
        purpose: null,
        groupName: null,
        nameKana: null,
        phone: null,
        email: null,
      });
      const mails = (await store.outbox.claimDue(NOW, LEASE_UNTIL, 10_000)).filter((mail) => mail.body.includes(prepared[0]?.tokenHash ?? '?'));
      expect(mails).toEqual([]);
    });
  });
}
