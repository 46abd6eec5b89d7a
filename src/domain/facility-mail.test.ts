import { describe, expect, it } from 'vitest';
import { facilitiesContent } from '../content/facilities.ts';
import { facilityDeclinedMail } from './facility-mail.ts';

const facility = facilitiesContent.facilities.find((candidate) => candidate.inPersonApplication !== null)!;
const room = facility.rooms[0]!;
const facts = { code: 'ABCD2345', facility, room, dates: ['2026-12-15', '2026-12-22'], blockIds: [facility.blocks[0]!.id] };

describe('facilityDeclinedMail', () => {
  it('says which 仮予約 the city cancelled, and the reason, word for word', () => {
    const mail = facilityDeclinedMail(facts, '設備の点検のため、この日は使えなくなりました');
    expect(mail.subject).toContain(facility.name);
    expect(mail.subject).toContain('市が取り消しました');
    expect(mail.body).toContain(`${facility.name} ${room.name}`);
    expect(mail.body).toContain('2026年12月15日');
    expect(mail.body).toContain('2026年12月22日');
    expect(mail.body).toContain('ABCD-2345');
    expect(mail.body).toContain('取り消した理由\n設備の点検のため、この日は使えなくなりました');
  });

  it('names the blocks by their labels and times', () => {
    const block = facility.blocks[0]!;
    expect(facilityDeclinedMail(facts, '理由').body).toContain(block.label);
  });
});
