import { expect, test } from '@playwright/test';
import { formatTime, parseTime } from '../src/domain/japan-time.ts';
import { startSmtpSink, type SmtpSink } from '../src/server/testing/smtp-sink.ts';
import { axeViolations } from './support/accessibility.ts';
import { type OwnServer, ownServerPort, startOwnServer } from './support/own-server.ts';

/**
 * キャンセル待ち end to end: a server that sends mail (to a local SMTP server), a full slot, a
 * citizen who joins its queue on the booking screen, a cancellation, the offer mail as the mail
 * server received it, and the one tap on its link that books the seat.
 */
let sink: SmtpSink;
let server: OwnServer;
test.beforeEach(async () => {
  sink = await startSmtpSink();
  const port = ownServerPort(600, test.info().workerIndex);
  server = await startOwnServer(port, undefined, {
    SMTP_URL: sink.url,
    MAIL_FROM: '東金市役所 <no-reply@city.togane.chiba.jp>',
    PUBLIC_URL: `http://localhost:${String(port)}`,
  });
});
test.afterEach(async () => {
  await server.stop();
  await sink.close();
});

interface Created {
  reservation: { code: string };
  token: string;
}

test('a cancellation of a full slot is offered to the one waiting, who books it in one tap from the mail', async ({ page, request }) => {
  const api = `${server.baseUrl}/api/v1`;
  const availability = (await (await request.get(`${api}/counter/availability`)).json()) as {
    days: { date: string; slots: { time: string; bookable: boolean; seatsLeft: number }[] }[];
  };
  // A day and time far enough ahead that the two-hour hold fits before its booking closes.
  const day = availability.days.find(
    (candidate) => candidate.slots.filter((slot) => slot.bookable).length > 2 && candidate.date > (availability.days[1]?.date ?? ''),
  );
  const slot = day?.slots.find((candidate) => candidate.bookable && candidate.seatsLeft === 2);
  if (!day || !slot) throw new Error('no free slot');
  const startsAt = formatTime(parseTime(slot.time) ?? 0);
  const booked: Created[] = [];
  for (const phone of ['0475501210', '0475501212']) {
    const response = await request.post(`${api}/counter/reservations`, {
      data: { kindId: 'card-pickup', slot: { date: day.date, time: slot.time }, nameKana: 'トウガネ タロウ', phone, people: 1, proxy: false },
    });
    expect(response.status()).toBe(201);
    booked.push((await response.json()) as Created);
  }

  // The full time offers キャンセル待ち; the citizen gives the same details as for a booking, and an address.
  await page.goto(`${server.baseUrl}/mynumber/book/card-pickup?step=time&date=${day.date}`);
  const full = page.getByRole('button', { name: new RegExp(`^${startsAt}～.*満員・キャンセル待ち`) });
  await full.click();
  await expect(page.getByText('この時間は満員です。キャンセル待ちに登録すると')).toBeVisible();
  await page.getByLabel('お名前（カタカナ）').fill('とうがね はなこ');
  await page.getByLabel('電話番号').fill('0475501211');
  await page.getByRole('button', { name: '確認へ進む' }).click();
  // The address is required here: the offer goes there.
  await expect(page.getByText('キャンセル待ちには、メールアドレスが必要です。')).toBeVisible();
  await expect(page.getByLabel('メールアドレス')).toBeFocused();
  await page.getByLabel('メールアドレス').fill('hanako@example.jp');
  await page.getByText('ご本人が来ます').click();
  await page.getByRole('button', { name: '確認へ進む' }).click();
  await expect(page.getByText('まだ予約ではありません。キャンセル待ちに登録します。')).toBeVisible();
  expect(await axeViolations(page, 'キャンセル待ちの確認')).toEqual([]);
  await page.getByRole('button', { name: 'キャンセル待ちに登録する' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'キャンセル待ちに登録しました' })).toBeFocused();
  await expect(page.locator('dd').filter({ hasText: '1番目' })).toBeVisible();
  expect(await axeViolations(page, 'キャンセル待ちに登録しました')).toEqual([]);

  // Someone cancels: the seat is held for her, and the public still finds the time full.
  const [first] = booked;
  const cancelled = await request.delete(`${api}/counter/reservations/${first?.reservation.code ?? ''}`, {
    headers: { Authorization: `Bearer ${first?.token ?? ''}` },
  });
  expect(cancelled.status()).toBe(200);
  const after = (await (await request.get(`${api}/counter/availability?from=${day.date}&to=${day.date}`)).json()) as typeof availability;
  expect(after.days[0]?.slots.find((candidate) => candidate.time === slot.time)).toMatchObject({ seatsLeft: 0, bookable: false });

  // The mail worker sends the offer to the local mail server.
  await expect.poll(() => sink.received.length, { timeout: 20_000 }).toBe(1);
  const mail = sink.received[0];
  expect(mail?.envelopeTo).toEqual(['hanako@example.jp']);
  expect(mail?.headers.get('subject')).toContain('空きが出ました');
  expect(mail?.text).toContain(`${startsAt}から`);
  expect(mail?.text).toContain('東金市役所 市民課');
  expect(mail?.text).toMatch(/\d+月\d+日（.）\s\d{1,2}:\d{2}まで、あなたのために席をとっておきます/);
  // Nothing personal: neither her name nor her phone.
  expect(mail?.text).not.toContain('ハナコ');
  expect(mail?.text).not.toContain('0475501211');
  const link = /http:\/\/localhost:\d+\/mynumber\/waitlist#token=[A-Za-z0-9_-]{43}/.exec(mail?.text ?? '')?.[0];
  expect(link).toBeDefined();

  // One tap on the mail's link books the held seat with the details she gave.
  await page.goto(link ?? '');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('キャンセル待ちの空きが出ました');
  await expect(page.getByText('とっておく期限')).toBeVisible();
  expect(await axeViolations(page, '空きのお知らせ')).toEqual([]);
  await page.getByRole('button', { name: 'この時間で予約する' }).click();
  await expect(page).toHaveURL(/\/mynumber\/reservations\/[A-Z0-9]{8}\?new=1$/);
  await expect(page.getByText('予約しています')).toBeVisible();
  await expect(page.getByText('1人（ご本人）')).toBeVisible();

  // The link now says the seat is booked, and the time stays full.
  await page.goto(link ?? '');
  await expect(page.getByRole('status').filter({ hasText: 'この空きは、予約になっています。' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'この時間で予約する' })).toHaveCount(0);
  const final = (await (await request.get(`${api}/counter/availability?from=${day.date}&to=${day.date}`)).json()) as typeof availability;
  expect(final.days[0]?.slots.find((candidate) => candidate.time === slot.time)).toMatchObject({ seatsLeft: 0 });
});
