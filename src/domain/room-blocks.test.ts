import { describe, expect, it } from 'vitest';
import data from '../content/facilities.json';
import { facilitiesContentSchema } from './facilities.ts';
import { blockableRooms, blockRefusalMessage, checkRoomBlock, daySheetEntries } from './room-blocks.ts';

const content = facilitiesContentSchema.parse(data);
const hall = content.facilities.find((facility) => facility.id === 'bunka-kaikan');
if (!hall) throw new Error('東金文化会館 is missing from the content');
const TODAY = '2026-11-24';
const meeting = { facilityId: 'bunka-kaikan', roomId: 'meeting-1' };

describe('checkRoomBlock', () => {
  it('gives the segments of the chosen blocks, each once, in time order', () => {
    expect(checkRoomBlock({ ...meeting, date: '2026-12-18', blockIds: ['afternoon', 'morning'] }, content, TODAY)).toMatchObject({
      ok: true,
      segments: ['09:00', '13:00'],
    });
    // 全日 covers 午前 and the hour between the blocks: every segment from 9:00 to 21:00.
    expect(checkRoomBlock({ ...meeting, date: '2026-12-18', blockIds: ['all-day', 'morning'] }, content, TODAY)).toMatchObject({
      ok: true,
      segments: ['09:00', '12:00', '13:00', '17:00', '18:00'],
    });
  });

  it('blocks today, but not a day before it, nor past two years ahead, nor a closed day', () => {
    expect(checkRoomBlock({ ...meeting, date: TODAY, blockIds: ['morning'] }, content, TODAY).ok).toBe(true);
    expect(checkRoomBlock({ ...meeting, date: '2026-11-23', blockIds: ['morning'] }, content, TODAY)).toMatchObject({ ok: false, path: 'date' });
    expect(checkRoomBlock({ ...meeting, date: '2028-11-24', blockIds: ['morning'] }, content, TODAY).ok).toBe(true);
    expect(checkRoomBlock({ ...meeting, date: '2028-11-25', blockIds: ['morning'] }, content, TODAY)).toMatchObject({ ok: false, path: 'date' });
    // Mondays the 文化会館 is closed.
    expect(checkRoomBlock({ ...meeting, date: '2026-12-14', blockIds: ['morning'] }, content, TODAY)).toMatchObject({ ok: false, path: 'date' });
  });

  it('takes only the rooms the portal books (no sample, no other system) and the facility’s own blocks', () => {
    expect(blockableRooms(content).every(({ facility }) => facility.route.kind === 'portal' && !facility.sample)).toBe(true);
    expect(blockableRooms(content).length).toBeGreaterThan(0);
    expect(checkRoomBlock({ facilityId: 'sample-kominkan', roomId: 'meeting', date: '2026-12-18', blockIds: ['morning'] }, content, TODAY)).toMatchObject({
      ok: false,
      path: 'roomId',
    });
    expect(checkRoomBlock({ ...meeting, date: '2026-12-18', blockIds: ['morning', 'b09'] }, content, TODAY)).toMatchObject({ ok: false, path: 'blockIds' });
  });
});

describe('blockRefusalMessage', () => {
  it('names each booking by its code, time and state', () => {
    expect(
      blockRefusalMessage(hall, [
        { code: 'ABCD2345', blockIds: ['morning'], status: 'provisional' },
        { code: 'EFGH6789', blockIds: ['afternoon', 'evening'], status: 'booked' },
      ]),
    ).toBe(
      'この時間には予約が2件あります：ABCD-2345（午前（9:00～12:00）、仮予約）、EFGH-6789（午後（13:00～17:00）、夜間（18:00～21:00）、本予約）。予約の方に連絡して、取り消しや変更が済んでから止めてください。',
    );
  });
});

describe('daySheetEntries', () => {
  it('lists bookings and blocks in time order, with the state the desk uses', () => {
    const entries = daySheetEntries(
      hall,
      [
        { code: 'EVEN1234', blockIds: ['evening'], status: 'booked', paid: true, groupName: '合唱団', headCount: 20 },
        { code: 'MORN1234', blockIds: ['morning'], status: 'booked', paid: false, groupName: null, headCount: 5 },
      ],
      [{ blockIds: ['afternoon'], reason: '設備点検' }],
    );
    expect(entries.map((entry) => [entry.start, entry.state, entry.code ?? entry.reason])).toEqual([
      ['09:00', '本予約', 'MORN1234'],
      ['13:00', '市の使用', '設備点検'],
      ['18:00', '支払い済み', 'EVEN1234'],
    ]);
    expect(
      daySheetEntries(hall, [{ code: 'PROV1234', blockIds: ['all-day'], status: 'provisional', paid: false, groupName: 'x', headCount: 1 }], []),
    ).toMatchObject([{ start: '09:00', hours: '全日（9:00～21:00）', state: '仮予約' }]);
  });
});
