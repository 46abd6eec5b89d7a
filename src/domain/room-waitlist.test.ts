import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { facilitiesContent } from '../content/facilities.ts';
import { roomJoinRefusal, roomOfferHeldUntil, roomOfferMail, type RoomQueueDay, type RoomQueueEntry, settleRoomQueue } from './room-waitlist.ts';

const SEGMENTS = ['09:00', '12:00', '13:00', '17:00', '18:00'];
const NOW = new Date('2026-12-01T00:00:00Z');

const entryArbitrary = fc.record({
  state: fc.constantFrom<'waiting' | 'offered'>('waiting', 'offered'),
  segments: fc.uniqueArray(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 3 }),
  // Minutes from NOW the offer lapses at (≤ 0: already lapsed).
  heldFor: fc.integer({ min: -60, max: 60 }),
});

/**
 * A room day as a store could hold it: held offers' segments are taken (each by one holder), and
 * other segments taken by bookings.
 */
const dayArbitrary = fc
  .tuple(fc.array(entryArbitrary, { maxLength: 8 }), fc.uniqueArray(fc.constantFrom(...SEGMENTS), { maxLength: 5 }))
  .map(([raw, booked]) => {
    const taken = new Set(booked);
    const entries: RoomQueueEntry[] = [];
    raw.forEach((entry, index) => {
      const canHold = entry.segments.every((segment) => !taken.has(segment));
      const state = entry.state === 'offered' && canHold ? 'offered' : 'waiting';
      if (state === 'offered') for (const segment of entry.segments) taken.add(segment);
      entries.push({
        id: index + 1,
        state,
        heldUntil: state === 'offered' ? new Date(NOW.getTime() + entry.heldFor * 60_000).toISOString() : null,
        segments: entry.segments,
      });
    });
    return { taken, entries } satisfies RoomQueueDay;
  });

describe('the room キャンセル待ち queue', () => {
  it('never offers a segment that is taken, nor one segment to two people', () => {
    fc.assert(
      fc.property(dayArbitrary, fc.integer({ min: 0, max: 10 }), (day, possible) => {
        const step = settleRoomQueue(day, NOW, possible);
        const stillHeld = day.entries.filter((entry) => entry.state === 'offered' && !step.expire.includes(entry.id));
        const lapsedSegments = new Set(day.entries.filter((entry) => step.expire.includes(entry.id)).flatMap((entry) => entry.segments));
        const offered = day.entries.filter((entry) => step.offer.includes(entry.id));
        const holders = [...stillHeld, ...offered].flatMap((entry) => entry.segments);
        expect(new Set(holders).size).toBe(holders.length);
        const bookedNow = [...day.taken].filter((segment) => !day.entries.some((entry) => entry.state === 'offered' && entry.segments.includes(segment)));
        for (const entry of offered) for (const segment of entry.segments) expect(bookedNow).not.toContain(segment);
        expect(step.offer.length).toBeLessThanOrEqual(possible);
        // What lapsed is free again unless someone was offered it.
        for (const segment of lapsedSegments) expect(stillHeld.flatMap((entry) => entry.segments)).not.toContain(segment);
      }),
    );
  });

  it('offers in the order people joined: nobody behind gets a segment someone ahead is waiting for', () => {
    fc.assert(
      fc.property(dayArbitrary, (day) => {
        const step = settleRoomQueue(day, NOW, Number.MAX_SAFE_INTEGER);
        const waiting = day.entries.filter((entry) => entry.state === 'waiting');
        for (const later of waiting.filter((entry) => step.offer.includes(entry.id))) {
          for (const earlier of waiting.filter((entry) => entry.id < later.id && !step.offer.includes(entry.id))) {
            expect(earlier.segments.filter((segment) => later.segments.includes(segment))).toEqual([]);
          }
        }
      }),
    );
  });

  it('lets exactly the lapsed offers expire, and passes what frees down to the next whose blocks are all free', () => {
    fc.assert(
      fc.property(dayArbitrary, (day) => {
        const step = settleRoomQueue(day, NOW, Number.MAX_SAFE_INTEGER);
        const lapsed = day.entries.filter((entry) => entry.state === 'offered' && Date.parse(entry.heldUntil ?? '') <= NOW.getTime());
        expect(step.expire).toEqual(lapsed.map((entry) => entry.id));
        // Nobody left waiting could have been offered: each has a segment taken, or wanted by someone ahead.
        const claimed = new Set([...day.taken].filter((segment) => !lapsed.some((entry) => entry.segments.includes(segment))));
        for (const entry of day.entries.filter((candidate) => candidate.state === 'waiting')) {
          const free = entry.segments.every((segment) => !claimed.has(segment));
          expect(step.offer.includes(entry.id)).toBe(free);
          for (const segment of entry.segments) claimed.add(segment);
        }
      }),
    );
  });

  it('makes no offer when none may be made (too close to the day)', () => {
    const day: RoomQueueDay = { taken: new Set(), entries: [{ id: 1, state: 'waiting', heldUntil: null, segments: ['09:00'] }] };
    expect(settleRoomQueue(day, NOW, 0).offer).toEqual([]);
    expect(settleRoomQueue(day, NOW, 1).offer).toEqual([1]);
  });

  it('refuses to queue for free blocks, for the city’s own use, twice for one contact, or past the limit', () => {
    const day = {
      taken: new Set(['09:00', '12:00']),
      cityHeld: new Set(['12:00']),
      entries: [{ id: 1, state: 'waiting' as const, heldUntil: null, segments: ['09:00'] }],
    };
    expect(roomJoinRefusal(day, ['13:00'], false, 5)).toBe('blocks-free');
    expect(roomJoinRefusal(day, ['09:00', '12:00'], false, 5)).toBe('city-use');
    expect(roomJoinRefusal(day, ['09:00', '13:00'], true, 5)).toBe('already-waiting');
    expect(roomJoinRefusal(day, ['09:00'], false, 1)).toBe('queue-full');
    expect(roomJoinRefusal(day, ['09:00', '13:00'], false, 5)).toBeNull();
  });
});

