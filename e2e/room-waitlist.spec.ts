import { expect, test } from '@playwright/test';
import { startSmtpSink, type SmtpSink } from '../src/server/testing/smtp-sink.ts';
import { axeViolations } from './support/accessibility.ts';
import { type OwnServer, ownServerPort, startOwnServer } from './support/own-server.ts';
import { bunkaMeetingBooking, freeBunkaBlocks, useSavedTextSize } from './support/portal.ts';

/**
 * キャンセル待ち for a room's block end to end: a server that sends mail (to a local SMTP server), a
 * block someone booked, a second citizen who joins its queue on the room's booking screen (at
 * 360 px, in the largest text), a cancellation, the offer mail as the mail server received it, and
 * the one tap on its link that books the block as the room's bookings are: a 仮予約 at the 文化会館.
 */
let sink: SmtpSink;
let server: OwnServer;
test.beforeEach(async () => {
  sink = await startSmtpSink();
  const port = ownServerPort(610, test.info().workerIndex);
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

const ROOM = 'meeting-2';
/** The 文化会館's blocks as the screen names them (freeBunkaBlocks never gives 全日). */
const BLOCK_LABELS: Record<string, string> = { morning: '午前', afternoon: '午後', evening: '夜間' };

test('a cancelled block is offered to the one waiting for it, who books it in one tap from the mail', async ({ page, request }) => {
  const api = `${server.baseUrl}/api/v1`;
  const [block] = await freeBunkaBlocks(request, ROOM, server.baseUrl);
  if (!block) throw new Error('no free block');
  const taken = await request.post(`${api}/facilities/bookings`, { data: bunkaMeetingBooking(ROOM, block, '東金の会') });
  expect(taken.status()).toBe(201);
  const first = (await taken.json()) as { booking: { code: string }; token: string };

  // The booked block offers キャンセル待ち; she gives the same details as for a booking, and an address.
  await page.setViewportSize({ width: 360, height: 780 });
  await useSavedTextSize(page, 'xlarge');
  await page.goto(`${server.baseUrl}/facilities/bunka-kaikan/rooms/${ROOM}/book?step=blocks&date=${block.date}`);
  await page.getByRole('button', { name: '予約済みの時間のキャンセル待ちをする' }).click();
  const wanted = page.getByRole('group', { name: 'キャンセル待ちをする時間' });
  await expect(wanted).toBeVisible();
  // 全日 overlaps the booked block, so it can be waited for too; she waits for the booked one.
  await expect(wanted.getByRole('checkbox', { name: /予約済み・キャンセル待ちできます/ })).toHaveCount(2);
  await wanted.getByRole('checkbox', { name: new RegExp(`^${BLOCK_LABELS[block.blockId] ?? '?'}（`) }).check();
  expect(await axeViolations(page, 'キャンセル待ちをする時間')).toEqual([]);
  await page.getByRole('button', { name: 'この時間で進む' }).click();
  await page.getByText('市内', { exact: true }).click();
  await page.getByText('一般', { exact: true }).click();
  await page.getByLabel('使う目的').fill('子ども会の集まり');
  await page.getByLabel('使う人数').fill('12');
  await page.getByLabel('申し込む方のお名前（カタカナ）').fill('とうがね はなこ');
  await page.getByLabel('電話番号').fill('0475501211');
  await page.getByRole('button', { name: '料金を確かめる' }).click();
  // The address is required here: the offer goes there.
  await expect(page.getByText('キャンセル待ちには、メールアドレスが必要です。')).toBeVisible();
  await page.getByLabel('メールアドレス').fill('hanako@example.jp');
  await page.getByRole('button', { name: '料金を確かめる' }).click();
  await expect(page.getByRole('button', { name: 'キャンセル待ちに登録する' })).toBeVisible();
  await page.getByRole('button', { name: 'キャンセル待ちに登録する' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'キャンセル待ちに登録しました' })).toBeFocused();
  await expect(page.locator('dd').filter({ hasText: '1番目' })).toBeVisible();
  expect(await axeViolations(page, 'キャンセル待ちに登録しました')).toEqual([]);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);

  // The first booker cancels: the block is held for her, and the public finds it taken.
  const cancelled = await request.delete(`${api}/facilities/bookings/${first.booking.code}`, { headers: { Authorization: `Bearer ${first.token}` } });
  expect(cancelled.status()).toBe(200);
  const after = (await (await request.get(`${api}/facilities/bunka-kaikan/rooms/${ROOM}/availability?from=${block.date}&to=${block.date}`)).json()) as {
    days: { blocks: { id: string; bookable: boolean }[] }[];
  };
  expect(after.days[0]?.blocks.find((candidate) => candidate.id === block.blockId)).toMatchObject({ bookable: false });

  // The mail worker sends the offer to the local mail server; nothing personal in it.
  await expect.poll(() => sink.received.length, { timeout: 20_000 }).toBe(1);
  const mail = sink.received[0];
  expect(mail?.envelopeTo).toEqual(['hanako@example.jp']);
  expect(mail?.headers.get('subject')).toContain('空きが出ました');
  expect(mail?.text).toContain('東金文化会館');
  expect(mail?.text).toMatch(/\d+月\d+日（.）\s\d{1,2}:\d{2}まで、あなたのためにとっておきます/);
  expect(mail?.text).not.toContain('ハナコ');
  expect(mail?.text).not.toContain('0475501211');
  const link = /http:\/\/localhost:\d+\/facilities\/waitlist#token=[A-Za-z0-9_-]{43}/.exec(mail?.text ?? '')?.[0];
  expect(link).toBeDefined();

  // One tap on the mail's link books the held block with her details: a 仮予約, as at the 文化会館.
  await page.goto(link ?? '');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('キャンセル待ちの空きが出ました');
  await expect(page.getByText('とっておく期限')).toBeVisible();
  expect(await axeViolations(page, '部屋の空きのお知らせ')).toEqual([]);
  await page.getByRole('button', { name: 'この時間で予約する' }).click();
  await expect(page).toHaveURL(/\/facilities\/bookings\/[A-Z0-9]{8}\?new=1$/);
  await expect(page.getByText('仮予約です').first()).toBeVisible();

  // The link now says the block is booked, and it stays taken.
  await page.goto(link ?? '');
  await expect(page.getByRole('status').filter({ hasText: 'この空きは、予約になっています。' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'この時間で予約する' })).toHaveCount(0);
});
