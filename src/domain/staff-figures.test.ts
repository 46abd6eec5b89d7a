import { describe, expect, it } from 'vitest';
import { counterTotals, figuresCsv, figuresQuerySchema, monthRange, reportMonths, type StaffFigures } from './staff-figures.ts';

const figures: StaffFigures = {
  month: '2026-12',
  counter: [
    { date: '2026-12-01', kindId: 'card-pickup', kindName: 'カードの受け取り', booked: 3, checkedIn: 2, noShow: 1, cancelled: 1, people: 4 },
    { date: '2026-12-02', kindId: 'card-pickup', kindName: 'カードの受け取り', booked: 1, checkedIn: 1, noShow: 0, cancelled: 0, people: 1 },
    { date: '2026-12-02', kindId: 'renewal', kindName: '電子証明書の更新', booked: 2, checkedIn: 0, noShow: 0, cancelled: 2, people: 2 },
  ],
  rooms: [{ facilityId: 'bunka', roomId: 'a', name: '文化会館 "大ホール", 舞台', booked: 1, provisional: 2, cancelled: 0, blocks: 5 }],
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
