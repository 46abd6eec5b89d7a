import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewOutboxMessage, OutboxMessageKind } from '../../booking/outbox.ts';
import { answer, counterBooking, facilityBooking, freshSlot } from '../../booking/store-contract.ts';
import type { ClaimedMessage } from './outbox-store.ts';
import type { Store } from './store.ts';

export interface ServerStoreUnderTest {
  store: Store;
  close(): Promise<void>;
}

const DUE = '2026-12-09T08:00:00.000Z';
const BEFORE_DUE = '2026-12-09T07:59:59.000Z';
const AFTER_DUE = '2026-12-09T08:00:01.000Z';
const LEASE = (from: string, seconds: number) => new Date(Date.parse(from) + seconds * 1000).toISOString();

function message(kind: OutboxMessageKind = 'reminder', dueAt = DUE): NewOutboxMessage {
  return { key: crypto.randomUUID(), kind, channel: 'email', recipient: 'taro@example.jp', subject: '【東金市】お知らせ', body: '本文', dueAt };
}

const SUBSCRIPTION = JSON.stringify({ endpoint: 'https://push.example.jp/send/abc', keys: { p256dh: 'B', auth: 'A' } });

function pushMessage(kind: OutboxMessageKind = 'reminder', dueAt = DUE): NewOutboxMessage {
  return { key: crypto.randomUUID(), kind, channel: 'push', recipient: SUBSCRIPTION, subject: 'あしたは予約です', body: '{"title":"あしたは予約です"}', dueAt };
}

/**
 * What the outbox of every server store must keep (SQLite, PostgreSQL), run by each store's own
 * contract test file against a real database. One database may serve several tests and hold their
 * messages, so every test looks only at the messages it wrote itself (by key).
 */
