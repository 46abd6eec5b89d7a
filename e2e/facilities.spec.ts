import { type Browser, expect, type Page, test, type TestInfo } from '@playwright/test';
import { axeViolations } from './support/accessibility.ts';
import { layoutProblems } from './support/layout.ts';
import { type TextSize, useSavedTextSize } from './support/portal.ts';

// Both projects and both text sizes book in the same database: each run takes a different free day.
const DAY_PICK: Record<string, number> = { 'phone-standard': 0, 'phone-large': 1, 'desktop-standard': -1, 'desktop-large': -2 };

for (const size of ['standard', 'large'] as const) {
  // A real facility (会議室(1) of the 文化会館, which no other test books): the sample hall takes no real booking.
  test(`find a room, book it, see it in my bookings, find it again on another phone and cancel it (${size} text)`, async ({ page, browser }, testInfo) => {
    await useSavedTextSize(page, size);
    await page.goto('/facilities');
    await page.getByLabel('使いみち').selectOption('会議');
    await page.getByRole('link', { name: /東金文化会館/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('東金文化会館');
    await expect(page.getByRole('table', { name: '会議室(1)の使用料（市内の方）' })).toBeVisible();
    await page.getByRole('link', { name: '会議室(1)の空きを見て予約する' }).click();

    await expect(page.getByRole('heading', { level: 2, name: '日にちを選ぶ' })).toBeVisible();
    expect(await axeViolations(page, `日にち (${size})`)).toEqual([]);
    const days = page.getByRole('button', { name: /空きあり|残りわずか/ });
    const pick = DAY_PICK[`${testInfo.project.name}-${size}`] ?? 0;
    await (pick >= 0 ? days.nth(pick) : days.nth((await days.count()) + pick)).click();

    await expect(page.getByRole('heading', { level: 2, name: '時間を選ぶ' })).toBeFocused();
    await page.getByRole('checkbox', { name: /午前/ }).check();
    await page.getByRole('checkbox', { name: /夜間/ }).check();
    expect(await axeViolations(page, `時間 (${size})`)).toEqual([]);
    // The time step is a step, not a route, so the walk does not reach it: the same layout check runs here.
    expect(await layoutProblems(page), `時間 (${size})`).toEqual([]);
    await page.getByRole('button', { name: 'この時間で進む' }).click();

    await expect(page.getByRole('heading', { level: 2, name: '使う方と連絡先' })).toBeVisible();
    await page.getByRole('button', { name: '料金を確かめる' }).click();
    await expect(page.getByText('市内か市外かを選んでください。')).toBeVisible();
    expect(await axeViolations(page, `入力の誤り (${size})`)).toEqual([]);
    await page.getByText('市内', { exact: true }).click();
    await page.getByText('一般', { exact: true }).click();
    await page.getByLabel('使う目的').fill('自治会の会議');
    await page.getByLabel('使う人数').fill('12');
    await page.getByLabel('申し込む方のお名前（カタカナ）').fill('とうがね はなこ');
    await page.getByLabel('電話番号').fill('0475-50-1210');
    await page.getByRole('button', { name: '料金を確かめる' }).click();

    await expect(page.getByRole('heading', { level: 2, name: '料金と内容の確認' })).toBeVisible();
    await expect(page.getByText('2,400円（午前 1,000円×1日、夜間 1,400円×1日）')).toBeVisible();
    expect(await axeViolations(page, `確認 (${size})`)).toEqual([]);
    await page.getByRole('button', { name: 'この内容で仮予約する' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('仮予約しました');
    await expect(page.getByText(/東金文化会館の窓口で申し込んでください/)).toBeVisible();
    const code =
      (await page
        .locator('main')
        .getByText(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/)
        .textContent()) ?? '';
    expect(code).toMatch(/^[2-9A-HJ-KMNP-Z]{4}-[2-9A-HJ-KMNP-Z]{4}$/);
    await expect(page.getByRole('img', { name: /ほかのスマートフォンでこの予約を開けます/ })).toBeVisible();
    expect(await page.getByRole('link', { name: 'カレンダーに追加する' }).getAttribute('href')).toMatch(/^data:text\/calendar/);
    expect(await axeViolations(page, `予約しました (${size})`)).toEqual([]);

    await findOnAnotherPhone(browser, testInfo.project.use, size, code);

    await page.getByRole('link', { name: '施設の予約の一覧へ' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('施設の予約の確認・取消');
    await page.getByRole('link', { name: new RegExp(code) }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('仮予約の内容');
    // The 文化会館 takes no changes in the app (cancel and book again); changing is tried in the API tests.
    await expect(page.getByRole('button', { name: '日にちや時間を変更する' })).toHaveCount(0);
    await page.getByRole('button', { name: '予約を取り消す' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'この予約を取り消しますか' })).toBeVisible();
    expect(await axeViolations(page, `取り消しの確認 (${size})`)).toEqual([]);
    await page.getByRole('button', { name: '予約を取り消す' }).click();
    await expect(page.getByRole('status').filter({ hasText: '予約を取り消しました。' })).toBeVisible();
    await expect(page.getByText('取り消しました', { exact: true })).toBeVisible();
  });
}

/**
 * A phone with nothing saved (a new browser context: the booking was made on another phone, at the
 * kiosk, or its link is lost), where the city's mail leads: /facilities/bookings. A wrong phone is
 * refused without saying whether the code exists; the code and phone, typed as people type them,
 * open the booking, and the page lists this phone beside the one it was booked on.
 */
async function findOnAnotherPhone(browser: Browser, options: TestInfo['project']['use'], size: TextSize, code: string): Promise<void> {
  const { baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, locale, timezoneId } = options;
  const context = await browser.newContext({ baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, locale, timezoneId });
  try {
    const phone = await context.newPage();
    await useSavedTextSize(phone, size);
    await phone.goto('/facilities/bookings');
    await expect(phone.getByText('この端末でした施設の予約はありません。', { exact: false })).toBeVisible();
    await phone.getByLabel('予約番号').fill(code);
    await phone.getByLabel('予約のときの電話番号').fill('0475-00-0000');
    await phone.getByRole('button', { name: '予約を探す' }).click();
    await expect(phone.getByRole('alert')).toHaveText('予約が見つかりませんでした。予約番号と、予約のときの電話番号をお確かめください。');
    expect(await axeViolations(phone, `予約番号で探す・見つからない (${size})`)).toEqual([]);
    expect(await layoutProblems(phone), `予約番号で探す (${size})`).toEqual([]);

    await phone.getByLabel('予約番号').fill(code.toLowerCase());
    await phone.getByLabel('予約のときの電話番号').fill('０４７５ー５０ー１２１０');
    await phone.getByRole('button', { name: '予約を探す' }).click();
    await expect(phone.getByRole('heading', { level: 1 })).toHaveText('仮予約の内容');
    await expect(phone.getByText(code).first()).toBeVisible();
    await expect(phone.getByRole('region', { name: 'この予約を開ける端末' }).getByRole('listitem')).toHaveText([
      /^予約した端末/,
      /^予約番号と電話番号で開いた端末.*この端末$/,
    ]);
    expect(await axeViolations(phone, `予約番号で開いた予約 (${size})`)).toEqual([]);
    // Kept on this phone now: its list has it.
    await phone.goto('/facilities/bookings');
    await expect(phone.getByRole('link', { name: new RegExp(code) })).toBeVisible();
  } finally {
    await context.close();
  }
}

/** Books the sample 会議室 from its first step to the confirmation, checking on each step that it says it is a sample. */
async function bookSampleRoom(page: Page): Promise<void> {
  const sample = page.getByText('見本の施設です。予約の流れを試せますが、実際には使えません。');
  await page.goto('/facilities/sample-kominkan/rooms/meeting/book');
  await expect(page.getByRole('heading', { level: 2, name: '日にちを選ぶ' })).toBeVisible();
  await expect(sample).toBeVisible();
  await page
    .getByRole('button', { name: /空きあり|残りわずか/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 2, name: '時間を選ぶ' })).toBeFocused();
  await expect(sample).toBeVisible();
  await page.getByRole('checkbox', { name: /午前/ }).check();
  await page.getByRole('button', { name: 'この時間で進む' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '使う方と連絡先' })).toBeVisible();
  await expect(sample).toBeVisible();
  await page.getByText('市内', { exact: true }).click();
  await page.getByText('一般', { exact: true }).click();
  await page.getByLabel('使う目的').fill('自治会の会議');
  await page.getByLabel('使う人数').fill('12');
  await page.getByLabel('申し込む方のお名前（カタカナ）').fill('とうがね はなこ');
  await page.getByLabel('電話番号').fill('0475-50-1210');
  await page.getByRole('button', { name: '料金を確かめる' }).click();
  await expect(page.getByRole('heading', { level: 2, name: '料金と内容の確認' })).toBeVisible();
  await expect(sample).toBeVisible();
  await page.getByRole('button', { name: 'この内容で予約する' }).click();
}

test('the sample hall says so on every step and takes no real booking; in practice mode it books, and its done page says it is a sample', async ({ page }) => {
  await bookSampleRoom(page);
  await expect(page.getByText('中央公民館（見本）は見本の施設のため、実際には予約できません。予約は行われていません。', { exact: false })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約：中央公民館（見本） 会議室');

  await page.goto('/practice');
  await page.getByRole('button', { name: '練習をはじめる' }).click();
  await bookSampleRoom(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('練習の予約ができました');
  await expect(page.getByText('見本の施設の予約です。この施設は実際にはないため、当日行っても使えません。')).toBeVisible();
  await expect(page.getByText('当日、予約番号をお伝えください。')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'カレンダーに追加する' })).toHaveCount(0);
});

test('a facility booked elsewhere shows where it goes and what to prepare before leaving', async ({ page }) => {
  await page.goto('/facilities');
  await page.getByLabel('施設や部屋の名前').fill('アリーナ');
  await page.getByRole('link', { name: /東金アリーナ/ }).click();
  await expect(page.getByRole('cell', { name: '1,360円' }).first()).toBeVisible();
  await page.getByRole('link', { name: 'ちば施設予約での予約のしかた' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ちば施設予約で予約します');
  await expect(page.getByText('https://www.cm1.eprs.jp/yoyaku-chiba/ew/', { exact: true })).toBeVisible();
  await expect(page.getByText(/東金アリーナの窓口で利用者登録/)).toBeVisible();
  const link = page.getByRole('link', { name: 'ちば施設予約を開く（www.cm1.eprs.jp）' });
  expect(await link.getAttribute('href')).toBe('https://www.cm1.eprs.jp/yoyaku-chiba/ew/');
  expect(await link.getAttribute('rel')).toContain('noopener');
  expect(await axeViolations(page, 'ちば施設予約への案内')).toEqual([]);
});

test('the sample facility says once that it is a sample', async ({ page }) => {
  await useSavedTextSize(page, 'large');
  await page.goto('/facilities/sample-kominkan');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('中央公民館（見本）');
  const notice = page.locator('main p').filter({ hasText: 'これは見本の施設です' });
  await expect(notice).toHaveCount(1);
  expect((await notice.textContent())?.match(/見本の施設です/g)).toHaveLength(1);
  await page.screenshot({ path: test.info().outputPath('sample-facility-large.png') });
});
