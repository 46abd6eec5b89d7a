import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import counterJson from '../content/mynumber-counter.json';
import { type CounterCalendar, counterDays, slotStarts } from './counter-calendar.ts';
import { japanClock, timeKey } from './japan-time.ts';
import { desksLabel, desksRefusalMessage } from './staff-desks.ts';

const calendar = { ...(counterJson as CounterCalendar), closures: [] };
// Tuesday 24 November 2026, 10:00 in Japan.
const now = japanClock(new Date('2026-11-24T01:00:00Z'));

describe('desksRefusalMessage', () => {
  it('names each slot over the new number, and the least number that would do', () => {
    expect(
      desksRefusalMessage(1, [
        { slot: '2026-12-01T09:30', booked: 2 },
        { slot: '2026-12-01T14:00', booked: 3 },
      ]),
    ).toBe(
      '受付数を1にすると、すでに予約が入っている次の枠が受付数を超えます：9:30（2件）、14:00（3件）。予約を別の枠に移してから減らすか、3以上にしてください。',
    );
  });

  it('says the content’s default as such', () => {
    expect(desksLabel(null, 2)).toBe('2（既定）');
    expect(desksLabel(4, 2)).toBe('4');
  });
});

describe('counterDays on a day whose desks the administrator set', () => {
  it('offers the day’s desks, less what is booked, never below 0; a closed slot stays closed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 15, maxLength: 15 }), (desks, booked) => {
        const taken = new Map(
          slotStarts(calendar).map((start, index) => {
            const held = Math.min(booked[index] ?? 0, desks);
            return [`2026-12-01T${timeKey(start)}`, { booked: held, capacity: index === 0 ? 0 : desks, dayDesks: desks }] as const;
          }),
        );
        const [day] = counterDays('2026-12-01', '2026-12-01', now, calendar, taken);
        day?.slots.forEach((slot, index) => {
          const held = Math.min(booked[index] ?? 0, desks);
          expect(slot.seatsLeft).toBe(index === 0 ? 0 : desks - held);
        });
      }),
    );
  });
});
