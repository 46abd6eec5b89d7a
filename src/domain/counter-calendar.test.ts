import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import counterJson from '../content/mynumber-counter.json';
import { type CounterCalendar, checkSlot, cityClosedHours, closedReason, counterDays, lastBookableDate, slotStarts } from './counter-calendar.ts';
import { dayAvailability } from './day-availability.ts';
import { addDays, japanClock, parseTime, timeKey } from './japan-time.ts';

const calendar: CounterCalendar = { ...(counterJson as CounterCalendar), closures: [{ date: '2026-12-10', reason: 'システム点検' }] };
// Tuesday 24 November 2026, 10:00 in Japan.
const now = japanClock(new Date('2026-11-24T01:00:00Z'));

describe('closedReason', () => {
  it('closes on weekends, public holidays (with substitute days), 12/29–1/3 and content closures', () => {
    expect(closedReason('2026-11-28', calendar)).toEqual({ kind: 'weekend' });
    expect(closedReason('2026-11-23', calendar)).toEqual({ kind: 'holiday', name: '勤労感謝の日' });
    expect(closedReason('2026-05-06', calendar)).toEqual({ kind: 'holiday', name: 'こどもの日 振替休日' });
    expect(closedReason('2026-09-22', calendar)).toEqual({ kind: 'holiday', name: '休日' }); // 国民の休日
    expect(closedReason('2027-03-22', calendar)).toMatchObject({ kind: 'holiday', name: expect.stringContaining('振替休日') as string });
    expect(closedReason('2026-12-29', calendar)).toEqual({ kind: 'year-end' });
    expect(closedReason('2027-01-04', calendar)).toBeNull();
    expect(closedReason('2026-12-10', calendar)).toEqual({ kind: 'closure', reason: 'システム点検' });
    expect(closedReason('2026-12-01', calendar)).toBeNull();
  });

  it('refuses to guess beyond the holiday table', () => {
    expect(closedReason('2029-01-10', calendar)).toEqual({ kind: 'unknown' });
  });
});

describe('slots', () => {
  it('fills the opening hours with whole slots', () => {
    const starts = slotStarts(calendar);
    expect(starts[0]).toBe(9 * 60);
    expect((starts.at(-1) ?? 0) + calendar.slotMinutes).toBeLessThanOrEqual(16 * 60 + 30);
    expect(starts).toHaveLength(15);
  });

  it('books only open days, real slots, inside the window and not too late', () => {
    expect(checkSlot('2026-12-01', 9 * 60, now, calendar)).toBeNull();
    expect(checkSlot('2026-11-28', 9 * 60, now, calendar)).toBe('closed-day');
    expect(checkSlot('2026-12-01', 9 * 60 + 10, now, calendar)).toBe('not-a-slot');
    expect(checkSlot('2026-11-24', 10 * 60 + 30, now, calendar)).toBe('too-late');
    expect(checkSlot('2026-11-24', 11 * 60, now, calendar)).toBeNull();
    expect(checkSlot(addDays(lastBookableDate(now, calendar), 1), 9 * 60, now, calendar)).not.toBeNull();
  });

  it('never allows a slot that starts less than the closing margin from now', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        (dayOffset, slotIndex, nowMinutes) => {
          const clock = { date: '2026-12-01', minutes: nowMinutes };
          const start = slotStarts(calendar)[slotIndex] ?? 0;
          const date = addDays(clock.date, dayOffset);
          if (checkSlot(date, start, clock, calendar) === null) {
            expect(dayOffset * 24 * 60 + start - nowMinutes).toBeGreaterThanOrEqual(calendar.closesMinutesBefore);
            expect(closedReason(date, calendar)).toBeNull();
          }
        },
      ),
    );
  });
});

describe('dayAvailability', () => {
  it('marks ○ with room, △ when a quarter or less is left, × when full', () => {
    expect(dayAvailability([2, 2, 2, 2], 2)).toBe('open');
    expect(dayAvailability([2, 0, 1, 0], 2)).toBe('open');
    expect(dayAvailability([1, 0, 1, 0], 2)).toBe('few');
    expect(dayAvailability([1, 0, 0, 0], 2)).toBe('few');
    expect(dayAvailability([0, 0, 0, 0], 2)).toBe('full');
    expect(dayAvailability([], 2)).toBe('closed');
  });

  it('is full exactly when no seat is left', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 20 }), (seats) => {
        expect(dayAvailability(seats, 3) === 'full').toBe(seats.every((seat) => seat === 0));
      }),
    );
  });
});

