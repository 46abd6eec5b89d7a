import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { axeViolations } from './support/accessibility.ts';
import { useSavedTextSize } from './support/portal.ts';

/** A phone number no other test uses, so the database can be asked how many bookings it made. */
function uniquePhone(): string {
  return `090${String(Date.now() % 100_000_000).padStart(8, '0')}`;
}

function bookingsWithPhone(phone: string): number {
  const db = new Database(join(process.env.E2E_DATA_DIR ?? '', 'togane.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM counter_reservations WHERE phone = ?').pluck().get(phone) as number;
  } finally {
    db.close();
  }
}

/** A random free slot, so tests running side by side rarely compete for the same seats. */
async function clickAnyOf(page: Page, name: RegExp): Promise<void> {
  const choices = page.getByRole('button', { name });
  await expect(choices.first()).toBeVisible();
  await choices.nth(Math.floor(Math.random() * (await choices.count()))).click();
}

async function chooseFreeSlot(page: Page): Promise<void> {
  await clickAnyOf(page, /空きあり|残りわずか/);
  await expect(page.getByRole('heading', { level: 2, name: '時間を選ぶ' })).toBeFocused();
  await clickAnyOf(page, /残り\d/);
}

/** The phone number as an older citizen may type it: full-width digits, 「ー」 between the groups. */
function typedFullWidth(phone: string): string {
  const grouped = `${phone.slice(0, 3)}ー${phone.slice(3, 7)}ー${phone.slice(7)}`;
  return grouped.replace(/\d/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
}

async function fillDetails(page: Page, phone: string): Promise<void> {
  await page.getByLabel('お名前（カタカナ）').fill('とうがね はなこ');
  await page.getByLabel('電話番号').fill(phone);
  await page.getByText('ご本人が来ます').click();
  await page.getByRole('button', { name: '確認へ進む' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '内容の確認' })).toBeVisible();
}

