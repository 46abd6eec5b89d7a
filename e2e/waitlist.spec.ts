import { type APIRequestContext, expect, type Page, test } from '@playwright/test';
import { formatTime, parseTime } from '../src/domain/japan-time.ts';
import { startSmtpSink, type SmtpSink } from '../src/server/testing/smtp-sink.ts';
import { axeViolations, sidewaysOverflow } from './support/accessibility.ts';
import { switchTextSize } from './support/portal.ts';
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

interface Availability {
  days: { date: string; slots: { time: string; bookable: boolean; seatsLeft: number }[] }[];
}

/** A slot of 2 seats far enough ahead that the two-hour hold fits before its booking closes, booked full by two others. */
async function fullSlot(request: APIRequestContext, api: string) {
  const availability = (await (await request.get(`${api}/counter/availability`)).json()) as Availability;
  const day = availability.days.find(
    (candidate) => candidate.slots.filter((slot) => slot.bookable).length > 2 && candidate.date > (availability.days[1]?.date ?? ''),
  );
  const slot = day?.slots.find((candidate) => candidate.bookable && candidate.seatsLeft === 2);
  if (!day || !slot) throw new Error('no free slot');
  const booked: Created[] = [];
  for (const phone of ['0475501210', '0475501212']) {
    const response = await request.post(`${api}/counter/reservations`, {
      data: { kindId: 'card-pickup', slot: { date: day.date, time: slot.time }, nameKana: 'トウガネ タロウ', phone, people: 1, proxy: false },
    });
    expect(response.status()).toBe(201);
    booked.push((await response.json()) as Created);
  }
  return { date: day.date, time: slot.time, startsAt: formatTime(parseTime(slot.time) ?? 0), booked };
}

/** The full time offers キャンセル待ち; the citizen gives the same details as for a booking, and an address, and joins. */
async function joinOnScreen(page: Page, slot: { date: string; startsAt: string }, email: string): Promise<void> {
  await page.goto(`${server.baseUrl}/mynumber/book/card-pickup?step=time&date=${slot.date}`);
  await page.getByRole('button', { name: new RegExp(`^${slot.startsAt}～.*満員・キャンセル待ち`) }).click();
  await expect(page.getByText('この時間は満員です。キャンセル待ちに登録すると')).toBeVisible();
  await page.getByLabel('お名前（カタカナ）').fill('とうがね はなこ');
  await page.getByLabel('電話番号').fill('0475501211');
  await page.getByLabel('メールアドレス').fill(email);
  await page.getByText('ご本人が来ます').click();
  await page.getByRole('button', { name: '確認へ進む' }).click();
  await expect(page.getByText('まだ予約ではありません。キャンセル待ちに登録します。')).toBeVisible();
  await page.getByRole('button', { name: 'キャンセル待ちに登録する' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'キャンセル待ちに登録しました' })).toBeFocused();
}

/** Someone else joins the slot's queue, by the API. */
function joinByApi(request: APIRequestContext, api: string, slot: { date: string; time: string }, person: { nameKana: string; phone: string; email: string }) {
  return request.post(`${api}/counter/waitlist`, {
    data: { kindId: 'card-pickup', slot: { date: slot.date, time: slot.time }, ...person, people: 1, proxy: false },
  });
}

test('a cancellation of a full slot is offered to the one waiting, who books it in one tap from the mail', async ({ page, request }) => {
  const api = `${server.baseUrl}/api/v1`;
  const slot = await fullSlot(request, api);
  const { startsAt, booked } = slot;

  // The full time offers キャンセル待ち; the citizen gives the same details as for a booking, and an address.
  await page.goto(`${server.baseUrl}/mynumber/book/card-pickup?step=time&date=${slot.date}`);
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
  const after = (await (await request.get(`${api}/counter/availability?from=${slot.date}&to=${slot.date}`)).json()) as Availability;
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
  const final = (await (await request.get(`${api}/counter/availability?from=${slot.date}&to=${slot.date}`)).json()) as Availability;
  expect(final.days[0]?.slots.find((candidate) => candidate.time === slot.time)).toMatchObject({ seatsLeft: 0 });
});

test('someone waiting sees their place in line on their own page and leaves the queue, those behind moving up', async ({ page, request }) => {
  const api = `${server.baseUrl}/api/v1`;
  const slot = await fullSlot(request, api);
  await joinOnScreen(page, slot, 'hanako@example.jp');
  // Someone joins after her, by the API: second in line.
  const after = await joinByApi(request, api, slot, { nameKana: 'トウガネ ジロウ', phone: '0475501213', email: 'jiro@example.jp' });
  expect(after.status()).toBe(201);
  const behind = (await after.json()) as { position: number; token: string };
  expect(behind.position).toBe(2);
  const placeOf = async (token: string): Promise<unknown> =>
    (await request.get(`${api}/counter/waitlist/entry`, { headers: { Authorization: `Bearer ${token}` } })).json();

  // Her own page, from the confirmation: the time, her place, how long a seat would be held.
  await page.getByRole('link', { name: '順番を見る・キャンセル待ちをやめる' }).click();
  await expect(page).toHaveURL(/\/mynumber\/waitlist\/place#token=[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('キャンセル待ちの順番');
  await expect(page.getByText('1番目にお待ちです。')).toBeVisible();
  await expect(page.getByText('お知らせから2時間のあいだ')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: `${slot.startsAt}～` })).toBeVisible();
  expect(await axeViolations(page, 'キャンセル待ちの順番')).toEqual([]);
  expect(await sidewaysOverflow(page)).toBe(0);
  // In large text too, at the phone's 360 px.
  await switchTextSize(page, 'large');
  expect(await axeViolations(page, 'キャンセル待ちの順番（大きな文字）')).toEqual([]);
  expect(await sidewaysOverflow(page)).toBe(0);

  // Leaving asks first; going back changes nothing.
  await page.getByRole('button', { name: 'キャンセル待ちをやめる' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'キャンセル待ちをやめますか' })).toBeFocused();
  expect(await axeViolations(page, 'キャンセル待ちをやめますか')).toEqual([]);
  await page.getByRole('button', { name: 'やめずに戻る' }).click();
  expect(await placeOf(behind.token)).toMatchObject({ place: 2 });
  // By keyboard: the button, then the question's own button.
  await page.getByRole('button', { name: 'キャンセル待ちをやめる' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'キャンセル待ちをやめますか' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'キャンセル待ちをやめる' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: '順番と、入力したお名前・電話番号・メールアドレスを消しました' })).toBeFocused();
  expect(await axeViolations(page, 'キャンセル待ちをやめました')).toEqual([]);

  // The queue no longer has her: the one behind is first, her link finds nothing, and her address may join again, last.
  expect(await placeOf(behind.token)).toMatchObject({ place: 1 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('キャンセル待ちが見つかりません');
  const again = await joinByApi(request, api, slot, { nameKana: 'トウガネ ハナコ', phone: '0475501211', email: 'hanako@example.jp' });
  expect(await again.json()).toMatchObject({ position: 2 });
});