describe('counterDays', () => {
  it('offers no seat in a slot that holds less than the content gives (a closed slot holds 0)', () => {
    const taken = new Map([
      ['2026-12-01T10:00', { booked: 0, capacity: 0 }],
      ['2026-12-01T10:30', { booked: 1, capacity: 2 }],
      ['2026-12-01T11:00', { booked: 0, capacity: 5 }],
    ]);
    const slots = counterDays('2026-12-01', '2026-12-01', now, calendar, taken)[0]?.slots ?? [];
    const seats = Object.fromEntries(slots.map((slot) => [slot.time, [slot.seatsLeft, slot.bookable]]));
    expect(seats['10:00']).toEqual([0, false]);
    expect(seats['10:30']).toEqual([1, true]);
    // More than the content's desks is never offered.
    expect(seats['11:00']).toEqual([calendar.desksPerSlot, true]);
  });

  it('closes a day the city closed in every slot, with the city’s reason; a day closed in some slots stays open in the others', () => {
    const reason = 'システムの点検のため';
    const closedAllDay = new Map(slotStarts(calendar).map((start) => [`2026-12-01T${timeKey(start)}`, { booked: 0, capacity: 0, closedFor: reason }]));
    expect(counterDays('2026-12-01', '2026-12-01', now, calendar, closedAllDay)).toEqual([
      { date: '2026-12-01', availability: 'closed', closedReason: reason, slots: [] },
    ]);
    const closedMorning = new Map([['2026-12-01T10:00', { booked: 0, capacity: 0, closedFor: reason }]]);
    const [day] = counterDays('2026-12-01', '2026-12-01', now, calendar, closedMorning);
    expect(day?.availability).not.toBe('closed');
    expect(day?.slots.find((slot) => slot.time === '10:00')).toEqual({ time: '10:00', seatsLeft: 0, bookable: false, closedReason: reason });
    expect(day?.slots.find((slot) => slot.time === '10:30')).toMatchObject({ bookable: true, closedReason: null });
  });

  it('tells which hours of a partly closed day the city closed, and why', () => {
    const taken = new Map([
      ['2026-12-01T10:00', { booked: 0, capacity: 0, closedFor: 'システムの点検のため' }],
      ['2026-12-01T10:30', { booked: 0, capacity: 0, closedFor: 'システムの点検のため' }],
      ['2026-12-01T13:00', { booked: 0, capacity: 0, closedFor: '職員の研修のため' }],
      ['2026-12-01T14:00', { booked: 2, capacity: 2 }],
    ]);
    const [day] = counterDays('2026-12-01', '2026-12-01', now, calendar, taken);
    if (!day) throw new Error('no day');
    expect(day.closedReason).toBeNull();
    // A full slot is not a closed one.
    expect(day.slots.find((slot) => slot.time === '14:00')).toMatchObject({ seatsLeft: 0, closedReason: null });
    expect(cityClosedHours(day, calendar.slotMinutes)).toEqual([
      { hours: '10:00～11:00', reason: 'システムの点検のため' },
      { hours: '13:00～13:30', reason: '職員の研修のため' },
    ]);
  });

  it('gives no closed hours for an open day', () => {
    const [day] = counterDays('2026-12-01', '2026-12-01', now, calendar, new Map());
    expect(day && cityClosedHours(day, calendar.slotMinutes)).toEqual([]);
  });
});

describe('cityClosedHours', () => {
  it('makes one span of neighbouring slots closed for one reason, and two where the reason or a gap separates them', () => {
    const slot = (time: string, closedReason: string | null) => ({ time, seatsLeft: 0, bookable: false, closedReason });
    const day = {
      date: '2026-12-01',
      availability: 'few' as const,
      closedReason: null,
      slots: [slot('09:00', 'A'), slot('09:30', 'A'), slot('10:00', 'B'), slot('10:30', null), slot('11:00', 'B'), slot('11:30', 'B')],
    };
    expect(cityClosedHours(day, 30)).toEqual([
      { hours: '9:00～10:00', reason: 'A' },
      { hours: '10:00～10:30', reason: 'B' },
      { hours: '11:00～12:00', reason: 'B' },
    ]);
  });

  it('covers exactly the closed slots, whatever the day holds (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<string | null>(null, '点検', '研修'), { maxLength: 16 }), (reasons) => {
        const slots = reasons.map((closedReason, index) => ({ time: timeKey(540 + index * 30), seatsLeft: 0, bookable: false, closedReason }));
        const spans = cityClosedHours({ date: '2026-12-01', availability: 'full', closedReason: null, slots }, 30);
        const covered = spans.reduce((sum, { hours }) => {
          const [from, to] = hours.split('～').map((time) => parseTime(time.padStart(5, '0')) ?? 0);
          return sum + ((to ?? 0) - (from ?? 0)) / 30;
        }, 0);
        return covered === reasons.filter((reason) => reason !== null).length;
      }),
    );
  });
});
