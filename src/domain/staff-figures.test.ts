import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import facilitiesJson from '../content/facilities.json';
import { facilitiesContentSchema } from './facilities.ts';
import {
  bookableMinutes,
  counterTotals,
  figuresCsv,
  figuresQuerySchema,
  hoursText,
  monthRange,
  occupancyShare,
  reportMonths,
  roomOccupancy,
  type StaffFigures,
} from './staff-figures.ts';

const { facilities } = facilitiesContentSchema.parse(facilitiesJson);

const figures: StaffFigures = {
  month: '2026-12',
  counter: [
    { date: '2026-12-01', kindId: 'card-pickup', kindName: 'カードの受け取り', booked: 3, checkedIn: 2, noShow: 1, cancelled: 1, people: 4 },
    { date: '2026-12-02', kindId: 'card-pickup', kindName: 'カードの受け取り', booked: 1, checkedIn: 1, noShow: 0, cancelled: 0, people: 1 },
    { date: '2026-12-02', kindId: 'renewal', kindName: '電子証明書の更新', booked: 2, checkedIn: 0, noShow: 0, cancelled: 2, people: 2 },
  ],
  rooms: [{ facilityId: 'bunka', roomId: 'a', name: '文化会館 "大ホール", 舞台', booked: 1, provisional: 2, cancelled: 0, blocks: 5 }],
  occupancy: [
    {
      facilityId: 'bunka',
      roomId: 'a',
      name: '文化会館 会議室',
      bookedMinutes: 180,
      bookableMinutes: 1440,
      days: [
        { date: '2026-12-01', bookedMinutes: 180, bookableMinutes: 720 },
        { date: '2026-12-02', bookedMinutes: 0, bookableMinutes: 720 },
        { date: '2026-12-03', bookedMinutes: 0, bookableMinutes: 0 },
      ],
    },
  ],
};

