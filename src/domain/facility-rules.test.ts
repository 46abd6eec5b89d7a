import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import data from '../content/facilities.json';
import { facilitiesContentSchema, type Facility, GROUP_TYPES, HOLIDAY_SHIFTS, RESIDENCIES } from './facilities.ts';
import {
  blockSegments,
  bookingClosesOn,
  bookingOpensOn,
  cancelDeadline,
  checkChoice,
  closedDaysText,
  facilityClosedReason,
  provisionalDeadline,
  totalFee,
} from './facility-rules.ts';
import { holidayCoverage, publicHolidayName } from './holidays.ts';
import { addDays, dayOfWeek, daysBetween, japanClock } from './japan-time.ts';

const content = facilitiesContentSchema.parse(data);
function facility(id: string): Facility {
  const found = content.facilities.find((candidate) => candidate.id === id);
  if (!found) throw new Error(id);
  return found;
}
const bunka = facility('bunka-kaikan');
const kominkan = facility('sample-kominkan');
const arena = facility('togane-arena');
function room(f: Facility, id: string): Facility['rooms'][number] {
  const found = f.rooms.find((candidate) => candidate.id === id);
  if (!found) throw new Error(id);
  return found;
}
/** Every public holiday in the table (2025–2028). */
const holidays = Array.from({ length: daysBetween(holidayCoverage.from, holidayCoverage.to) + 1 }, (_, offset) => addDays(holidayCoverage.from, offset)).filter(
  (day) => publicHolidayName(day) !== null,
);
const dateArbitrary = fc.integer({ min: 0, max: 365 * 2 }).map((offset) => addDays('2026-01-01', offset));

describe('facilityClosedReason', () => {
  it('東金文化会館: closes Mondays; a holiday Monday opens and the day after next (Wednesday) closes, not the Tuesday', () => {
    expect(facilityClosedReason('2026-11-30', bunka.closed)).toEqual({ kind: 'weekly' });
    expect(facilityClosedReason('2026-11-23', bunka.closed)).toBeNull(); // 勤労感謝の日 (Mon)
    expect(facilityClosedReason('2026-11-24', bunka.closed)).toBeNull();
    expect(facilityClosedReason('2026-11-25', bunka.closed)).toEqual({ kind: 'holiday-shift', holiday: '2026-11-23' });
    expect(facilityClosedReason('2026-11-26', bunka.closed)).toBeNull();
  });

  it('東金文化会館: when the day after next is itself a holiday the hall has not said, so the day is left to ask', () => {
    // Silver Week 2026: 9/21 (Mon) 敬老の日, 9/22 国民の休日, 9/23 秋分の日.
    for (const day of ['2026-09-21', '2026-09-22', '2026-09-24']) expect(facilityClosedReason(day, bunka.closed)).toBeNull();
    expect(facilityClosedReason('2026-09-23', bunka.closed)).toEqual({ kind: 'unknown' });
  });

  it('the sample 公民館 (next weekday): the closed day moves past a run of holidays', () => {
    expect(facilityClosedReason('2026-11-24', kominkan.closed)).toEqual({ kind: 'holiday-shift', holiday: '2026-11-23' });
    for (const day of ['2026-09-21', '2026-09-22', '2026-09-23']) expect(facilityClosedReason(day, kominkan.closed)).toBeNull();
    expect(facilityClosedReason('2026-09-24', kominkan.closed)).toMatchObject({ kind: 'holiday-shift' });
    for (const day of ['2026-05-04', '2026-05-05', '2026-05-06']) expect(facilityClosedReason(day, kominkan.closed)).toBeNull();
    expect(facilityClosedReason('2026-05-07', kominkan.closed)).toMatchObject({ kind: 'holiday-shift' });
  });

  it('property: 東金文化会館 never closes a Tuesday that follows a holiday Monday', () => {
    const mondayHolidays = holidays.filter((day) => dayOfWeek(day) === 1);
    fc.assert(
      fc.property(fc.constantFrom(...mondayHolidays), (monday) => {
        const reason = facilityClosedReason(addDays(monday, 1), bunka.closed);
        expect(reason === null || reason.kind === 'year-end' || reason.kind === 'closure').toBe(true);
      }),
    );
  });

  const closedArbitrary = fc
    .record({ weekdays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 3 }), holidayShift: fc.constantFrom(...HOLIDAY_SHIFTS) })
    .map((rule): Facility['closed'] => ({ ...rule, yearEnd: false, dates: [] }));

  it('property: a holiday on a closed weekday opens exactly when the facility shifts, and the shift lands where its rule says', () => {
    fc.assert(
      fc.property(closedArbitrary, dateArbitrary, (closed, date) => {
        const reason = facilityClosedReason(date, closed);
        const holiday = publicHolidayName(date) !== null;
        if (closed.weekdays.includes(dayOfWeek(date))) {
          if (closed.holidayShift === 'none' || !holiday) expect(reason).toEqual({ kind: 'weekly' });
          else expect(reason?.kind).not.toBe('weekly');
        }
        if (reason?.kind === 'holiday-shift') {
          expect(closed.weekdays).toContain(dayOfWeek(reason.holiday));
          expect(publicHolidayName(reason.holiday)).not.toBeNull();
          expect(holiday).toBe(false);
          if (closed.holidayShift === 'day-after-next') expect(daysBetween(reason.holiday, date)).toBe(2);
          if (closed.holidayShift === 'next-weekday') {
            for (let day = addDays(reason.holiday, 1); day < date; day = addDays(day, 1)) expect(publicHolidayName(day), day).not.toBeNull();
          }
        }
        if (closed.holidayShift === 'none') expect(reason?.kind).not.toBe('holiday-shift');
      }),
    );
  });

  it('property: with day-after-next, every holiday on a closed weekday closes (or leaves to ask) the day after next', () => {
    fc.assert(
      fc.property(closedArbitrary, fc.constantFrom(...holidays), (closed, holiday) => {
        fc.pre(closed.weekdays.includes(dayOfWeek(holiday)));
        const after = facilityClosedReason(addDays(holiday, 2), { ...closed, holidayShift: 'day-after-next' });
        expect(after).not.toBeNull();
      }),
    );
  });

  it('closes 12/29–1/3 and ad-hoc days, and refuses to guess past the holiday table', () => {
    for (const day of ['2026-12-29', '2026-12-31', '2027-01-01', '2027-01-03']) expect(facilityClosedReason(day, bunka.closed)).toEqual({ kind: 'year-end' });
    expect(facilityClosedReason('2027-01-04', bunka.closed)).toEqual({ kind: 'weekly' });
    expect(facilityClosedReason('2027-01-05', bunka.closed)).toBeNull();
    expect(facilityClosedReason('2026-12-10', { ...bunka.closed, dates: [{ date: '2026-12-10', reason: '設備点検' }] })).toEqual({
      kind: 'closure',
      reason: '設備点検',
    });
    expect(facilityClosedReason('2029-01-10', bunka.closed)).toEqual({ kind: 'unknown' });
  });

  it('property: with the shift, exactly as many days close each week as without holidays', () => {
    fc.assert(
      fc.property(dateArbitrary, (date) => {
        const reason = facilityClosedReason(date, bunka.closed);
        if (reason?.kind === 'holiday-shift') expect(daysBetween(reason.holiday, date)).toBeGreaterThan(0);
        if (reason === null) expect(date.slice(5) >= '12-29' || date.slice(5) <= '01-03').toBe(false);
      }),
    );
  });
});

