import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answer, facilityBooking, freshRoom } from '../../booking/store-contract.ts';
import type { ServerStoreUnderTest } from './outbox-contract.ts';
import type { NewRoomBlockRecord } from './staff-store.ts';
import type { Store } from './store.ts';

const NOW = '2026-11-24T01:00:00.000Z';
const DAY = '2026-12-15';
const FACILITY = 'chuo-kominkan';

/**
 * What every server store must keep about the facility desk's blocks of a room (SQLite,
 * PostgreSQL): a block and a citizen's booking never hold the same segment, whichever comes first
 * and however close together; a refused block changes nothing and names the bookings in the way.
 */
export function describeRoomBlockContract(name: string, makeStore: () => Promise<ServerStoreUnderTest>): void {
  describe(`the room block contract: ${name}`, () => {
    let subject: ServerStoreUnderTest;
    let store: Store;
    let accountId: number;
    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
      const loginName = `shisetsu.${crypto.randomUUID().slice(0, 8)}`;
      await store.staff.addAccount({ loginName, displayName: '施設 太郎', role: 'facility', passwordHash: 'x', now: NOW });
      accountId = (await store.staff.findAccount(loginName))?.id ?? -1;
    });
    afterEach(() => subject.close());

    const block = (roomId: string, segments: string[], extra: Partial<NewRoomBlockRecord> = {}): NewRoomBlockRecord => ({
      facilityId: FACILITY,
      roomId,
      date: DAY,
      blockIds: segments,
      segments,
      reason: '設備点検',
      accountId,
      now: NOW,
      ...extra,
    });
    const held = async (roomId: string) => [...(await store.facilities.heldSegments(FACILITY, roomId, DAY, DAY, NOW))].sort();

    it('blocks free segments, which citizens then cannot book; unblocking frees them at once', async () => {
      const room = freshRoom();
      const outcome = await store.staff.blockRoom(block(room, ['09:00', '12:00']));
      expect(outcome).toMatchObject({ blocked: true });
      expect(await held(room)).toEqual([`${DAY}T09:00`, `${DAY}T12:00`]);
      expect(await store.facilities.book(facilityBooking(room, [DAY], ['12:00']), null, answer)).toEqual({ replayed: false, value: 'taken' });

      const listed = (await store.staff.listRoomBlocks(DAY)).filter((row) => row.roomId === room);
      expect(listed).toEqual([
        {
          id: outcome.blocked ? outcome.id : -1,
          facilityId: FACILITY,
          roomId: room,
          date: DAY,
          blockIds: ['09:00', '12:00'],
          reason: '設備点検',
          createdAt: NOW,
          createdBy: '施設 太郎',
        },
      ]);
      expect(await store.staff.unblockRoom(listed[0]?.id ?? -1)).toMatchObject({ roomId: room, reason: '設備点検' });
      expect(await store.staff.unblockRoom(listed[0]?.id ?? -1)).toBeNull();
      expect(await held(room)).toEqual([]);
      expect(await store.facilities.book(facilityBooking(room, [DAY], ['12:00']), null, answer)).toEqual({ replayed: false, value: 'booked' });
    });

    it('refuses where bookings are held, names them, and changes nothing', async () => {
      const room = freshRoom();
      const booked = facilityBooking(room, [DAY], ['09:00']);
      const provisional = facilityBooking(room, [DAY], ['13:00'], { status: 'provisional', provisionalUntil: '2026-11-30T15:00:00.000Z' });
      await store.facilities.book(booked, null, answer);
      await store.facilities.book(provisional, null, answer);

      const outcome = await store.staff.blockRoom(block(room, ['09:00', '12:00', '13:00']));
      expect(outcome).toEqual({
        blocked: false,
        alreadyBlocked: false,
        bookings: [
          { code: booked.code, blockIds: ['09:00'], status: 'booked' },
          { code: provisional.code, blockIds: ['13:00'], status: 'provisional' },
        ].sort((a, b) => (a.code < b.code ? -1 : 1)),
      });
      expect((await store.staff.listRoomBlocks(DAY)).filter((row) => row.roomId === room)).toEqual([]);
      expect(await held(room)).toEqual([`${DAY}T09:00`, `${DAY}T13:00`]);
    });

    it('is not refused by a 仮予約 past its deadline, which it releases', async () => {
      const room = freshRoom();
      const expired = facilityBooking(room, [DAY], ['09:00'], { status: 'provisional', provisionalUntil: '2026-11-24T00:00:00.000Z' });
      await store.facilities.book(expired, null, answer);
      expect(await store.staff.blockRoom(block(room, ['09:00']))).toMatchObject({ blocked: true });
      expect((await store.facilities.find(expired.code))?.status).toBe('released');
    });

    it('refuses a block over another block, and lets a block of another room or day through', async () => {
      const room = freshRoom();
      expect(await store.staff.blockRoom(block(room, ['09:00']))).toMatchObject({ blocked: true });
      expect(await store.staff.blockRoom(block(room, ['09:00', '12:00']))).toEqual({ blocked: false, bookings: [], alreadyBlocked: true });
      expect(await store.staff.blockRoom(block(freshRoom(), ['09:00']))).toMatchObject({ blocked: true });
      expect(await store.staff.blockRoom(block(room, ['09:00'], { date: '2026-12-16' }))).toMatchObject({ blocked: true });
    });

    // The bookings ask for 09:00 or for 12:00+13:00, which do not overlap each other: either the
    // block wins and no booking does, or the block is refused and one or two bookings win. A refused
    // block names the bookings its own transaction saw, so a second booking that commits after the
    // refusal is a winner the refusal cannot name; every booking it names is a winner.
    it('never lets a block and a booking share a segment: 20 bookings and a block at once, the block or the bookings win', async () => {
      for (let round = 0; round < 3; round++) {
        const room = freshRoom();
        const requests = Array.from({ length: 20 }, (_, index) => facilityBooking(room, [DAY], index % 2 ? ['09:00'] : ['12:00', '13:00']));
        const [blocked, ...booked] = await Promise.all([
          store.staff.blockRoom(block(room, ['09:00', '12:00'])),
          ...requests.map((request) => store.facilities.book(request, null, answer)),
        ]);
        const winners = requests.filter((_, index) => booked[index]?.replayed === false && booked[index]?.value === 'booked').map((request) => request.code);
        if (blocked?.blocked) expect(winners).toEqual([]);
        else {
          expect(winners.length).toBeGreaterThanOrEqual(1);
          expect(winners.length).toBeLessThanOrEqual(2);
          expect(blocked?.bookings.length).toBeGreaterThanOrEqual(1);
          for (const named of blocked?.bookings ?? []) expect(winners).toContain(named.code);
        }
        const segments = await held(room);
        expect(new Set(segments).size).toBe(segments.length);
      }
    });

    it("lists a room's day: bookings in force with their payment, and its blocks", async () => {
      const room = freshRoom();
      const paid = facilityBooking(room, ['2026-12-14', DAY], ['09:00']);
      const provisional = facilityBooking(room, [DAY], ['13:00'], { status: 'provisional', provisionalUntil: '2026-11-30T15:00:00.000Z' });
      const otherDay = facilityBooking(room, ['2026-12-16'], ['09:00']);
      const cancelled = facilityBooking(room, [DAY], ['18:00']);
      for (const booking of [paid, provisional, otherDay, cancelled]) await store.facilities.book(booking, null, answer);
      await store.facilities.cancel(cancelled.code, NOW);
      expect(await store.staff.recordFeePayment({ code: paid.code, method: 'cash', receiptNumber: 'R-1', accountId, now: NOW })).toEqual({ recorded: true });
      await store.staff.blockRoom(block(room, ['12:00'], { reason: '市の行事' }));

      const day = await store.staff.roomDay(FACILITY, room, DAY, NOW);
      expect(day.bookings.sort((a, b) => (a.code < b.code ? -1 : 1))).toEqual(
        [
          { code: paid.code, blockIds: ['09:00'], status: 'booked', paid: true, groupName: '東金の会', headCount: 10 },
          { code: provisional.code, blockIds: ['13:00'], status: 'provisional', paid: false, groupName: '東金の会', headCount: 10 },
        ].sort((a, b) => (a.code < b.code ? -1 : 1)),
      );
      expect(day.blocks).toMatchObject([{ roomId: room, date: DAY, blockIds: ['12:00'], reason: '市の行事' }]);
      // Past the 仮予約's deadline it is no longer on the day.
      expect((await store.staff.roomDay(FACILITY, room, DAY, '2026-12-01T00:00:00.000Z')).bookings.map((row) => row.code)).toEqual([paid.code]);
    });
  });
}