describe('the staff figures', () => {
  it('reads a month, and no other shape', () => {
    expect(figuresQuerySchema.safeParse({ month: '2026-12' }).success).toBe(true);
    for (const month of ['2026-13', '2026-1', '26-12', '2026-12-01', '']) expect(figuresQuerySchema.safeParse({ month }).success).toBe(false);
  });

  it('knows the length of each month, leap years included', () => {
    expect(monthRange('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
    expect(monthRange('2028-02')).toEqual({ first: '2028-02-01', last: '2028-02-29' });
    expect(monthRange('2027-02').last).toBe('2027-02-28');
  });

  it('totals each visit kind over the month', () => {
    expect(
      counterTotals(figures.counter).map(({ kindId, booked, checkedIn, noShow, cancelled, people }) => [kindId, booked, checkedIn, noShow, cancelled, people]),
    ).toEqual([
      ['card-pickup', 4, 3, 1, 1, 5],
      ['renewal', 2, 0, 0, 2, 2],
    ]);
  });

  it('writes CSV that Excel opens as UTF-8: a BOM, CRLF, quoted fields', () => {
    const csv = figuresCsv(figures);
    expect(csv.startsWith('\uFEFF窓口の予約,2026-12\r\n')).toBe(true);
    expect(csv).toContain('\r\n2026-12-01,カードの受け取り,3,2,1,1,4\r\n');
    expect(csv).toContain('\r\n合計,カードの受け取り,4,3,1,1,5\r\n');
    expect(csv).toContain('\r\n"文化会館 ""大ホール"", 舞台",1,2,0,5\r\n');
    expect(csv).toContain(
      '\r\n日付,施設・部屋,予約した時間,予約できる時間,利用率\r\n2026-12-01,文化会館 会議室,3,12,25.0%\r\n2026-12-02,文化会館 会議室,0,12,0.0%\r\n',
    );
    expect(csv).toContain('\r\n2026-12-03,文化会館 会議室,0,0,－\r\n合計,文化会館 会議室,3,24,12.5%\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });
});

describe('the months the figures offer', () => {
  it('are next month, this month and the twelve before, newest first, across the turn of the year', () => {
    const { months, thisMonth } = reportMonths('2026-12-28');
    expect(thisMonth).toBe('2026-12');
    expect(months.slice(0, 3)).toEqual(['2027-01', '2026-12', '2026-11']);
    expect(months.at(-1)).toBe('2025-12');
    expect(months).toHaveLength(14);
    expect(reportMonths('2027-01-05').months.slice(0, 3)).toEqual(['2027-02', '2027-01', '2026-12']);
    for (const month of months) expect(figuresQuerySchema.shape.month.safeParse(month).success).toBe(true);
  });
});

describe('room occupancy', () => {
  const bunka = facilities.find((facility) => facility.id === 'bunka-kaikan');
  if (!bunka) throw new Error('no 文化会館 in content');
  const room = bunka.rooms[0]?.id ?? '';

  it('counts the hours the blocks cover on an open day, none on a closed one', () => {
    // 午前 9–12, 午後 13–17, 夜間 18–21 and 全日 9–21: 12 hours. Mondays are closed; 12/29–1/3 too.
    expect(bookableMinutes(bunka, '2026-12-01')).toBe(720);
    expect(bookableMinutes(bunka, '2026-12-07')).toBe(0);
    expect(bookableMinutes(bunka, '2026-12-29')).toBe(0);
  });

  it('gives each day’s booked hours over bookable hours, and the month’s, per room booked here', () => {
    const occupancy = roomOccupancy('2026-12', facilities, [
      { facilityId: 'bunka-kaikan', roomId: room, dates: ['2026-12-01'], blockIds: ['morning'] },
      // 全日 with 午前 in one booking is 全日, counted once.
      { facilityId: 'bunka-kaikan', roomId: room, dates: ['2026-12-02', '2026-12-03'], blockIds: ['all-day', 'morning'] },
      // Another booking the same day, in another block.
      { facilityId: 'bunka-kaikan', roomId: room, dates: ['2026-12-01'], blockIds: ['evening'] },
      // A booking that began in November counts only its December day.
      { facilityId: 'bunka-kaikan', roomId: room, dates: ['2026-11-30', '2026-12-04'], blockIds: ['afternoon'] },
    ]);
    // Rooms booked elsewhere (東金アリーナ: ちば施設予約) and the sample hall are not reported.
    expect(new Set(occupancy.map((row) => row.facilityId))).toEqual(new Set(['bunka-kaikan']));
    expect(occupancy).toHaveLength(bunka.rooms.length);
    const row = occupancy.find((candidate) => candidate.roomId === room);
    expect(row?.days).toHaveLength(31);
    expect(row?.days.slice(0, 4)).toEqual([
      { date: '2026-12-01', bookedMinutes: 360, bookableMinutes: 720 },
      { date: '2026-12-02', bookedMinutes: 720, bookableMinutes: 720 },
      { date: '2026-12-03', bookedMinutes: 720, bookableMinutes: 720 },
      { date: '2026-12-04', bookedMinutes: 240, bookableMinutes: 720 },
    ]);
    expect(row?.bookedMinutes).toBe(360 + 720 + 720 + 240);
    expect(row?.bookableMinutes).toBe(row?.days.reduce((sum, day) => sum + day.bookableMinutes, 0));
    // Open every day but Mondays and 12/29–12/31: 31 − 4 Mondays − 3.
    expect(row?.bookableMinutes).toBe((31 - 4 - 3) * 720);
    expect(occupancyShare(row?.days[0]?.bookedMinutes ?? 0, row?.days[0]?.bookableMinutes ?? 0)).toBe('50.0%');
    expect(occupancy.find((candidate) => candidate.roomId !== room)?.bookedMinutes).toBe(0);
  });

  it('reports a room of the sample hall only when it holds a booking', () => {
    const sample = facilities.find((facility) => facility.sample);
    const sampleRoom = sample?.rooms[0]?.id ?? '';
    const occupancy = roomOccupancy('2026-12', facilities, [
      { facilityId: sample?.id ?? '', roomId: sampleRoom, dates: ['2026-12-01'], blockIds: ['morning'] },
    ]);
    expect(occupancy.filter((row) => row.facilityId === sample?.id).map((row) => [row.roomId, row.bookedMinutes])).toEqual([[sampleRoom, 180]]);
  });

  it('never books more than the day’s bookable hours, whatever blocks a booking holds (property)', () => {
    const blockIds = bunka.blocks.map((block) => block.id);
    fc.assert(
      fc.property(fc.subarray(blockIds, { minLength: 1 }), fc.integer({ min: 1, max: 28 }), (chosen, day) => {
        const date = `2026-12-${String(day).padStart(2, '0')}`;
        const [row] = roomOccupancy('2026-12', facilities, [{ facilityId: 'bunka-kaikan', roomId: room, dates: [date], blockIds: chosen }]).filter(
          (candidate) => candidate.roomId === room,
        );
        const booked = row?.days.find((candidate) => candidate.date === date)?.bookedMinutes ?? -1;
        return booked > 0 && booked <= 720;
      }),
      { numRuns: 40 },
    );
  });

  it('writes hours and shares as the city reads them', () => {
    expect([hoursText(750), hoursText(720), hoursText(20), hoursText(0)]).toEqual(['12.5', '12', '0.33', '0']);
    expect([occupancyShare(250, 600), occupancyShare(600, 600), occupancyShare(0, 0)]).toEqual(['41.7%', '100.0%', '－']);
  });
});
