import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cancelledByCityMail, reminderMail } from '../../domain/counter-mail.ts';
import type { CounterReservationCreated } from '../../domain/counter-reservation.ts';
import type { UndeliveredMail } from '../../domain/undelivered-mail.ts';
import { counterMailFacts, facilityMailFacts } from '../../booking/outbox.ts';
import type { FacilityBookingCreated } from '../../domain/facility-booking.ts';
import { deadlineNoticeMail, facilityDeclinedMail, facilityReminderMail } from '../../domain/facility-mail.ts';
import { loadContentPack } from '../content.ts';
import { addStaffAccount, signIn } from '../testing/staff-client.ts';
import { type SinkAnswer, type SmtpSink, startSmtpSink } from '../testing/smtp-sink.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { DATABASE_FILE_NAME } from '../store/sqlite-store.ts';
import type { OutboxStore } from '../store/outbox-store.ts';
import { createMailWorker, type MailWorker, type MailWorkerSettings } from './mail-worker.ts';

// Tuesday 24 November 2026, 10:00 in Japan; the visit is Tuesday 1 December at 10:30, so the
// reminder is due on Monday 30 November at 17:00 in Japan (08:00 UTC).
const BOOKED_AT = new Date('2026-11-24T01:00:00Z');
const REMINDER_DUE = new Date('2026-11-30T08:00:00Z');
const FROM = '東金市役所 <no-reply@city.togane.example.jp>';
const ADDRESS = 'taro.togane@example.jp';
const PUBLIC_URL = 'https://togane.example.jp';
const booking = {
  kindId: 'card-pickup',
  slot: { date: '2026-12-01', time: '10:30' },
  nameKana: 'とうがね たろう',
  phone: '0475-50-1210',
  email: ADDRESS,
  people: 1,
  proxy: true,
};
const counter = loadContentPack().counter;
const mailSettings = { bookingsUrl: `${PUBLIC_URL}/mynumber/reservations`, waitlistOfferUrl: `${PUBLIC_URL}/mynumber/waitlist` };
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const later = (from: Date, ms: number) => new Date(from.getTime() + ms);

let clock: Date;
let server: TestServer;
let sink: SmtpSink | undefined;
let workers: MailWorker[];

beforeEach(async () => {
  clock = BOOKED_AT;
  workers = [];
  server = await startTestServer(
    { rateLimitPerMinute: 100_000, sampleFacilitiesBookable: true, mail: { smtpUrl: 'smtp://127.0.0.1:1', from: FROM, publicUrl: PUBLIC_URL } },
    () => clock,
  );
});
afterEach(async () => {
  await Promise.all(workers.map((worker) => worker.stop()));
  await sink?.close();
  sink = undefined;
  await server.close();
});