describe('closedDaysText', () => {
  it('says what facilityClosedReason does, for each shift', () => {
    expect(closedDaysText(bunka.closed)).toEqual(['毎週月曜日（祝日のときは開館し、翌々日の水曜日が休館）', '12月29日～1月3日']);
    expect(closedDaysText(kominkan.closed)[0]).toBe('毎週月曜日（祝日のときは開館し、次の平日が休館）');
    expect(closedDaysText({ weekdays: [2], holidayShift: 'none', yearEnd: false, dates: [{ date: '2026-12-10', reason: '設備点検' }] })).toEqual([
      '毎週火曜日',
      '2026年12月10日（木）（設備点検）',
    ]);
  });
});

describe('blockSegments', () => {
  it('makes 全日 share segments with 午前, 午後 and 夜間, and those three share none', () => {
    const [morning, afternoon, evening, allDay] = bunka.blocks.map((block) => blockSegments(bunka.blocks, block));
    expect(morning).toEqual(['09:00']);
    expect(allDay).toEqual(['09:00', '12:00', '13:00', '17:00', '18:00']);
    for (const part of [morning, afternoon, evening]) expect(part?.every((segment) => allDay?.includes(segment))).toBe(true);
    expect(new Set([...(morning ?? []), ...(afternoon ?? []), ...(evening ?? [])]).size).toBe(3);
  });

  it('property: two blocks share a segment exactly when their times overlap', () => {
    const blocks = bunka.blocks;
    fc.assert(
      fc.property(fc.constantFrom(...blocks), fc.constantFrom(...blocks), (a, b) => {
        const shared = blockSegments(blocks, a).some((segment) => blockSegments(blocks, b).includes(segment));
        expect(shared).toBe(a.start < b.end && b.start < a.end);
      }),
    );
  });
});