test('book a counter visit, find it in my bookings, change it and cancel it', async ({ page }) => {
  const phone = uniquePhone();
  await page.goto('/mynumber');
  await page.getByRole('link', { name: /カードの受け取り/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約：カードの受け取り');
  await expect(page.getByText('交付通知書（はがき）', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '日にちを選ぶ' }).click();
  await chooseFreeSlot(page);
  await fillDetails(page, typedFullWidth(phone));
  await expect(page.getByText('トウガネ ハナコ')).toBeVisible();
  // Shown back as the clerk will read it, not as typed.
  await expect(page.locator('dd').filter({ hasText: `${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}` })).toBeVisible();
  await expect(page.getByText(typedFullWidth(phone))).toHaveCount(0);
  await page.getByRole('button', { name: 'この内容で予約する' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約しました');
  const code =
    (await page
      .locator('main')
      .getByText(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/)
      .textContent()) ?? '';
  expect(code).toMatch(/^[2-9A-HJ-KMNP-Z]{4}-[2-9A-HJ-KMNP-Z]{4}$/);
  await expect(page.getByRole('img', { name: /ほかのスマートフォンでこの予約を開けます/ })).toBeVisible();
  // The reminder's sample is the practice mode's; a real booking gets the real one.
  await expect(page.getByRole('region', { name: /お知らせの見本/ })).toHaveCount(0);
  const calendarFile = page.getByRole('link', { name: 'カレンダーに追加する' });
  expect(await calendarFile.getAttribute('href')).toMatch(/^data:text\/calendar/);
  expect(bookingsWithPhone(phone)).toBe(1);

  await page.getByRole('link', { name: '予約の一覧へ' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約の確認・変更・取消');
  await page.getByRole('link', { name: new RegExp(code) }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約の内容');

  // A change is confirmed first, as a booking is: choosing a time changes nothing yet.
  const before = (await page.locator('dd').nth(1).textContent()) ?? '';
  await page.getByRole('button', { name: '日時を変更する' }).click();
  await clickAnyOf(page, /空きあり|残りわずか/);
  await clickAnyOf(page, /残り\d/);
  await expect(page.getByRole('heading', { level: 3, name: 'この日時に変更しますか' })).toBeFocused();
  await expect(page.locator('main dl').first().locator('dd').nth(1)).toHaveText(before);
  await expect(page.locator('dt').filter({ hasText: '新しい日時' })).toBeVisible();
  await page.getByRole('button', { name: '時間を選び直す' }).click();
  await clickAnyOf(page, /残り\d/);
  await expect(page.getByText('日時を変更しました。')).toHaveCount(0);
  await page.getByRole('button', { name: 'この日時に変更する' }).click();
  await expect(page.getByText('日時を変更しました。')).toBeVisible();

  await page.getByRole('button', { name: '予約を取り消す' }).click();
  await page.getByRole('button', { name: '予約を取り消す' }).click();
  // The new state comes first and in view; what applied to a booking that stands has gone.
  const done = page.getByRole('status').filter({ hasText: '予約を取り消しました。' });
  await expect(done).toBeFocused();
  await expect(done).toBeInViewport();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('取り消した予約');
  await expect(page.getByText('予約番号（窓口でお伝えください）')).toHaveCount(0);
  await expect(page.getByText('予約番号', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'カレンダーに追加する' })).toHaveCount(0);
});

test('the form says what is wrong next to each field, and refuses a 個人番号', async ({ page }) => {
  await page.goto('/mynumber/book/pin-reset');
  await page.getByRole('button', { name: '日にちを選ぶ' }).click();
  await chooseFreeSlot(page);
  await page.getByRole('button', { name: '確認へ進む' }).click();
  await expect(page.getByText('お名前をカタカナで入力してください（例：トウガネ タロウ）。')).toBeVisible();
  await expect(page.getByText('電話番号は数字で入力してください（例：0475-00-0000）。')).toBeVisible();
  await expect(page.getByText('代理人が来るかどうかを選んでください。')).toBeVisible();
  await expect(page.getByLabel('お名前（カタカナ）')).toBeFocused();

  // The e-mail field is offered only when the server sends mail (SMTP_URL), which the e2e server does not.
  await expect(page.getByLabel('メールアドレス')).toHaveCount(0);
  await page.getByLabel('電話番号').fill('1234-5678-9018');
  await page.getByRole('button', { name: '確認へ進む' }).click();
  await expect(page.getByText('マイナンバー（12けたの個人番号）は入力しないでください。', { exact: false }).first()).toBeVisible();
});

test('a lost answer is retried without booking twice', async ({ page }) => {
  const phone = uniquePhone();
  await page.goto('/mynumber/book/certificate-renewal');
  await page.getByRole('button', { name: '日にちを選ぶ' }).click();
  await chooseFreeSlot(page);
  await fillDetails(page, phone);

  // The server books, but the answer never reaches the phone (the network dropped on the way back).
  await page.route(
    '**/api/v1/counter/reservations',
    async (route) => {
      await route.fetch();
      await route.abort('connectionreset');
    },
    { times: 1 },
  );
  await page.getByRole('button', { name: 'この内容で予約する' }).click();
  await expect(page.getByRole('alert')).toContainText('もう一度押しても、予約が二重になることはありません。');
  expect(bookingsWithPhone(phone)).toBe(1);

  await page.getByRole('button', { name: 'もう一度送る' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約しました');
  expect(bookingsWithPhone(phone)).toBe(1);
});

test('a booking found again with its code and phone opens here, and the owner can close this device', async ({ page, request }) => {
  const phone = uniquePhone();
  const availability = (await (await request.get('/api/v1/counter/availability')).json()) as {
    days: { date: string; slots: { time: string; bookable: boolean }[] }[];
  };
  const free = availability.days.flatMap((candidate) =>
    candidate.slots.filter((slot) => slot.bookable).map((slot) => ({ date: candidate.date, time: slot.time })),
  );
  const pick = free[Math.floor(Math.random() * free.length)];
  const created = await request.post('/api/v1/counter/reservations', {
    data: { kindId: 'address-change', slot: pick, nameKana: 'トウガネ ジロウ', phone, people: 2, proxy: false },
  });
  const { reservation, token } = (await created.json()) as { reservation: { code: string }; token: string };

  await page.goto('/mynumber/reservations');
  await expect(page.getByText('この端末でした予約はありません。', { exact: false })).toBeVisible();
  await page.getByLabel('予約番号').fill(reservation.code.toLowerCase());
  await page.getByLabel('予約のときの電話番号').fill(phone);
  await page.getByRole('button', { name: '予約を探す' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約の内容');
  await expect(page.getByText('住所・氏名の変更、引っ越し後の継続利用')).toBeVisible();
  // Both devices are listed; the owner's link still works (a look-up no longer revokes it).
  const devices = page.getByRole('region', { name: 'この予約を開ける端末' });
  await expect(devices.getByRole('listitem')).toHaveText([/^予約した端末/, /^予約番号と電話番号で開いた端末.*この端末$/]);

  // The owner, on their own phone, closes every other device: this one no longer opens the booking.
  const owner = await page.context().newPage();
  await owner.goto(`/mynumber/reservations/${reservation.code}#token=${token}`);
  await owner.getByRole('button', { name: 'この端末のほかは開けないようにする' }).click();
  await expect(owner.getByRole('region', { name: 'この予約を開ける端末' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約が見つかりません');
});

test('the renewal calculator tells when to book', async ({ page }) => {
  await page.goto('/mynumber/renewal');
  await page.getByLabel('生年月日').fill('1960-04-15');
  await page.getByLabel('カードを受け取った日').fill('2021-06-01');
  await page.getByRole('button', { name: '計算する' }).click();
  await expect(page.getByText('有効期限：2026年4月15日（水）')).toBeVisible();
  await expect(page.getByText('有効期限：2031年4月15日（火）')).toBeVisible();
});

for (const size of ['standard', 'large'] as const) {
  test(`every step of booking, changing and cancelling passes axe-core (${size})`, async ({ page }) => {
    await useSavedTextSize(page, size);
    await page.goto('/mynumber/book/card-pickup');
    await page.getByRole('button', { name: '日にちを選ぶ' }).click();
    await expect(page.getByRole('button', { name: /空きあり|残りわずか/ }).first()).toBeVisible();
    expect(await axeViolations(page, 'date')).toEqual([]);
    await clickAnyOf(page, /空きあり|残りわずか/);
    expect(await axeViolations(page, 'time')).toEqual([]);
    await clickAnyOf(page, /残り\d/);
    await page.getByRole('button', { name: '確認へ進む' }).click();
    await expect(page.getByLabel('お名前（カタカナ）')).toBeFocused();
    expect(await axeViolations(page, 'details with errors')).toEqual([]);
    await fillDetails(page, uniquePhone());
    expect(await axeViolations(page, 'confirm')).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`confirm-${size}.png`), fullPage: true });
    await page.getByRole('button', { name: 'この内容で予約する' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約しました');
    expect(await axeViolations(page, 'done')).toEqual([]);
    await page.getByRole('button', { name: '日時を変更する' }).click();
    expect(await axeViolations(page, 'change')).toEqual([]);
    await clickAnyOf(page, /空きあり|残りわずか/);
    await clickAnyOf(page, /残り\d/);
    await expect(page.getByRole('heading', { level: 3, name: 'この日時に変更しますか' })).toBeFocused();
    expect(await axeViolations(page, 'change confirm')).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`change-confirm-${size}.png`), fullPage: true });
    await page.getByRole('button', { name: '変更しないで戻る' }).click();
    await page.getByRole('button', { name: '予約を取り消す' }).click();
    expect(await axeViolations(page, 'cancel')).toEqual([]);
    await page.getByRole('button', { name: '予約を取り消す' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('取り消した予約');
    expect(await axeViolations(page, 'cancelled')).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`cancelled-${size}.png`) });
    await page.goto('/mynumber/reservations');
    expect(await axeViolations(page, 'my bookings')).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