async function book(body: object = booking): Promise<CounterReservationCreated> {
  const response = await fetch(`${server.baseUrl}/api/v1/counter/reservations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as CounterReservationCreated;
}

async function worker(
  answer: (index: number) => SinkAnswer | Promise<SinkAnswer> = () => 'accept',
  extra: Partial<MailWorkerSettings> = {},
): Promise<MailWorker> {
  sink ??= await startSmtpSink(answer);
  const created = createMailWorker({ outbox: server.store.outbox, smtp: { url: sink.url, from: FROM }, now: () => clock, log: quiet, ...extra });
  workers.push(created);
  return created;
}

const messageIdPattern = /^<[0-9a-f-]{36}@city\.togane\.example\.jp>$/;

describe('the reminder', () => {
  it('is offered: the availability answer tells the form to ask for an address', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/counter/availability?from=2026-12-01&to=2026-12-01`);
    expect(((await response.json()) as { emailReminders: boolean }).emailReminders).toBe(true);
  });

  it('arrives once, the day before at 17:00, saying the visit, what to bring, the code and the link, with nothing personal', async () => {
    const { reservation } = await book();
    const mailer = await worker();
    clock = later(REMINDER_DUE, -1000);
    expect(await mailer.sendDue()).toBe(0);
    clock = REMINDER_DUE;
    expect(await mailer.sendDue()).toBe(1);
    clock = later(REMINDER_DUE, 86_400_000);
    expect(await mailer.sendDue()).toBe(0);

    expect(sink?.received).toHaveLength(1);
    const [mail] = sink?.received ?? [];
    const facts = counterMailFacts(counter, mailSettings, { code: reservation.code, slot: '2026-12-01T10:30', kindId: 'card-pickup', proxy: true });
    if (!mail || !facts) throw new Error('no mail');
    const expected = reminderMail(facts);
    expect(mail.envelopeTo).toEqual([ADDRESS]);
    expect(mail.envelopeFrom).toBe('no-reply@city.togane.example.jp');
    expect(mail.headers.get('to')).toBe(ADDRESS);
    expect(mail.headers.get('from')).toBe(FROM);
    expect(mail.headers.get('subject')).toBe(expected.subject);
    expect(mail.headers.get('message-id')).toMatch(messageIdPattern);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(mail.text.trimEnd()).toBe(expected.body);
    expect(mail.text).toContain(`予約番号　${reservation.code.slice(0, 4)}-${reservation.code.slice(4)}`);
    expect(mail.text).toContain('https://togane.example.jp/mynumber/reservations');
    // The address it goes to is the only personal thing: no name, no phone, in the text or the headers.
    for (const personal of ['トウガネ', 'とうがね', 'タロウ', '0475', '501210', '50-1210']) {
      expect(mail.raw).not.toContain(personal);
      expect(mail.text).not.toContain(personal);
      expect([...mail.headers.values()].join('\n')).not.toContain(personal);
    }
  });

  it('is not sent without an address, for a booking made after its time, or once the citizen cancels; a change moves it', async () => {
    await book({ ...booking, email: '' });
    const cancelled = await book();
    const cancel = await fetch(`${server.baseUrl}/api/v1/counter/reservations/${cancelled.reservation.code}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${cancelled.token}` },
    });
    expect(cancel.status).toBe(200);
    const moved = await book();
    const change = await fetch(`${server.baseUrl}/api/v1/counter/reservations/${moved.reservation.code}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${moved.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ slot: { date: '2026-12-02', time: '11:00' } }),
    });
    expect(change.status).toBe(200);
    clock = later(REMINDER_DUE, 60_000);
    await book();

    const mailer = await worker();
    clock = later(REMINDER_DUE, 3_600_000);
    expect(await mailer.sendDue()).toBe(0);
    // The changed booking's reminder: the day before its new day.
    clock = new Date('2026-12-01T08:00:00Z');
    expect(await mailer.sendDue()).toBe(1);
    expect(sink?.received.map((mail) => mail.headers.get('subject'))).toEqual([
      '【東金市】あした 12月2日（水） 11:00から マイナンバーカードの窓口の予約があります',
    ]);
  });
});

describe('the city’s cancellation', () => {
  it('goes out at once with the clerk’s reason, and the reminder no longer does', async () => {
    const { reservation } = await book();
    const password = 'kuju-kuri-hama-2026';
    await addStaffAccount(server, 'madoguchi', 'counter', password);
    const clerk = await signIn(server, 'madoguchi', password);
    const reason = '窓口の機械の点検のため、この日の受付を休みます。';
    expect((await clerk.send('POST', `/staff/counter/bookings/${reservation.code}/cancel`, { reason })).status).toBe(200);

    const mailer = await worker();
    expect(await mailer.sendDue()).toBe(1);
    clock = REMINDER_DUE;
    expect(await mailer.sendDue()).toBe(0);
    const facts = counterMailFacts(counter, mailSettings, { code: reservation.code, slot: '2026-12-01T10:30', kindId: 'card-pickup', proxy: true });
    if (!facts) throw new Error('no facts');
    expect(sink?.received.map((mail) => [mail.headers.get('subject'), mail.text.trimEnd()])).toEqual([
      [cancelledByCityMail(facts, reason).subject, cancelledByCityMail(facts, reason).body],
    ]);
  });
});

/** A 仮予約 of the 文化会館's meeting room on Friday 18 December; booked on 24 November, it must be applied for by 1 December. */
async function bookFacility(): Promise<FacilityBookingCreated> {
  const response = await fetch(`${server.baseUrl}/api/v1/facilities/bookings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      facilityId: 'bunka-kaikan',
      roomId: 'meeting-1',
      dates: ['2026-12-18'],
      blockIds: ['afternoon'],
      residency: 'resident',
      group: 'general',
      purpose: '自治会の会議',
      headCount: 12,
      groupName: '東金一丁目自治会',
      nameKana: 'とうがね はなこ',
      phone: '0475-50-1210',
      email: ADDRESS,
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as FacilityBookingCreated;
}