export function describeOutboxContract(name: string, makeStore: () => Promise<ServerStoreUnderTest>): void {
  describe(`the outbox contract: ${name}`, () => {
    let subject: ServerStoreUnderTest;
    let store: Store;
    beforeEach(async () => {
      subject = await makeStore();
      store = subject.store;
    });
    afterEach(() => subject.close());

    /** Claims everything due at `now`, and keeps the test's own messages. */
    async function claimMine(keys: string[], now: string, leaseSeconds = 60): Promise<ClaimedMessage[]> {
      const claimed = await store.outbox.claimDue(now, LEASE(now, leaseSeconds), 10_000);
      return claimed.filter((claim) => keys.includes(claim.key));
    }

    it('writes the reminder with the booking, and not at all for a booking refused as full or replayed', async () => {
      const slot = freshSlot();
      const reminder = message();
      const idempotency = { scope: 'counter.create', key: crypto.randomUUID(), requestHash: 'hash' };
      expect(await store.counter.book(counterBooking(slot, 1, { reminders: [reminder] }), idempotency, answer)).toEqual({ replayed: false, value: 'booked' });
      const replay = message();
      expect((await store.counter.book(counterBooking(slot, 1, { reminders: [replay] }), idempotency, answer)).replayed).toBe(true);
      const refused = message();
      expect(await store.counter.book(counterBooking(slot, 1, { reminders: [refused] }), null, answer)).toEqual({ replayed: false, value: 'full' });

      const keys = [reminder.key, replay.key, refused.key];
      expect(await claimMine(keys, BEFORE_DUE)).toEqual([]);
      const [claimed, ...others] = await claimMine(keys, AFTER_DUE);
      expect(others).toEqual([]);
      expect(claimed).toMatchObject({
        key: reminder.key,
        kind: 'reminder',
        recipient: 'taro@example.jp',
        subject: reminder.subject,
        body: reminder.body,
        attempts: 1,
      });
    });

    it('leases a claimed message: nobody else gets it until the lease runs out, then it is claimed again', async () => {
      const reminder = message();
      await store.counter.book(counterBooking(freshSlot(), 5, { reminders: [reminder] }), null, answer);
      expect(await claimMine([reminder.key], AFTER_DUE, 60)).toHaveLength(1);
      expect(await claimMine([reminder.key], LEASE(AFTER_DUE, 59))).toEqual([]);
      // The worker holding it died: after its lease the message is due again, the attempt counted.
      expect(await claimMine([reminder.key], LEASE(AFTER_DUE, 60))).toMatchObject([{ key: reminder.key, attempts: 2 }]);
    });

    it('hands each message to one of many claims made at once', async () => {
      const reminders = Array.from({ length: 30 }, () => message());
      await Promise.all(reminders.map((reminder) => store.counter.book(counterBooking(freshSlot(), 5, { reminders: [reminder] }), null, answer)));
      const keys = reminders.map((reminder) => reminder.key);
      const claims = await Promise.all(Array.from({ length: 6 }, () => store.outbox.claimDue(AFTER_DUE, LEASE(AFTER_DUE, 60), 7)));
      const mine = claims.flat().filter((claim) => keys.includes(claim.key));
      const rest = await claimMine(keys, AFTER_DUE);
      expect(new Set([...mine, ...rest].map((claim) => claim.key)).size).toBe(30);
      expect(mine.length + rest.length).toBe(30);
    });

    it('waits after a retry, never sends a sent message again, and lists a failed one without its address or text', async () => {
      const [retried, sent] = [message(), message()];
      const retriedBooking = counterBooking(freshSlot(), 5, { reminders: [retried] });
      await store.counter.book(retriedBooking, null, answer);
      await store.counter.book(counterBooking(freshSlot(), 5, { reminders: [sent] }), null, answer);
      const keys = [retried.key, sent.key];
      const first = await claimMine(keys, AFTER_DUE);
      const idOf = (key: string) => first.find((claim) => claim.key === key)?.id ?? -1;
      await store.outbox.markSent(idOf(sent.key), AFTER_DUE);
      const nextAttempt = LEASE(AFTER_DUE, 300);
      await store.outbox.markRetry(idOf(retried.key), nextAttempt, '421 try later');

      expect(await claimMine(keys, LEASE(AFTER_DUE, 299))).toEqual([]);
      const again = await claimMine(keys, nextAttempt);
      expect(again).toMatchObject([{ key: retried.key, attempts: 2 }]);
      await store.outbox.markFailed(idOf(retried.key), nextAttempt, '550 no such user');
      expect(await claimMine(keys, LEASE(AFTER_DUE, 86_400 * 30))).toEqual([]);

      const failed = (await store.outbox.failedMessages(10)).filter((row) => row.key === retried.key);
      expect(failed).toEqual([
        {
          key: retried.key,
          kind: 'reminder',
          channel: 'email',
          bookingCode: retriedBooking.code,
          dueAt: DUE,
          attempts: 2,
          lastError: '550 no such user',
          failedAt: nextAttempt,
        },
      ]);
      expect(JSON.stringify(failed)).not.toContain('taro@example.jp');
    });

    it('a cancel removes the unsent reminder and writes the city’s notice; a move replaces the reminder', async () => {
      const [reminder, notice, late] = [message(), message('city-cancellation', BEFORE_DUE), message('city-cancellation', BEFORE_DUE)];
      const booking = counterBooking(freshSlot(), 5, { reminders: [reminder] });
      await store.counter.book(booking, null, answer);
      expect(await store.counter.cancel(booking.code, BEFORE_DUE, [notice])).toBe('cancelled');
      // A second cancel changes nothing, so writes no second notice.
      expect(await store.counter.cancel(booking.code, BEFORE_DUE, [late])).toBe('not-booked');
      expect(await claimMine([reminder.key, notice.key, late.key], AFTER_DUE)).toMatchObject([{ key: notice.key, kind: 'city-cancellation' }]);

      const [oldReminder, newReminder, refusedReminder] = [message(), message('reminder', LEASE(DUE, 86_400)), message()];
      const moving = counterBooking(freshSlot(), 5, { reminders: [oldReminder] });
      await store.counter.book(moving, null, answer);
      const full = freshSlot();
      await store.counter.book(counterBooking(full, 1), null, answer);
      expect(await store.counter.move(moving.code, full, 1, BEFORE_DUE, [refusedReminder])).toBe('full');
      expect(await store.counter.move(moving.code, freshSlot('2026-12-11'), 5, BEFORE_DUE, [newReminder])).toBe('moved');
      const keys = [oldReminder.key, newReminder.key, refusedReminder.key];
      expect(await claimMine(keys, AFTER_DUE)).toEqual([]);
      expect(await claimMine(keys, LEASE(DUE, 86_400))).toMatchObject([{ key: newReminder.key }]);
    });

    it('a clerk’s move writes the city’s notice with it and is shown as the city’s; the citizen’s own change forgets that', async () => {
      const loginName = `move-${crypto.randomUUID().slice(0, 8)}`;
      await store.staff.addAccount({ loginName, displayName: '窓口', role: 'counter', passwordHash: 'x', now: BEFORE_DUE });
      const accountId = (await store.staff.findAccount(loginName))?.id ?? 0;
      const booking = counterBooking(freshSlot(), 5);
      await store.counter.book(booking, null, answer);
      const [notice, refusedNotice] = [message('city-move', BEFORE_DUE), message('city-move', BEFORE_DUE)];
      const full = freshSlot();
      await store.counter.book(counterBooking(full, 1), null, answer);
      expect(await store.counter.move(booking.code, full, 1, BEFORE_DUE, [], { accountId, notices: [refusedNotice] })).toBe('full');
      expect((await store.counter.find(booking.code))?.cityMovedFrom).toBeNull();

      const target = freshSlot();
      expect(await store.counter.move(booking.code, target, 5, BEFORE_DUE, [], { accountId, notices: [notice] })).toBe('moved');
      expect(await store.counter.find(booking.code)).toMatchObject({ slot: target, cityMovedFrom: booking.slot });
      expect(await claimMine([notice.key, refusedNotice.key], AFTER_DUE)).toMatchObject([{ key: notice.key, kind: 'city-move' }]);

      expect(await store.counter.move(booking.code, freshSlot(), 5, BEFORE_DUE, [])).toBe('moved');
      expect((await store.counter.find(booking.code))?.cityMovedFrom).toBeNull();
    });

    it('takes a push beside a mail: each claimed with its channel, a push failed for good listed without its subscription', async () => {
      const [mail, push] = [message(), pushMessage()];
      const booking = counterBooking(freshSlot(), 5, { reminders: [mail, push] });
      await store.counter.book(booking, null, answer);
      const claimed = await claimMine([mail.key, push.key], AFTER_DUE);
      expect(claimed).toMatchObject([
        { key: mail.key, channel: 'email', recipient: 'taro@example.jp' },
        { key: push.key, channel: 'push', recipient: SUBSCRIPTION, subject: push.subject, body: push.body },
      ]);
      // The push service said the subscription is gone (410): failed at its first attempt, never claimed again.
      await store.outbox.markFailed(claimed[1]?.id ?? -1, AFTER_DUE, 'プッシュ通知サービスの応答 410');
      expect(await claimMine([push.key], LEASE(AFTER_DUE, 86_400))).toEqual([]);
      const failed = (await store.outbox.failedMessages(10)).filter((row) => row.key === push.key);
      expect(failed).toMatchObject([{ kind: 'reminder', channel: 'push', bookingCode: booking.code, attempts: 1 }]);
      expect(JSON.stringify(failed)).not.toContain('push.example.jp');

      // A cancel by the city removes every channel's unsent reminder and writes a notice for each.
      const other = counterBooking(freshSlot(), 5, { reminders: [message(), pushMessage()] });
      await store.counter.book(other, null, answer);
      const notices = [message('city-cancellation', BEFORE_DUE), pushMessage('city-cancellation', BEFORE_DUE)];
      expect(await store.counter.cancel(other.code, BEFORE_DUE, notices)).toBe('cancelled');
      const afterCancel = await store.outbox.claimDue(AFTER_DUE, LEASE(AFTER_DUE, 60), 10_000);
      expect(afterCancel.filter((claim) => claim.kind === 'reminder' && other.reminders.some((reminder) => reminder.key === claim.key))).toEqual([]);
      expect(afterCancel.filter((claim) => notices.some((notice) => notice.key === claim.key)).map((claim) => claim.channel)).toEqual(['email', 'push']);
    });

    describe('the mails written ahead for a facility booking', () => {
      const room = () => `mail-room-${crypto.randomUUID()}`;
      const provisional = (extra: Parameters<typeof facilityBooking>[3] = {}) =>
        facilityBooking(room(), ['2026-12-20'], ['09:00'], {
          status: 'provisional',
          provisionalUntil: '2026-12-12T15:00:00.000Z',
          applyBy: '2026-12-12',
          ...extra,
        });

      it('are written with the booking, and not for one refused as taken; a move replaces the unsent ones, a cancel removes them', async () => {
        const place = room();
        const [reminder, refused] = [message('facility-reminder'), message('facility-reminder')];
        const booking = facilityBooking(place, ['2026-12-20'], ['09:00'], { mails: [reminder] });
        expect(await store.facilities.book(booking, null, answer)).toEqual({ replayed: false, value: 'booked' });
        expect(await store.facilities.book(facilityBooking(place, ['2026-12-20'], ['09:00'], { mails: [refused] }), null, answer)).toEqual({
          replayed: false,
          value: 'taken',
        });

        const [moved, refusedMove] = [message('facility-reminder', LEASE(DUE, 86_400)), message('facility-reminder')];
        const other = facilityBooking(place, ['2026-12-22'], ['09:00']);
        await store.facilities.book(other, null, answer);
        const toTaken = { dates: ['2026-12-22'], blockIds: ['09:00'], segments: [{ date: '2026-12-22', segment: '09:00' }], fee: 1200 };
        expect(await store.facilities.move(booking.code, toTaken, BEFORE_DUE, [refusedMove])).toBe('taken');
        const toFree = { dates: ['2026-12-21'], blockIds: ['09:00'], segments: [{ date: '2026-12-21', segment: '09:00' }], fee: 1200 };
        expect(await store.facilities.move(booking.code, toFree, BEFORE_DUE, [moved])).toBe('moved');
        const keys = [reminder.key, refused.key, moved.key, refusedMove.key];
        expect(await claimMine(keys, AFTER_DUE)).toEqual([]);

        const [cancelled, kept] = [message('facility-reminder'), message('facility-declined')];
        const cancelling = facilityBooking(room(), ['2026-12-20'], ['09:00'], { mails: [cancelled, kept] });
        await store.facilities.book(cancelling, null, answer);
        expect(await store.facilities.cancel(cancelling.code, BEFORE_DUE)).toBe('cancelled');
        // Only the mails written ahead go: a notice already due is not the change's to take back.
        const claimed = await claimMine([...keys, cancelled.key, kept.key], LEASE(DUE, 86_400));
        expect(claimed.map((claim) => `${claim.kind} ${claim.key}`).sort()).toEqual([`facility-declined ${kept.key}`, `facility-reminder ${moved.key}`]);
      });

      it('a confirm takes the 仮予約’s deadline notice away and writes the reminder; a refused confirm changes nothing', async () => {
        const [deadline, reminder, refused] = [message('facility-deadline'), message('facility-reminder'), message('facility-reminder')];
        const booking = provisional({ mails: [deadline] });
        await store.facilities.book(booking, null, answer);
        expect(await store.facilities.confirm(booking.code, BEFORE_DUE, reminder)).toBe('confirmed');
        expect(await store.facilities.confirm(booking.code, BEFORE_DUE, refused)).toBe('not-provisional');
        expect(await claimMine([deadline.key, reminder.key, refused.key], AFTER_DUE)).toMatchObject([{ key: reminder.key, kind: 'facility-reminder' }]);
      });

      it('a 仮予約 that lapses takes its unsent mails with it, whether the release job or the next booking releases it', async () => {
        const [byJob, byBooking] = [message('facility-deadline', LEASE(DUE, 3600)), message('facility-deadline', LEASE(DUE, 3600))];
        const lapsing = provisional({ provisionalUntil: DUE, mails: [byJob] });
        await store.facilities.book(lapsing, null, answer);
        expect(await store.facilities.releaseExpired(AFTER_DUE)).toBeGreaterThanOrEqual(1);
        const place = room();
        const other = facilityBooking(place, ['2026-12-20'], ['09:00'], {
          status: 'provisional',
          provisionalUntil: DUE,
          applyBy: '2026-12-09',
          mails: [byBooking],
        });
        await store.facilities.book(other, null, answer);
        await store.facilities.book(facilityBooking(place, ['2026-12-20'], ['09:00'], { now: AFTER_DUE }), null, answer);
        expect((await store.facilities.find(other.code))?.status).toBe('released');
        expect(await claimMine([byJob.key, byBooking.key], LEASE(DUE, 7200))).toEqual([]);
      });

      it('the facility desk’s decline takes the deadline notice away and writes its own notice in the same transaction', async () => {
        const loginName = `decline-${crypto.randomUUID().slice(0, 8)}`;
        await store.staff.addAccount({ loginName, displayName: '施設', role: 'facility', passwordHash: 'x', now: BEFORE_DUE });
        const accountId = (await store.staff.findAccount(loginName))?.id ?? 0;
        const [deadline, notice] = [message('facility-deadline'), message('facility-declined', BEFORE_DUE)];
        const booking = provisional({ mails: [deadline] });
        await store.facilities.book(booking, null, answer);
        expect(await store.staff.declineFacilityBooking({ code: booking.code, reason: '市の行事のため', accountId, now: BEFORE_DUE, notice })).toBe('declined');
        expect(await claimMine([deadline.key, notice.key], AFTER_DUE)).toMatchObject([{ key: notice.key, kind: 'facility-declined' }]);
      });
    });

    it('retention deletes the messages (and so the addresses) with the booking’s personal data', async () => {
      const [gone, kept] = [message(), message()];
      const goneBooking = counterBooking(freshSlot('2024-03-01'), 5, { reminders: [gone] });
      await store.counter.book(goneBooking, null, answer);
      await store.counter.book(counterBooking(freshSlot('2024-03-02'), 5, { reminders: [kept] }), null, answer);
      expect(await store.counter.deletePersonalDataUpTo('2024-03-01', AFTER_DUE)).toBeGreaterThanOrEqual(1);
      expect((await claimMine([gone.key, kept.key], AFTER_DUE)).map((claim) => claim.key)).toEqual([kept.key]);
      // Leave nothing of 2024 behind for other tests sharing the database.
      await store.counter.deletePersonalDataUpTo('2024-03-02', AFTER_DUE);
    });
  });
}
