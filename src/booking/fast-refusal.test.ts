import { describe, expect, it } from 'vitest';
import { counter as counterContent } from '../content/counter.ts';
import { facilitiesContent } from '../content/facilities.ts';
import { createPracticeStore, memoryStorage } from '../practice/practice-store.ts';
import type { AttemptGuard } from './attempt-guard.ts';
import { createCounterService } from './counter-service.ts';
import { createFacilityService } from './facility-service.ts';
import type { BookingStore } from './store.ts';

// Tuesday 24 November 2026, 10:00 in Japan.
const now = () => new Date('2026-11-24T01:00:00Z');
const everyTry: AttemptGuard = { guard: async (_subjects, check) => ({ allowed: true, value: (await check()).value }) };
const visitor = {
  kindId: 'card-pickup',
  slot: { date: '2026-12-01', time: '09:00' },
  nameKana: 'トウガネ',
  phone: '0475501210',
  email: '',
  people: 1,
  proxy: false,
};

/** The 文化会館's meeting room, the morning of 2 December 2026. */
const morning = {
  facilityId: 'bunka-kaikan',
  roomId: 'meeting-1',
  dates: ['2026-12-02'],
  blockIds: ['morning'],
  residency: 'resident' as const,
  group: 'general' as const,
  purpose: '会議',
  headCount: 10,
  groupName: '',
  nameKana: 'トウガネ',
  phone: '0475501210',
};

/** A store that counts the booking transactions it is asked for. */
function countingStore(): { store: BookingStore; transactions: () => number } {
  const store = createPracticeStore(memoryStorage(), 'refusal');
  let transactions = 0;
  const counterBook = store.counter.book.bind(store.counter);
  const facilityBook = store.facilities.book.bind(store.facilities);
  store.counter.book = (...args) => ((transactions += 1), counterBook(...args));
  store.facilities.book = (...args) => ((transactions += 1), facilityBook(...args));
  return { store, transactions: () => transactions };
}

/** The facility service as one process (SQLite, the practice mode) runs it: it sees every change. */
function roomService(store: ReturnType<typeof countingStore>['store']) {
  return createFacilityService({
    content: facilitiesContent,
    store,
    lookupGuard: everyTry,
    mail: null,
    now,
    sampleFacilitiesBookable: true,
    seesEveryChange: true,
  });
}

describe('the fast refusal of a slot seen full', () => {
  it('refuses without a transaction once the store said full, and not where another process may free seats', async () => {
    for (const seesEveryChange of [true, false]) {
      const { store, transactions } = countingStore();
      const counter = createCounterService({
        content: counterContent,
        store,
        lookupGuard: everyTry,
        notifications: { mail: null, push: null },
        now,
        seesEveryChange,
      });
      await counter.create(visitor, null);
      await counter.create(visitor, null);
      expect(await counter.create(visitor, null)).toHaveProperty('refused.status', 409);
      expect(transactions()).toBe(3);
      expect(await counter.create(visitor, null)).toHaveProperty('refused.status', 409);
      expect(transactions()).toBe(seesEveryChange ? 3 : 4);
    }
  });

  it('refuses a request with an Idempotency-Key so too, unless its key holds a booking: that is replayed', async () => {
    const { store, transactions } = countingStore();
    const counter = createCounterService({
      content: counterContent,
      store,
      lookupGuard: everyTry,
      notifications: { mail: null, push: null },
      now,
      seesEveryChange: true,
    });
    await counter.create(visitor, 'key-first');
    const last = await counter.create(visitor, 'key-last');
    expect(await counter.create(visitor, 'key-late')).toHaveProperty('refused.status', 409);
    expect(transactions()).toBe(3);
    // The slot is known full now: another key is refused at once, the last seat's retry gets its booking.
    expect(await counter.create(visitor, 'key-later')).toHaveProperty('refused.status', 409);
    expect(transactions()).toBe(3);
    expect(await counter.create(visitor, 'key-last')).toEqual({ ...last, replayed: true });
    expect(transactions()).toBe(4);
    // A retry of a refused request was never kept: refused at once as well.
    expect(await counter.create(visitor, 'key-late')).toHaveProperty('refused.status', 409);
    expect(transactions()).toBe(4);
  });

  it('learns full slots from the availability it reads, and forgets them when a cancel frees a seat', async () => {
    const { store, transactions } = countingStore();
    const counter = createCounterService({
      content: counterContent,
      store,
      lookupGuard: everyTry,
      notifications: { mail: null, push: null },
      now,
      seesEveryChange: true,
    });
    const first = await counter.create(visitor, null);
    await counter.create(visitor, null);
    await counter.availability('2026-12-01', '2026-12-01');
    expect(await counter.create(visitor, null)).toHaveProperty('refused.status', 409);
    expect(transactions()).toBe(2);
    if (!('created' in first)) throw new Error('the first booking was refused');
    await counter.cancel(first.created.reservation.code, first.created.token);
    expect(await counter.create(visitor, null)).toHaveProperty('created.reservation.status', 'booked');
    expect(transactions()).toBe(3);
  });

  it('refuses a room’s block this process booked, and books it again after the cancel', async () => {
    const { store, transactions } = countingStore();
    const facilities = roomService(store);
    const first = await facilities.create(morning, null);
    expect(await facilities.create({ ...morning, blockIds: ['all-day'] }, null)).toHaveProperty('refused.status', 409);
    expect(transactions()).toBe(1);
    if (!('created' in first)) throw new Error('the first booking was refused');
    await facilities.cancel(first.created.booking.code, first.created.token);
    expect(await facilities.create({ ...morning, blockIds: ['all-day'] }, null)).toHaveProperty('created.booking.code');
    expect(transactions()).toBe(2);
  });

  it('refuses a room’s block taken to another Idempotency-Key at once, and replays the booking to its own key', async () => {
    const { store, transactions } = countingStore();
    const facilities = roomService(store);
    const first = await facilities.create(morning, 'key-first');
    expect(await facilities.create({ ...morning, blockIds: ['all-day'] }, 'key-other')).toHaveProperty('refused.status', 409);
    expect(transactions()).toBe(1);
    expect(await facilities.create(morning, 'key-first')).toEqual({ ...first, replayed: true });
    expect(transactions()).toBe(2);
  });
});