const facilities = loadContentPack().facilities;
const facilityFacts = (code: string) => {
  const facts = facilityMailFacts(
    facilities,
    { bookingsUrl: `${PUBLIC_URL}/facilities/bookings` },
    {
      code,
      facilityId: 'bunka-kaikan',
      roomId: 'meeting-1',
      dates: ['2026-12-18'],
      blockIds: ['afternoon'],
    },
  );
  if (!facts) throw new Error('no facts');
  return facts;
};

function expectNothingPersonal(mail: { raw: string; text: string; headers: Map<string, string> }): void {
  for (const personal of ['とうがね', 'はなこ', '東金一丁目自治会', '自治会の会議', '0475', '50-1210']) {
    expect(mail.raw).not.toContain(personal);
    expect(mail.text).not.toContain(personal);
    expect([...mail.headers.values()].join('\n')).not.toContain(personal);
  }
}

// The deadline notice is due the day before the deadline (30 November) at 9:00 in Japan; the
// reminder the day before use (17 December) at 17:00 in Japan.
const DEADLINE_NOTICE_DUE = new Date('2026-11-30T00:00:00Z');
const FACILITY_REMINDER_DUE = new Date('2026-12-17T08:00:00Z');

describe('a 仮予約’s deadline notice', () => {
  it('arrives once, the morning of the day before the deadline, saying the deadline, where to apply and the code, with nothing personal', async () => {
    const { booking } = await bookFacility();
    expect(booking).toMatchObject({ status: 'provisional', applyBy: '2026-12-01' });
    const mailer = await worker();
    clock = later(DEADLINE_NOTICE_DUE, -1000);
    expect(await mailer.sendDue()).toBe(0);
    clock = DEADLINE_NOTICE_DUE;
    expect(await mailer.sendDue()).toBe(1);
    // Never applied for, the 仮予約 lapses: no reminder follows.
    clock = later(FACILITY_REMINDER_DUE, 60_000);
    expect(await mailer.sendDue()).toBe(0);

    const expected = deadlineNoticeMail(facilityFacts(booking.code), '2026-12-01');
    expect(sink?.received.map((mail) => [mail.headers.get('subject'), mail.text.trimEnd(), mail.envelopeTo])).toEqual([
      [expected.subject, expected.body, [ADDRESS]],
    ]);
    const [mail] = sink?.received ?? [];
    if (!mail) throw new Error('no mail');
    expect(mail.text).toContain('2026年12月1日（火）までに、');
    expect(mail.text).toContain('東金文化会館の窓口で申し込みをしてください。');
    expect(mail.text).toContain(`予約番号　${booking.code.slice(0, 4)}-${booking.code.slice(4)}`);
    expect(mail.text).toContain('https://togane.example.jp/facilities/bookings');
    expect(mail.headers.get('message-id')).toMatch(messageIdPattern);
    expectNothingPersonal(mail);
  });
});

