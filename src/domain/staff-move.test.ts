import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import counterJson from '../content/mynumber-counter.json';
import { type CounterCalendar, checkSlot, slotStarts } from './counter-calendar.ts';
import { addDays, japanClock } from './japan-time.ts';
import { staffMoveRefusal } from './staff-move.ts';

const calendar: CounterCalendar = { ...(counterJson as CounterCalendar), closures: [{ date: '2026-12-10', reason: 'システム点検' }] };
// Tuesday 24 November 2026, 10:00 in Japan.
const now = japanClock(new Date('2026-11-24T01:00:00Z'));
const starts = slotStarts(calendar);

describe('staffMoveRefusal', () => {
  it('gives a clerk a slot later today that the citizen’s cut-off has already closed', () => {
    const soon = starts.find((start) => start > now.minutes && checkSlot(now.date, start, now, calendar) === 'too-late');
    expect(soon).toBeDefined();
    expect(staffMoveRefusal(now.date, soon ?? 0, now, calendar)).toBeNull();
  });

  it('never gives a slot that has started, a closed day, a time off the grid or a day beyond the window', () => {
    expect(staffMoveRefusal(now.date, 9 * 60 + 30, now, calendar)).toBe('too-late');
    expect(staffMoveRefusal(now.date, now.minutes, now, calendar)).toBeNull();
    expect(staffMoveRefusal('2026-11-28', 10 * 60, now, calendar)).toBe('closed-day');
    expect(staffMoveRefusal('2026-12-10', 10 * 60, now, calendar)).toBe('closed-day');
    expect(staffMoveRefusal('2026-12-01', 10 * 60 + 7, now, calendar)).toBe('not-a-slot');
    expect(staffMoveRefusal(addDays(now.date, calendar.bookAheadDays + 7), 10 * 60, now, calendar)).not.toBeNull();
  });

  it('allows the clerk every slot the citizen may book, and nothing that has already started', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 70 }), fc.constantFrom(...starts), fc.integer({ min: 0, max: 24 * 60 - 1 }), (dayOffset, start, minutes) => {
        const clock = { date: now.date, minutes };
        const date = addDays(now.date, dayOffset);
        const clerk = staffMoveRefusal(date, start, clock, calendar);
        if (checkSlot(date, start, clock, calendar) === null) expect(clerk).toBeNull();
        if (dayOffset === 0 && start < minutes) expect(clerk).not.toBeNull();
      }),
    );
  });
});
