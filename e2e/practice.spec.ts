import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { axeViolations } from './support/accessibility.ts';
import { useSavedTextSize } from './support/portal.ts';

const BANNER = '練習モードです。予約や支払いは実際には行われません。';

/** Every request to /api/ from the page or its service worker: in practice mode there must be none. */
function recordApiRequests(page: Page): string[] {
  const seen: string[] = [];
  page.context().on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) seen.push(`${request.method()} ${request.url()}`);
  });
  return seen;
}

/** How many bookings the real database holds with this phone number (counter and facilities). */
function serverBookingsWithPhone(phone: string): number {
  const db = new Database(join(process.env.E2E_DATA_DIR ?? '', 'togane.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const counter = db.prepare('SELECT COUNT(*) FROM counter_reservations WHERE phone = ?').pluck().get(phone) as number;
    const facilities = db.prepare('SELECT COUNT(*) FROM facility_bookings WHERE phone = ?').pluck().get(phone) as number;
    return counter + facilities;
  } finally {
    db.close();
  }
}

function uniquePhone(): string {
  return `080${String(Date.now() % 100_000_000).padStart(8, '0')}`;
}

async function expectBanner(page: Page): Promise<void> {
  await expect(page.getByRole('complementary', { name: '練習モード' })).toContainText(BANNER);
}

async function clickAnyOf(page: Page, name: RegExp): Promise<void> {
  const choices = page.getByRole('button', { name });
  await expect(choices.first()).toBeVisible();
  await choices.nth(Math.floor(Math.random() * (await choices.count()))).click();
}

/** The done page of a practice booking says 練習 plainly: nothing to tell anyone, no calendar file. */
async function expectPracticeDonePage(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('練習の予約ができました');
  await expectBanner(page);
  await expect(page.getByText('これは練習です。', { exact: false })).toBeVisible();
  await expect(page.getByText('予約番号（練習の予約です）')).toBeVisible();
  await expect(page.getByText(/お伝えください/)).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'カレンダーに追加する' })).toHaveCount(0);
  await expect(page.locator('a[download]')).toHaveCount(0);
  // A practice booking lives in this tab: no QR code that would open nothing on another phone.
  await expect(page.getByRole('img', { name: /ほかのスマートフォンでこの予約を開けます/ })).toHaveCount(0);
  await expect(page.getByText(/お支払いください/)).toHaveCount(0);
}