describe('a facility booking’s reminder', () => {
  it('comes with the desk’s confirmation: a confirmed 仮予約 never gets the deadline notice, and gets its reminder the day before at 17:00', async () => {
    const { booking } = await bookFacility();
    const password = 'kuju-kuri-hama-2026';
    await addStaffAccount(server, 'shisetsu', 'facility', password);
    const manager = await signIn(server, 'shisetsu', password);
    expect((await manager.send('POST', `/staff/facilities/bookings/${booking.code}/confirm`)).status).toBe(200);

    const mailer = await worker();
    clock = later(DEADLINE_NOTICE_DUE, 3_600_000);
    expect(await mailer.sendDue()).toBe(0);
    clock = later(FACILITY_REMINDER_DUE, -1000);
    expect(await mailer.sendDue()).toBe(0);
    clock = FACILITY_REMINDER_DUE;
    expect(await mailer.sendDue()).toBe(1);
    clock = later(FACILITY_REMINDER_DUE, 7 * 86_400_000);
    expect(await mailer.sendDue()).toBe(0);

    const expected = facilityReminderMail(facilityFacts(booking.code));
    expect(sink?.received.map((mail) => [mail.headers.get('subject'), mail.text.trimEnd(), mail.envelopeTo])).toEqual([
      [expected.subject, expected.body, [ADDRESS]],
    ]);
    const [mail] = sink?.received ?? [];
    if (!mail) throw new Error('no mail');
    expect(mail.headers.get('subject')).toBe('【東金市】あした 12月18日（金） 東金文化会館の予約があります');
    expect(mail.text).toContain('日にち　2026年12月18日（金）');
    expect(mail.text).toContain(`予約番号　${booking.code.slice(0, 4)}-${booking.code.slice(4)}`);
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    expectNothingPersonal(mail);
  });
});

describe('a facility booking made at once (no 仮予約)', () => {
  async function bookSample(email: string, block: string): Promise<FacilityBookingCreated> {
    const response = await fetch(`${server.baseUrl}/api/v1/facilities/bookings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        facilityId: 'sample-kominkan',
        roomId: 'meeting',
        dates: ['2026-12-10'],
        blockIds: [block],
        residency: 'resident',
        group: 'general',
        purpose: '会議',
        headCount: 8,
        groupName: '東金一丁目自治会',
        nameKana: 'とうがね はなこ',
        phone: '0475-50-1210',
        email,
      }),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as FacilityBookingCreated;
  }

  it('gets its reminder the day before; a change moves it to the day before the new day, a cancel removes it, none without an address', async () => {
    await bookSample('', 'evening');
    const cancelled = await bookSample(ADDRESS, 'afternoon');
    const cancel = await fetch(`${server.baseUrl}/api/v1/facilities/bookings/${cancelled.booking.code}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${cancelled.token}` },
    });
    expect(cancel.status).toBe(200);
    const moved = await bookSample(ADDRESS, 'morning');
    const change = await fetch(`${server.baseUrl}/api/v1/facilities/bookings/${moved.booking.code}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${moved.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ dates: ['2026-12-11'], blockIds: ['afternoon'] }),
    });
    expect(change.status).toBe(200);

    const mailer = await worker();
    // The day before 10 December at 17:00 in Japan: nothing, the only booking of that day has moved.
    clock = new Date('2026-12-09T08:00:00Z');
    expect(await mailer.sendDue()).toBe(0);
    clock = new Date('2026-12-10T08:00:00Z');
    expect(await mailer.sendDue()).toBe(1);
    const [mail] = sink?.received ?? [];
    if (!mail) throw new Error('no mail');
    expect(mail.headers.get('subject')).toBe('【東金市】あした 12月11日（金） 中央公民館（見本）の予約があります');
    expect(mail.text).toContain('午後');
    expect(mail.text).toContain(`予約番号　${moved.booking.code.slice(0, 4)}-${moved.booking.code.slice(4)}`);
    expect(sink?.received).toHaveLength(1);
  });
});

