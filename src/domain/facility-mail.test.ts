import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { facilitiesContent } from '../content/facilities.ts';
import {
  deadlineNoticeDueAt,
  deadlineNoticeMail,
  facilityDeclinedMail,
  type FacilityNoticeFacts,
  facilityReminderDueAt,
  facilityReminderMail,
} from './facility-mail.ts';
import { addDays, japanClock, parseTime } from './japan-time.ts';

const facility = facilitiesContent.facilities.find((candidate) => candidate.inPersonApplication !== null)!;
const room = facility.rooms[0]!;
const facts = { code: 'ABCD2345', facility, room, dates: ['2026-12-15', '2026-12-22'], blockIds: [facility.blocks[0]!.id] };
const BOOKINGS_URL = 'https://togane.example.jp/facilities/bookings';
const notice: FacilityNoticeFacts = { ...facts, dates: ['2026-12-15'], bookingsUrl: BOOKINGS_URL };
const times = { reminderTime: '17:00', deadlineNoticeTime: '09:00', provenance: { verified: false } };

/** What a mail must never hold, whatever the booking: what the form asked that is personal. */
const PERSONAL = ['トウガネ', 'とうがね', '0475', '東金一丁目自治会', 'taro@example.jp'];
/** A phone screen's width in Japanese characters, with room for the mail app's margins; an address is one word. */
const MAX_LINE = 40;

function expectPlainAndShort(body: string): void {
  for (const line of body.split('\n')) {
    if (line.startsWith('https://')) continue;
    expect(line.length, line).toBeLessThanOrEqual(MAX_LINE);
  }
  for (const personal of PERSONAL) expect(body).not.toContain(personal);
}

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
    expect(mail.body).toContain('予約番号と電話番号を入れると開きます。');
    expect(mail.body).not.toContain('token');
  });

  it('names the blocks by their labels and times', () => {
    const block = facility.blocks[0]!;
    expect(facilityDeclinedMail(facts, '理由').body).toContain(block.label);
  });
});

describe('the reminder the day before', () => {
  it('is due the day before the first day at the content’s time, Japan time; none when booked after it', () => {
    expect(facilityReminderDueAt('2026-12-15', times, new Date('2026-12-01T00:00:00Z'))?.toISOString()).toBe('2026-12-14T08:00:00.000Z');
    expect(facilityReminderDueAt('2026-12-15', times, new Date('2026-12-14T07:59:59Z'))).not.toBeNull();
    expect(facilityReminderDueAt('2026-12-15', times, new Date('2026-12-14T08:00:00Z'))).toBeNull();
  });

  it('says the room, the day, the block, the code, how to pay and the bookings page; nothing personal, short lines', () => {
    const mail = facilityReminderMail(notice);
    expect(mail.subject).toBe(`【東金市】あした 12月15日（火） ${facility.name}の予約があります`);
    expect(mail.body).toContain(`${facility.name}の予約は、あしたです。`);
    expect(mail.body).toContain(`施設　　${facility.name} ${room.name}`);
    expect(mail.body).toContain('日にち　2026年12月15日（火）');
    expect(mail.body).toContain(`時間　　${facility.blocks[0]!.label}`);
    expect(mail.body).toContain('予約番号　ABCD-2345');
    expect(mail.body).toContain(facility.payment);
    expect(mail.body).toContain(`予約の確認や取り消しは、こちらのページで、予約番号と電話番号を入れるとできます。\n${BOOKINGS_URL}\n`);
    expect(mail.body).not.toContain('token');
    expectPlainAndShort(mail.body);
  });

  it('says “from tomorrow” for a booking of several days', () => {
    expect(facilityReminderMail({ ...notice, dates: ['2026-12-15', '2026-12-16'] }).body).toContain('あしたからです。');
  });

  it('gives the facility’s phone when the content knows it', () => {
    expect(facilityReminderMail({ ...notice, facility: { ...facility, phone: '0475-55-1111' } }).body).toContain('（電話 0475-55-1111）');
  });
});

describe('the 仮予約’s deadline notice', () => {
  it('is due the morning of the day before the deadline day; none when that has passed at booking', () => {
    expect(deadlineNoticeDueAt('2026-12-08', times, new Date('2026-12-01T03:00:00Z'))?.toISOString()).toBe('2026-12-07T00:00:00.000Z');
    // Booked with a deadline of tomorrow, after 9:00: the booking's page has just said it.
    expect(deadlineNoticeDueAt('2026-12-02', times, new Date('2026-12-01T00:00:00Z'))).toBeNull();
  });

  it('always leaves the whole day before and the deadline day itself, before the 仮予約 lapses', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 30 }),
        (bookedAt, ahead) => {
          const deadline = addDays(japanClock(bookedAt).date, ahead);
          const due = deadlineNoticeDueAt(deadline, times, bookedAt);
          if (due === null) {
            expect(ahead).toBeLessThanOrEqual(1);
            return;
          }
          expect(due.getTime()).toBeGreaterThan(bookedAt.getTime());
          expect(japanClock(due)).toEqual({ date: addDays(deadline, -1), minutes: parseTime('09:00') });
        },
      ),
    );
  });

  it('says the deadline, where to apply, what to bring, that the 仮予約 ends otherwise, the code and the page', () => {
    const mail = deadlineNoticeMail(notice, '2026-12-08');
    const application = facility.inPersonApplication!;
    expect(mail.subject).toBe(`【東金市】${facility.name}の仮予約は 12月8日（火）までに 申し込みが必要です`);
    expect(mail.body).toContain('2026年12月8日（火）までに、');
    expect(mail.body).toContain(`${application.where}で申し込みをしてください。`);
    expect(mail.body).toContain('仮予約は取り消しになります。');
    for (const thing of application.bring) expect(mail.body).toContain(`・${thing}`);
    expect(mail.body).toContain('予約番号　ABCD-2345');
    expect(mail.body).toContain('日にち　2026年12月15日（火）');
    expect(mail.body).toContain(`予約の確認や取り消しは、こちらのページで、予約番号と電話番号を入れるとできます。\n${BOOKINGS_URL}\n`);
    expectPlainAndShort(mail.body);
    expect(deadlineNoticeMail({ ...notice, facility: { ...facility, phone: '0475-55-1111' } }, '2026-12-08').body).toContain(
      `${facility.name}（電話 0475-55-1111）に`,
    );
  });
});