async function bookFacility(page: Page, phone: string): Promise<string> {
  await page.getByRole('link', { name: '施設を予約する' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('中央公民館（見本）');
  await expectBanner(page);
  await page.getByRole('link', { name: '会議室の空きを見て予約する' }).click();
  await expectBanner(page);
  await clickAnyOf(page, /空きあり|残りわずか/);
  await page.getByRole('checkbox', { name: /午前/ }).check();
  await page.getByRole('button', { name: 'この時間で進む' }).click();
  await page.getByText('市内', { exact: true }).click();
  await page.getByText('一般', { exact: true }).click();
  await page.getByLabel('使う目的').fill('スマホ講座の練習');
  await page.getByLabel('使う人数').fill('5');
  await page.getByLabel('申し込む方のお名前（カタカナ）').fill('とうがね はなこ');
  await page.getByLabel('電話番号').fill(phone);
  await page.getByRole('button', { name: '料金を確かめる' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '料金と内容の確認' })).toBeVisible();
  await expect(page.getByText('600円（午前 600円×1日）')).toBeVisible();
  await page.getByRole('button', { name: 'この内容で予約する' }).click();
  await expectPracticeDonePage(page);
  return (
    (await page
      .locator('main')
      .getByText(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/)
      .textContent()) ?? ''
  );
}

async function bookCounter(page: Page, phone: string): Promise<string> {
  await page.getByRole('link', { name: 'マイナンバーカードの窓口を予約する' }).click();
  await expectBanner(page);
  await page.getByRole('link', { name: /カードの受け取り/ }).click();
  await page.getByRole('button', { name: '日にちを選ぶ' }).click();
  await clickAnyOf(page, /空きあり|残りわずか/);
  await clickAnyOf(page, /残り\d/);
  await page.getByLabel('お名前（カタカナ）').fill('とうがね はなこ');
  await page.getByLabel('電話番号').fill(phone);
  await page.getByText('ご本人が来ます').click();
  await page.getByRole('button', { name: '確認へ進む' }).click();
  await page.getByRole('button', { name: 'この内容で予約する' }).click();
  await expectPracticeDonePage(page);
  return (
    (await page
      .locator('main')
      .getByText(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/)
      .textContent()) ?? ''
  );
}

/** The practice slip as a photo: a picture of the QR code the slip page draws. */
async function photographPracticeSlip(page: Page): Promise<Buffer> {
  await page.goto('/practice/slip');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('練習用の納付書');
  await expect(page.getByText('練習用', { exact: true })).toBeVisible();
  return page.getByRole('img', { name: /練習用の納付書のQRコード/ }).screenshot();
}

test('a whole practice round: search a procedure, book a facility and the counter, scan the practice slip, use the konbini simulator, reset, leave — and no /api request reaches the server', async ({
  page,
}) => {
  // Two whole rounds of a class in one test (about 45 s on a quiet machine; it reached the 60 s default on its
  // last line under load 12): the round is long, not stuck.
  test.setTimeout(150_000);
  const phone = uniquePhone();
  const slipPhoto = await photographPracticeSlip(page);

  await page.goto('/');
  await page.getByRole('link', { name: 'スマホ講座の練習モード' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('スマホ講座の練習モード');
  await expect(page.getByRole('img', { name: /練習モードの入り口/ })).toBeVisible();

  const apiRequests = recordApiRequests(page);
  await page.getByRole('button', { name: '練習をはじめる' }).click();
  await expectBanner(page);
  // Search a procedure, as the class's first exercise: it needs no server at all.
  await page.goto('/procedures');
  await expectBanner(page);
  await expect(page.getByRole('searchbox', { name: '手続きを検索' })).toBeEnabled();
  await page.getByRole('searchbox', { name: '手続きを検索' }).pressSequentially('ひっこし');
  await page
    .getByRole('link', { name: /^転入届/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^転入届/);
  await expectBanner(page);
  await page.goto('/practice');

  const facilityCode = await bookFacility(page, phone);
  await page.getByRole('link', { name: '施設の予約の一覧へ' }).click();
  await expectBanner(page);
  await expect(page.getByRole('link', { name: new RegExp(facilityCode) })).toBeVisible();

  await page.goto('/practice');
  await expectBanner(page);
  const counterCode = await bookCounter(page, phone);
  // Nothing is sent in practice; the booking shows what the day-before reminder would look like.
  const preview = page.getByRole('region', { name: 'お知らせの見本（練習なので届きません）' });
  await expect(preview).toContainText('あしたはマイナンバーカードの窓口の予約です');
  await expect(preview).toContainText(`予約番号 ${counterCode}`);
  await expect(preview).toContainText('件名：');
  expect(await axeViolations(page, 'お知らせの見本')).toEqual([]);
  await page.getByRole('link', { name: '予約の一覧へ' }).click();
  await expect(page.getByRole('link', { name: new RegExp(counterCode) })).toBeVisible();
  // Cancelling works against the practice data too.
  await page.getByRole('link', { name: new RegExp(counterCode) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約の内容');
  await expectBanner(page);
  await page.getByRole('button', { name: '予約を取り消す' }).click();
  await page.getByRole('button', { name: '予約を取り消す' }).click();
  await expect(page.getByText('予約を取り消しました。')).toBeVisible();
  await expectBanner(page);

  await page.goto('/practice');
  await page.getByRole('link', { name: '納付書のQRコードを読み取る' }).click();
  await expectBanner(page);
  await page.locator('input[type=file]').setInputFiles({ name: 'slip.png', mimeType: 'image/png', buffer: slipPhoto });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('納付書の内容');
  await expectBanner(page);
  await expect(page.getByText('の納付書です。本物の納付書ではないため、実際には支払えません。')).toBeVisible();
  await expect(page.getByText('3,000円')).toBeVisible();
  await page.getByRole('link', { name: '払い方を見る' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('払い方');
  await expect(page.getByText('の納付書です。本物の納付書ではないため、実際には支払えません。')).toBeVisible();
  await expect(page.getByRole('link', { name: /地方税お支払サイトへ移動する/ })).toHaveCount(0);

  await page.goto('/practice');
  await page.getByRole('link', { name: 'コンビニで証明書を取る練習' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('機械の操作を練習する');
  await expectBanner(page);

  // A reload keeps the round; the instructor's reset empties it for the next round.
  await page.goto('/facilities/bookings');
  await expect(page.getByRole('link', { name: new RegExp(facilityCode) })).toBeVisible();
  await page.goto('/practice');
  await page.getByRole('button', { name: '練習の予約をすべて消す' }).click();
  await page.getByRole('button', { name: '消す', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '練習の予約をすべて消しました。' })).toBeVisible();
  await page.goto('/facilities/bookings');
  await expectBanner(page);
  await expect(page.getByRole('link', { name: new RegExp(facilityCode) })).toHaveCount(0);
  await page.goto('/mynumber/reservations');
  await expect(page.getByRole('link', { name: new RegExp(counterCode) })).toHaveCount(0);

  // A second round, then leave practice from the banner: the real lists show none of it.
  await page.goto('/practice');
  const secondCode = await bookFacility(page, phone);
  await page.getByRole('button', { name: '練習をおわる' }).click();
  await page.getByRole('button', { name: 'おわる', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('スマホ講座の練習モード');
  await expect(page.getByText('練習をおわりました。', { exact: false })).toBeVisible();
  await expect(page.getByRole('complementary', { name: '練習モード' })).toHaveCount(0);

  expect(apiRequests).toEqual([]);
  expect(serverBookingsWithPhone(phone)).toBe(0);

  await page.goto('/facilities/bookings');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('施設の予約の確認・取消');
  await expect(page.getByRole('link', { name: new RegExp(`${facilityCode}|${secondCode}`) })).toHaveCount(0);
  await page.goto('/mynumber/reservations');
  await expect(page.getByText('この端末でした予約はありません。', { exact: false })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(window.sessionStorage).filter((key) => key.includes('practice')))).toEqual([]);
});

test('outside practice mode, the practice slip is recognised and not read as a bill', async ({ page }) => {
  const slipPhoto = await photographPracticeSlip(page);
  await page.goto('/payments');
  await expect(page.getByRole('complementary', { name: '練習モード' })).toHaveCount(0);
  await page.locator('input[type=file]').setInputFiles({ name: 'slip.png', mimeType: 'image/png', buffer: slipPhoto });
  await expect(page.getByRole('alert')).toContainText('練習用の納付書');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('納付書で支払う');
  await expect(page.getByRole('link', { name: 'スマホ講座の練習モード' })).toBeVisible();
});

for (const size of ['standard', 'large'] as const) {
  test(`the practice entry, the banner and the practice slip pass axe-core (${size} text)`, async ({ page }) => {
    await useSavedTextSize(page, size);
    await page.goto('/practice');
    expect(await axeViolations(page, `/practice off (${size})`)).toEqual([]);
    await page.getByRole('button', { name: '練習をはじめる' }).click();
    await expectBanner(page);
    expect(await axeViolations(page, `/practice on (${size})`)).toEqual([]);
    await page.getByRole('button', { name: '練習をおわる' }).first().click();
    await expect(page.getByRole('button', { name: 'おわる', exact: true })).toBeVisible();
    expect(await axeViolations(page, `banner asking (${size})`)).toEqual([]);
    await page.getByRole('button', { name: '練習を続ける' }).click();
    await page.goto('/mynumber');
    await expectBanner(page);
    expect(await axeViolations(page, `/mynumber with the banner (${size})`)).toEqual([]);
    await page.goto('/practice/slip');
    expect(await axeViolations(page, `/practice/slip (${size})`)).toEqual([]);
    const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
    expect(scrolls).toBe(false);
  });
}