describe('the facility desk’s decline of a 仮予約', () => {
  it('goes out at once with the reason, saying the room, the day and the code, with nothing personal; the deadline notice does not', async () => {
    const { booking: created } = await bookFacility();
    const password = 'kuju-kuri-hama-2026';
    await addStaffAccount(server, 'shisetsu', 'facility', password);
    const manager = await signIn(server, 'shisetsu', password);
    const reason = '市の行事で部屋を使うことになったため';
    expect((await manager.send('POST', `/staff/facilities/bookings/${created.code}/decline`, { reason })).status).toBe(200);

    const mailer = await worker();
    expect(await mailer.sendDue()).toBe(1);
    clock = later(DEADLINE_NOTICE_DUE, 60_000);
    expect(await mailer.sendDue()).toBe(0);
    const facility = facilities.facilities.find((candidate) => candidate.id === 'bunka-kaikan')!;
    const room = facility.rooms.find((candidate) => candidate.id === 'meeting-1')!;
    const mail = facilityDeclinedMail({ code: created.code, facility, room, dates: ['2026-12-18'], blockIds: ['afternoon'] }, reason);
    expect(sink?.received.map((received) => [received.headers.get('subject'), received.text.trimEnd(), received.envelopeTo])).toEqual([
      [mail.subject, mail.body, [ADDRESS]],
    ]);
    expect(mail.body).not.toContain('とうがね');
    expect(mail.body).not.toContain('東金一丁目自治会');
    expect(mail.body).not.toContain('0475-50-1210');
  });
});

