import { describe, expect, it } from 'vitest';
import { buildIcs } from './ics.ts';

describe('buildIcs', () => {
  const ics = buildIcs({
    uid: 'ABCD2345@tsunagaru-togane',
    date: '2026-12-01',
    startMinutes: 9 * 60 + 30,
    durationMinutes: 30,
    title: 'マイナンバーカードの受け取り（東金市役所 市民課）',
    location: '東金市役所 市民課（東金市東岩崎1番地1）',
    description: '予約番号 ABCD-2345\n持ち物: 交付通知書, 本人確認書類; 通知カード',
    stamp: new Date('2026-11-24T01:00:00Z'),
  });

  it('writes Japan time as UTC, with CRLF line ends', () => {
    expect(ics).toContain('DTSTART:20261201T003000Z\r\n');
    expect(ics).toContain('DTEND:20261201T010000Z\r\n');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.split('\r\n').filter((line) => line.includes('\n'))).toEqual([]);
  });

  it('escapes commas, semicolons and new lines, and folds long lines at 75 octets', () => {
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('DESCRIPTION:予約番号 ABCD-2345\\n持ち物: 交付通知書\\, 本人確認書類\\; 通知カード');
    const encoder = new TextEncoder();
    expect(ics.split('\r\n').every((line) => encoder.encode(line).length <= 75)).toBe(true);
  });
});