describe('booking window', () => {
  it('opens on the 1st of the month 12 months ahead and closes a month (halls) or a week (rooms) before', () => {
    expect(bookingOpensOn('2027-11-20', room(bunka, 'large-hall').window)).toBe('2026-11-01');
    expect(bookingClosesOn('2027-11-20', room(bunka, 'large-hall').window)).toBe('2027-10-21');
    expect(bookingClosesOn('2026-12-10', room(bunka, 'meeting-1').window)).toBe('2026-12-03');
    expect(bookingOpensOn('2027-01-24', room(kominkan, 'meeting').window)).toBe('2026-11-24');
  });

  it('refuses days too soon, too far ahead, closed, not in a row, too many, or overlapping blocks', () => {
    const now = japanClock(new Date('2026-11-24T01:00:00Z'));
    const hall = room(bunka, 'meeting-1');
    expect(checkChoice({ dates: ['2026-11-29'], blockIds: ['morning'] }, bunka, hall, now)).toEqual({ kind: 'day', date: '2026-11-29', refusal: 'too-late' });
    expect(checkChoice({ dates: ['2026-12-03'], blockIds: ['morning'] }, bunka, hall, now)).toBeNull();
    expect(checkChoice({ dates: ['2027-12-01'], blockIds: ['morning'] }, bunka, hall, now)).toMatchObject({ refusal: 'not-yet-open' });
    expect(checkChoice({ dates: ['2026-12-07'], blockIds: ['morning'] }, bunka, hall, now)).toMatchObject({ refusal: 'closed-day' });
    expect(checkChoice({ dates: ['2026-12-03', '2026-12-05'], blockIds: ['morning'] }, bunka, hall, now)).toEqual({ kind: 'not-consecutive' });
    expect(checkChoice({ dates: ['2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11'], blockIds: ['morning'] }, bunka, hall, now)).toEqual({
      kind: 'too-many-days',
      max: 3,
    });
    expect(checkChoice({ dates: ['2026-12-03'], blockIds: ['morning', 'all-day'] }, bunka, hall, now)).toEqual({ kind: 'blocks-overlap' });
    expect(checkChoice({ dates: ['2026-12-03'], blockIds: ['morning', 'evening'] }, bunka, hall, now)).toBeNull();
    expect(checkChoice({ dates: ['2026-12-03'], blockIds: ['night'] }, bunka, hall, now)).toEqual({ kind: 'unknown-block' });
  });

  it('property: every accepted day is open, after today and inside its window', () => {
    const hall = room(kominkan, 'meeting');
    fc.assert(
      fc.property(dateArbitrary, dateArbitrary, (today, date) => {
        const clock = { date: today, minutes: 600 };
        if (checkChoice({ dates: [date], blockIds: ['morning'] }, kominkan, hall, clock) === null) {
          expect(date > today).toBe(true);
          expect(facilityClosedReason(date, kominkan.closed)).toBeNull();
          expect(today >= bookingOpensOn(date, hall.window) && today <= bookingClosesOn(date, hall.window)).toBe(true);
        }
      }),
    );
  });
});

describe('fees', () => {
  it('uses the real サブアリーナ table: 2 hours by residency, group and time of day', () => {
    const sub = room(arena, 'sub-arena');
    expect(totalFee(sub, { dates: ['2026-12-01'], blockIds: ['b09'] }, 'resident', 'general')).toBe(1360);
    expect(totalFee(sub, { dates: ['2026-12-01'], blockIds: ['b19'] }, 'nonResident', 'general')).toBe(3300);
    expect(totalFee(sub, { dates: ['2026-12-01'], blockIds: ['b15', 'b17'] }, 'resident', 'child')).toBe(400 + 660);
    expect(totalFee(sub, { dates: ['2026-12-01', '2026-12-02'], blockIds: ['b17'] }, 'resident', 'student')).toBe(2 * 1320);
    expect(totalFee(room(arena, 'main-arena'), { dates: ['2026-12-01'], blockIds: ['b09'] }, 'resident', 'general')).toBeNull();
  });

  it('property: the fee is additive over days and blocks, and 市外 never pays less than 市内', () => {
    const sub = room(arena, 'sub-arena');
    fc.assert(
      fc.property(
        fc.subarray(
          arena.blocks.map((block) => block.id),
          { minLength: 1 },
        ),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom(...GROUP_TYPES),
        (blockIds, days, group) => {
          const dates = Array.from({ length: days }, (_unused, index) => addDays('2026-12-01', index));
          const resident = totalFee(sub, { dates, blockIds }, RESIDENCIES[0], group) ?? 0;
          const single = blockIds.reduce((sum, id) => sum + (totalFee(sub, { dates: ['2026-12-01'], blockIds: [id] }, 'resident', group) ?? 0), 0);
          expect(resident).toBe(single * days);
          expect(totalFee(sub, { dates, blockIds }, RESIDENCIES[1], group) ?? 0).toBeGreaterThanOrEqual(resident);
        },
      ),
    );
  });
});

describe('deadlines', () => {
  it('cancels until the facility’s days before, and holds a provisional booking until the end of its due day', () => {
    expect(cancelDeadline('2026-12-10', bunka)).toBe('2026-12-03');
    const now = japanClock(new Date('2026-11-24T14:30:00Z')); // 23:30 in Japan
    expect(now.date).toBe('2026-11-24');
    const held = provisionalDeadline(now, '2027-03-01', 7);
    expect(held.date).toBe('2026-12-01');
    expect(held.expiresAt.toISOString()).toBe('2026-12-01T15:00:00.000Z');
    expect(provisionalDeadline(now, '2026-11-27', 7).date).toBe('2026-11-26');
  });
});