describe('a mail server that says no or does not answer', () => {
  it.each([451, 550])('answering %i: the mail is tried again after the back-off, then failed for the staff to see; the booking stays', async (code) => {
    const { reservation, token } = await book();
    const mailer = await worker(() => ({ code }), { retryDelays: [60_000, 120_000] });
    clock = REMINDER_DUE;
    expect(await mailer.sendDue()).toBe(1);
    clock = later(REMINDER_DUE, 59_000);
    expect(await mailer.sendDue()).toBe(0);
    clock = later(REMINDER_DUE, 60_000);
    expect(await mailer.sendDue()).toBe(1);
    clock = later(clock, 120_000);
    const failedAt = clock.toISOString();
    expect(await mailer.sendDue()).toBe(1);
    clock = later(clock, 86_400_000);
    expect(await mailer.sendDue()).toBe(0);

    expect(sink?.dataStarted).toBe(3);
    expect(sink?.received).toEqual([]);
    const failed = await server.store.outbox.failedMessages(10);
    expect(failed).toMatchObject([{ kind: 'reminder', bookingCode: reservation.code, attempts: 3, failedAt }]);
    expect(failed[0]?.lastError).toContain(String(code));

    // The counter desk sees it, to phone the citizen: the booking and the mail, never the address.
    const password = 'kuju-kuri-hama-2026';
    await addStaffAccount(server, 'madoguchi', 'counter', password);
    await addStaffAccount(server, 'shisetsu', 'facility', password);
    const listed = async (loginName: string) => {
      const response = await (await signIn(server, loginName, password)).send('GET', '/staff/mail/undelivered');
      expect(response.status).toBe(200);
      return ((await response.json()) as { mails: UndeliveredMail[] }).mails;
    };
    const mails = await listed('madoguchi');
    expect(mails).toMatchObject([{ bookingCode: reservation.code, kind: 'reminder', attempts: 3, failedAt }]);
    expect(mails[0]?.problem).toContain(String(code));
    expect(JSON.stringify(mails)).not.toContain(ADDRESS);
    // Not the facility desk's booking.
    expect(await listed('shisetsu')).toEqual([]);
    const kept = await fetch(`${server.baseUrl}/api/v1/counter/reservations/${reservation.code}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(((await kept.json()) as { reservation: { status: string } }).reservation.status).toBe('booked');
  });

  it('that hangs: the wait is cut by the timeout, the mail tried again, then failed', async () => {
    await book();
    const mailer = await worker(() => 'hang', { retryDelays: [1000], timeouts: { connectionMs: 2000, greetingMs: 2000, socketMs: 300 } });
    clock = REMINDER_DUE;
    expect(await mailer.sendDue()).toBe(1);
    clock = later(REMINDER_DUE, 1000);
    expect(await mailer.sendDue()).toBe(1);
    expect(sink?.dataStarted).toBe(2);
    expect(sink?.received).toEqual([]);
    const [failed] = await server.store.outbox.failedMessages(10);
    expect(failed).toMatchObject({ attempts: 2 });
    expect(failed?.lastError).toMatch(/timeout/i);
  });
});

describe('stopping and dying mid-send', () => {
  it('a stop (SIGTERM) lets the mail in flight finish and be marked: it is never sent again', async () => {
    await book();
    const held: { release?: (answer: SinkAnswer) => void } = {};
    const mailer = await worker((index) => (index === 0 ? new Promise<SinkAnswer>((resolve) => (held.release = resolve)) : 'accept'), { pollMs: 50 });
    clock = REMINDER_DUE;
    mailer.start();
    // The server has the whole mail and holds its answer: the mail is in flight.
    await until(() => held.release !== undefined);
    const stopped = mailer.stop();
    held.release?.('accept');
    await stopped;

    const next = await worker();
    clock = later(REMINDER_DUE, 86_400_000);
    expect(await next.sendDue()).toBe(0);
    expect(sink?.received).toHaveLength(1);
  });

  it('a worker killed before the server took the mail: after its lease, the restarted worker sends it once, with the same Message-ID', async () => {
    await book();
    sink = await startSmtpSink((index) => (index === 0 ? 'hang' : 'accept'));
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(fileURLToPath(new URL('../testing/mail-worker-child.ts', import.meta.url))),
        join(server.dataDir, DATABASE_FILE_NAME),
        sink.url,
        FROM,
        REMINDER_DUE.toISOString(),
      ],
      { stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // The server has the whole mail and has not answered: the worker is mid-send.
    await until(() => sink?.unanswered.length === 1, 60_000);
    child.kill('SIGKILL');
    await exited;

    const restarted = await worker();
    // Its lease (10 minutes with the production timeouts) still holds the message.
    clock = later(REMINDER_DUE, 9 * 60_000);
    expect(await restarted.sendDue()).toBe(0);
    clock = later(REMINDER_DUE, 10 * 60_000);
    expect(await restarted.sendDue()).toBe(1);
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]?.headers.get('message-id')).toBe(sink.unanswered[0]?.headers.get('message-id'));
  }, 90_000);

  it('a worker that dies after the server took the mail but before marking it: the mail comes again with the same Message-ID (at least once)', async () => {
    await book();
    sink = await startSmtpSink();
    // The process "dies" between the server's 250 and the mark: the mark never reaches the database.
    const dying: OutboxStore = { ...server.store.outbox, markSent: () => Promise.reject(new Error('killed')) };
    const first = createMailWorker({ outbox: dying, smtp: { url: sink.url, from: FROM }, now: () => clock, log: quiet });
    workers.push(first);
    clock = REMINDER_DUE;
    await expect(first.sendDue()).rejects.toThrow('killed');

    const restarted = await worker();
    clock = later(REMINDER_DUE, 10 * 60_000);
    expect(await restarted.sendDue()).toBe(1);
    clock = later(REMINDER_DUE, 20 * 60_000);
    expect(await restarted.sendDue()).toBe(0);
    const ids = sink.received.map((mail) => mail.headers.get('message-id'));
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(messageIdPattern);
  });
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