describe('roomOfferHeldUntil', () => {
  const room = { window: { opens: { kind: 'months-ahead' as const, months: 2 }, closesDaysBefore: 1 } };
  it('holds for the content’s time, but never past the end of the last day the room can be booked for that day', () => {
    // 12/10 closes for booking at the end of 12/9 (Japan time) = 12/9 15:00 UTC.
    expect(roomOfferHeldUntil(new Date('2026-12-01T00:00:00Z'), '2026-12-10', room, 120)?.toISOString()).toBe('2026-12-01T02:00:00.000Z');
    expect(roomOfferHeldUntil(new Date('2026-12-09T14:00:00Z'), '2026-12-10', room, 120)?.toISOString()).toBe('2026-12-09T15:00:00.000Z');
    expect(roomOfferHeldUntil(new Date('2026-12-09T14:50:00Z'), '2026-12-10', room, 120)).toBeNull();
  });
  it('never holds into the day itself, even where booking closes on it', () => {
    const sameDay = { window: { ...room.window, closesDaysBefore: 0 } };
    expect(roomOfferHeldUntil(new Date('2026-12-09T14:00:00Z'), '2026-12-10', sameDay, 120)?.toISOString()).toBe('2026-12-09T15:00:00.000Z');
  });
});

describe('roomOfferMail', () => {
  it('says the room, the day, the blocks, the deadline and the link, and nothing personal', () => {
    const facility = facilitiesContent.facilities.find((candidate) => candidate.id === 'bunka-kaikan');
    const room = facility?.rooms[0];
    if (!facility || !room) throw new Error('content changed');
    const mail = roomOfferMail({
      facility,
      room,
      date: '2027-02-10',
      blockIds: ['morning'],
      heldUntil: new Date('2026-12-02T03:00:00Z'),
      acceptUrl: 'https://example.jp/facilities/waitlist#token=abc',
    });
    expect(mail.subject).toContain('東金文化会館');
    expect(mail.body).toContain(room.name);
    expect(mail.body).toContain('2027年2月10日');
    expect(mail.body).toContain('午前');
    expect(mail.body).toContain('12月2日（水） 12:00まで');
    expect(mail.body).toContain('https://example.jp/facilities/waitlist#token=abc');
  });
});
