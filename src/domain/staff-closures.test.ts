import { describe, expect, it } from 'vitest';
import counterJson from '../content/mynumber-counter.json';
import type { CounterCalendar } from './counter-calendar.ts';
import { closureHours, closureSlots, WHOLE_DAY } from './staff-closures.ts';

// 9:00 to 16:30 in 30-minute slots.
const calendar = counterJson as CounterCalendar;

describe('closureSlots', () => {
  it('covers the slots that start inside the hours, the end not included', () => {
    expect(closureSlots('2026-12-01', '10:00', '11:00', calendar)).toEqual(['2026-12-01T10:00', '2026-12-01T10:30']);
    expect(closureSlots('2026-12-01', '10:15', '10:45', calendar)).toEqual(['2026-12-01T10:30']);
  });

  it('covers every slot of the day for a whole-day closure', () => {
    const slots = closureSlots('2026-12-01', WHOLE_DAY.startTime, WHOLE_DAY.endTime, calendar);
    expect(slots[0]).toBe('2026-12-01T09:00');
    expect(slots.at(-1)).toBe('2026-12-01T16:00');
    expect(slots).toHaveLength(15);
  });
});

describe('closureHours', () => {
  it('says 終日 for a whole day, and the hours otherwise', () => {
    expect(closureHours('00:00', '24:00')).toBe('終日');
    expect(closureHours('09:00', '12:00')).toBe('9:00～12:00');
    expect(closureHours('13:00', '24:00')).toBe('13:00～終わりまで');
  });
});
