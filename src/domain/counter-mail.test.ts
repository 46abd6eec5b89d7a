import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { counter as counterContent } from '../content/counter.ts';
import { cancelledByCityMail, type CounterMailFacts, movedByCityMail, nextAttemptAt, reminderDueAt, reminderMail, RETRY_DELAYS_MS } from './counter-mail.ts';
import { addDays, japanClock } from './japan-time.ts';

const kind = counterContent.visitKinds[0]!;
const facts: CounterMailFacts = {
  code: 'ABCD2345',
  slot: '2026-12-01T10:30',
  kind,
  proxy: false,
  counter: counterContent,
  bookingsUrl: 'https://togane.example.jp/mynumber/reservations',
};

describe('reminderDueAt', () => {
  it('is the day before the visit at the content’s time, Japan time', () => {
    expect(reminderDueAt('2026-12-01T10:30', '17:00', new Date('2026-11-20T00:00:00Z'))?.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    // The first of the month: the day before is in the month before.
    expect(reminderDueAt('2027-01-01T09:00', '17:00', new Date('2026-12-01T00:00:00Z'))?.toISOString()).toBe('2026-12-31T08:00:00.000Z');
  });

  it('sends none for a booking made at or after that moment', () => {
    expect(reminderDueAt('2026-12-01T10:30', '17:00', new Date('2026-11-30T08:00:00Z'))).toBeNull();
    expect(reminderDueAt('2026-12-01T10:30', '17:00', new Date('2026-11-30T07:59:59Z'))).not.toBeNull();
  });

  it('is always the day before at the reminder time in Japan, and always after the booking', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 9 * 60, max: 16 * 60 }),
        fc.integer({ min: 0, max: 23 * 60 + 59 }),
        (bookedAt, daysAhead, slotMinutes, reminderMinutes) => {
          const slotDate = addDays(japanClock(bookedAt).date, daysAhead);
          const slot = `${slotDate}T${String(Math.floor(slotMinutes / 60)).padStart(2, '0')}:${String(slotMinutes % 60).padStart(2, '0')}`;
          const reminderTime = `${String(Math.floor(reminderMinutes / 60)).padStart(2, '0')}:${String(reminderMinutes % 60).padStart(2, '0')}`;
          const due = reminderDueAt(slot, reminderTime, bookedAt);
          if (due === null) {
            expect(daysAhead).toBeLessThanOrEqual(1);
            return;
          }
          expect(due.getTime()).toBeGreaterThan(bookedAt.getTime());
          expect(japanClock(due)).toEqual({ date: addDays(slotDate, -1), minutes: reminderMinutes });
        },
      ),
    );
  });
});

describe('the mails', () => {
  it('the reminder says day, time, place, what to bring, the code and where to see the booking', () => {
    const mail = reminderMail(facts);
    expect(mail.subject).toBe('【東金市】あした 12月1日（火） 10:30から マイナンバーカードの窓口の予約があります');
    expect(mail.body).toContain('日にち　2026年12月1日（火）');
    expect(mail.body).toContain('時間　　10:30から');
    expect(mail.body).toContain(`場所　　${counterContent.place}`);
    expect(mail.body).toContain('予約番号　ABCD-2345');
    for (const thing of kind.bring) expect(mail.body).toContain(`・${thing}`);
    expect(mail.body).toContain('https://togane.example.jp/mynumber/reservations');
    expect(mail.body).not.toContain(kind.proxy);
    expect(reminderMail({ ...facts, proxy: true }).body).toContain(kind.proxy);
  });

  it('the city’s cancellation says it was the city, why, and that nobody needs to come', () => {
    const mail = cancelledByCityMail(facts, '窓口の機械の点検のため');
    expect(mail.subject).toBe('【東金市】12月1日（火） 10:30の マイナンバーカードの窓口の予約を 市が取り消しました');
    expect(mail.body).toContain('取り消した理由\n窓口の機械の点検のため');
    expect(mail.body).toContain('この時間に窓口へ来ていただく必要はありません。');
    expect(mail.body).toContain('予約番号　ABCD-2345');
  });

  it('the city’s move says the new time, the old one, and where to ask if the citizen never called', () => {
    const mail = movedByCityMail(facts, '2026-11-30T09:00');
    expect(mail.subject).toBe('【東金市】マイナンバーカードの窓口の予約を 12月1日（火） 10:30に変更しました');
    expect(mail.body).toContain('変更前　11月30日（月） 9:00から');
    expect(mail.body).toContain('時間　　10:30から');
    expect(mail.body).toContain('お心当たりのないときは、市民課へお電話ください。');
    expect(mail.body).toContain('予約番号　ABCD-2345');
  });

  it('hold nothing but what the facts give: no field exists for a name or a phone', () => {
    // The facts have no personal field; the only number-like things are the code, date and time.
    for (const mail of [reminderMail(facts), cancelledByCityMail(facts, '点検'), movedByCityMail(facts, '2026-11-30T09:00')]) {
      expect(mail.body).not.toMatch(/0\d{9,10}|0\d{1,4}-\d{1,4}-\d{4}/);
      expect(mail.body).not.toContain('@');
    }
  });
});

describe('nextAttemptAt', () => {
  it('waits longer after each failure, then gives up', () => {
    const failedAt = new Date('2026-12-01T00:00:00Z');
    expect(nextAttemptAt(1, failedAt)?.toISOString()).toBe('2026-12-01T00:01:00.000Z');
    expect(nextAttemptAt(RETRY_DELAYS_MS.length, failedAt)?.toISOString()).toBe('2026-12-01T03:00:00.000Z');
    expect(nextAttemptAt(RETRY_DELAYS_MS.length + 1, failedAt)).toBeNull();
  });

  it('for any schedule: a bounded number of attempts, each later than the failure, never sooner than the one before', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 86_400_000 }), { maxLength: 10 }).map((delays) => delays.sort((a, b) => a - b)),
        fc.date({ noInvalidDate: true, min: new Date('2000-01-01'), max: new Date('2100-01-01') }),
        (delays, failedAt) => {
          const waits: number[] = [];
          for (let attempts = 1; ; attempts++) {
            const next = nextAttemptAt(attempts, failedAt, delays);
            if (next === null) break;
            waits.push(next.getTime() - failedAt.getTime());
            expect(attempts).toBeLessThanOrEqual(delays.length);
          }
          expect(waits).toHaveLength(delays.length);
          waits.forEach((wait, index) => {
            expect(wait).toBeGreaterThan(0);
            if (index > 0) expect(wait).toBeGreaterThanOrEqual(waits[index - 1] ?? 0);
          });
        },
      ),
    );
  });
});
