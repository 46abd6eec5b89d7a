import { expect, test, type Page } from '@playwright/test';
import { axeViolations, smallTargets } from './support/accessibility.ts';
import { useSavedTextSize, waitForApp, waitForServiceWorkerControl } from './support/portal.ts';

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
const searchBox = (page: Page) => page.getByRole('searchbox', { name: '手続きを検索' });
const results = (page: Page) => page.getByRole('main').getByRole('list').first();

async function answerMovingGuide(page: Page): Promise<void> {
  await page.goto('/procedures/moving');
  await expect(heading(page)).toHaveText('引っ越しガイド');
  await page.getByRole('radio', { name: 'ほかの市区町村から東金市へ' }).check();
  await page.getByRole('radio', { name: '決まっている' }).check();
  await page.getByLabel('引っ越す日（引っ越した日）', { exact: true }).fill('2026-12-01');
  await page.getByLabel('3. 引っ越す人は何人ですか').selectOption('3');
  await page.getByRole('group', { name: '4. 小学生・中学生の子どもはいますか' }).getByRole('radio', { name: 'はい' }).check();
  await page.getByRole('group', { name: /^5\./ }).getByRole('radio', { name: 'いいえ' }).check();
  await page.getByRole('radio', { name: '国民健康保険（国保）' }).check();
  await page.getByRole('group', { name: /^7\./ }).getByRole('radio', { name: 'いいえ' }).check();
  await page.getByRole('radio', { name: '軽自動車', exact: true }).check();
  await page.getByRole('group', { name: /^9\./ }).getByRole('radio', { name: 'わからない' }).check();
  await page.getByRole('button', { name: 'チェックリストを作る' }).click();
  await expect(heading(page)).toHaveText('引っ越しのチェックリスト');
}

async function a11yClean(page: Page, label: string, minimum: number): Promise<void> {
  expect(await axeViolations(page, label)).toEqual([]);
  expect(await smallTargets(page, minimum), label).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${label} scrolls sideways`).toBeLessThanOrEqual(0);
}

test('typing 「ひっこし」 finds 転入届 and the others as you type, announces the count, and keeps the words in the address', async ({ page }) => {
  await page.goto('/procedures');
  await expect(heading(page)).toHaveText('手続きを探す');
  // Nothing typed: the moving guide, the life events and popular procedures.
  await expect(page.getByRole('link', { name: /引っ越しガイド/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: '暮らしの出来事から探す' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'よく見られている手続き' })).toBeVisible();

  // Typing goes nowhere until the app has taken the page over (the box is disabled in the page's HTML).
  await expect(searchBox(page)).toBeEnabled();
  await searchBox(page).pressSequentially('ひっこし');
  await expect(results(page).getByRole('link', { name: /^転入届/ })).toBeVisible();
  await expect(results(page).getByRole('link', { name: /^転出届/ })).toBeVisible();
  await expect(results(page).getByRole('link', { name: /^転居届/ })).toBeVisible();
  await expect(results(page).getByRole('link', { name: /^転出届/ })).toContainText('オンラインでできます');
  await expect(page.getByRole('status').filter({ hasText: '件の手続きが見つかりました' })).toHaveText(/^\d+件の手続きが見つかりました$/);
  await expect(page).toHaveURL(/\/procedures\?q=%E3%81%B2%E3%81%A3%E3%81%93%E3%81%97$/);

  // The address is replaced, not pushed: back leaves the search; a detail and back return to the same words.
  await results(page)
    .getByRole('link', { name: /^転入届/ })
    .click();
  await expect(heading(page)).toHaveText(/^転入届/);
  await page.goBack();
  await expect(searchBox(page)).toHaveValue('ひっこし');
  await expect(results(page).getByRole('link', { name: /^転入届/ })).toBeVisible();
  await page.reload();
  await expect(searchBox(page)).toHaveValue('ひっこし');
  await expect(results(page).getByRole('link', { name: /^転居届/ })).toBeVisible();
});

test('filters: online only, a life event and a department narrow the list; no answer is said kindly with a phone', async ({ page }) => {
  await page.goto('/procedures?q=ひっこし');
  // The search words make the app draw the page afresh, which would close a 絞り込む opened before it.
  await waitForApp(page);
  await page.getByText('絞り込む').click();
  await page.getByRole('checkbox', { name: 'オンラインでできるものだけ' }).check();
  await expect(results(page).getByRole('link', { name: /^転出届/ })).toBeVisible();
  await expect(results(page).getByRole('link', { name: /^転居届/ })).toHaveCount(0);
  await expect(page).toHaveURL(/online=1/);
  await page.getByRole('button', { name: '絞り込みをやめる' }).click();
  await expect(results(page).getByRole('link', { name: /^転居届/ })).toBeVisible();

  await searchBox(page).fill('');
  await page.getByLabel('担当課').selectOption({ label: '国保年金課' });
  await expect(results(page).getByRole('link', { name: /^国民健康保険をやめる/ })).toBeVisible();
  await expect(results(page).getByRole('link', { name: /^転入届/ })).toHaveCount(0);
  await page.getByLabel('担当課').selectOption({ label: 'すべて' });
  await page.getByLabel('暮らしの出来事').selectOption({ label: '車やバイク' });
  await expect(results(page).getByRole('link', { name: /^軽自動車・250ccを超えるバイクの住所・名義の変更/ })).toBeVisible();
  await expect(results(page).getByRole('link', { name: /^転入届/ })).toHaveCount(0);

  await page.goto('/procedures?q=ぴぴぴぴ');
  await expect(page.getByText('「ぴぴぴぴ」に合う手続きは、見つかりませんでした。', { exact: false })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: '0475-50-1210' }).first()).toHaveAttribute('href', 'tel:0475-50-1210');
  await expect(page.getByRole('link', { name: /^引っ越し/ }).first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '見つかりませんでした' })).toHaveText('見つかりませんでした');
});

test('a detail: what, who, where, fee, the hand-off with its domain, the phone and the last check', async ({ page }) => {
  await page.goto('/procedures/tennyu');
  await expect(heading(page)).toHaveText('転入届（ほかの市区町村から東金市へ引っ越したとき）');
  await expect(page.getByText('この説明は、手続きの流れを知っていただくための見本です。', { exact: false })).toBeVisible();
  await expect(page.getByText('手続きの前に、お電話でご確認ください。', { exact: false })).toBeVisible();
  await expect(page.getByText('代理人（本人が書いた委任状が必要です）', { exact: false })).toBeVisible();
  await expect(page.getByText('引っ越した日から14日以内', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: '市役所 市民課の窓口' })).toBeVisible();
  await expect(page.getByRole('link', { name: /市役所の場所を地図で見る/ })).toBeVisible();
  // 市民課's number is not confirmed: the city hall's main number (代表電話) is offered.
  await expect(page.getByText('市民課の電話番号は確認中です。', { exact: false })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: '0475-50-1111' }).first()).toHaveAttribute('href', 'tel:0475-50-1111');
  await expect(page.getByText('最終確認日：2026年11月24日（火）')).toBeVisible();
  // A related procedure is one tap away.
  await page
    .getByRole('link', { name: /^転入予約/ })
    .first()
    .click();
  await expect(heading(page)).toHaveText(/^転入予約/);
  await page.goto('/procedures/tenshutsu');
  await expect(heading(page)).toHaveText('転出届（東金市から市外へ引っ越すとき）');
  // The city published this one (引っ越しワンストップ): no 見本 notice, its source, and the online route shows where it leads.
  await expect(page.getByText('見本です', { exact: false })).toHaveCount(0);
  await expect(page.getByRole('region', { name: '出典と最終確認日' })).toContainText('東金市DX推進計画（令和8年3月策定）');
  await expect(page.getByText('行き先：app.oss.myna.go.jp', { exact: false })).toBeVisible();
  await expect(page.getByRole('link', { name: 'ぴったりサービスで申請する' })).toHaveAttribute('href', 'https://app.oss.myna.go.jp/');

  await page.goto('/procedures/no-such-procedure');
  await expect(heading(page)).toHaveText('手続きが見つかりません');
  await searchBox(page).fill('いんかん');
  await page.getByRole('button', { name: '探す' }).click();
  await expect(heading(page)).toHaveText('手続きを探す');
  await expect(
    results(page)
      .getByRole('link', { name: /^印鑑登録/ })
      .first(),
  ).toBeVisible();
});

test('life events: the 14 events, and 引っ越し as steps in order with department and counter', async ({ page }) => {
  await page.goto('/procedures/life-events');
  await expect(heading(page)).toHaveText('暮らしの出来事から探す');
  await expect(results(page).getByRole('link')).toHaveCount(14);
  await results(page)
    .getByRole('link', { name: /^引っ越し/ })
    .click();
  await expect(heading(page)).toHaveText('引っ越しの手続き');
  const steps = page.getByRole('main').getByRole('heading', { level: 2 });
  await expect(steps.first()).toHaveText('引っ越す前（市外へ）');
  await expect(steps.nth(1)).toHaveText('引っ越した日から14日以内');
  await expect(page.getByText('窓口：市役所 市民課の窓口').first()).toBeVisible();
});

test('the moving guide: answers, its checklist with dates, ticks kept after a reload, and a shared link', async ({ page, browser }) => {
  await page.goto('/procedures/moving');
  await page.getByRole('button', { name: 'チェックリストを作る' }).click();
  await expect(page.getByRole('alert').first()).toContainText('答えていない質問が');

  await answerMovingGuide(page);
  await expect(page.getByRole('heading', { name: /^転入届/ })).toBeVisible();
  await expect(page.getByText('期限：2026年12月15日（火）まで').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: /^国民健康保険に入る/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^転校の手続き/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^軽自動車・250ccを超えるバイクの住所・名義の変更/ })).toBeVisible();
  // The dog was 「わからない」: still listed, marked 該当する場合.
  const dog = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^犬の所在地・飼い主の変更/ }) });
  await expect(dog.getByText('該当する場合')).toBeVisible();
  await expect(page.getByRole('heading', { name: /後期高齢者医療/ })).toHaveCount(0);

  const url = page.url();
  expect(url).toMatch(/\/procedures\/moving\/checklist\?a=1\.i\.20261201\.3\.y\.n\.k\.n\.k\.u$/);
  await page.getByRole('checkbox', { name: /^済んだ\s*：転入届/ }).check();
  await expect(page.getByText('のうち、1件が済みました', { exact: false })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: /^済んだ\s*：転入届/ })).toBeChecked();
  // Also without the link: the checklist is saved on the device.
  await page.goto('/procedures/moving/checklist');
  await expect(page.getByRole('checkbox', { name: /^済んだ\s*：転入届/ })).toBeChecked();

  // Printed: the list, without the buttons and the link box.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: '印刷する' })).toBeHidden();
  await expect(page.getByRole('heading', { name: /^転入届/ })).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('button', { name: '印刷する' })).toBeVisible();

  // Someone else opens the shared link: the same list, nothing ticked, nothing of ours.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(url);
  await expect(heading(otherPage)).toHaveText('引っ越しのチェックリスト');
  await expect(otherPage.getByRole('heading', { name: /^国民健康保険に入る/ })).toBeVisible();
  await expect(otherPage.getByRole('checkbox', { name: /^済んだ\s*：転入届/ })).not.toBeChecked();
  await otherPage.goto('/procedures/moving/checklist?a=1.i.2026');
  await expect(otherPage.getByRole('alert')).toContainText('このリンクからは、チェックリストを作れませんでした。');
  await other.close();
});

test('search works offline after one visit', async ({ page, context }) => {
  await page.goto('/procedures');
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
  await waitForServiceWorkerControl(page);
  await context.setOffline(true);
  await page.goto('/procedures?q=こくほ');
  await expect(heading(page)).toHaveText('手続きを探す');
  await expect(results(page).getByRole('link', { name: /^国民健康保険をやめる/ })).toBeVisible();
  await searchBox(page).fill('ｲﾝｶﾝ');
  await expect(
    results(page)
      .getByRole('link', { name: /^印鑑登録/ })
      .first(),
  ).toBeVisible();
  await results(page)
    .getByRole('link', { name: /^印鑑登録証明書の交付/ })
    .click();
  await expect(heading(page)).toHaveText('印鑑登録証明書の交付');
});

for (const [size, minimum] of [
  ['standard', 44],
  ['large', 56],
] as const) {
  test(`axe, targets and reflow on results, detail and checklist (${size})`, async ({ page }) => {
    await useSavedTextSize(page, size);
    await page.goto('/procedures');
    await searchBox(page).fill('ひっこし');
    await page.getByText('絞り込む').click();
    await expect(page.getByRole('status').filter({ hasText: '件の手続きが見つかりました' })).toBeVisible();
    await a11yClean(page, 'search results', minimum);
    await page.goto('/procedures/juminhyo');
    await expect(heading(page)).toHaveText('住民票の写しの交付');
    await a11yClean(page, 'detail', minimum);
    await answerMovingGuide(page);
    await page.getByRole('checkbox', { name: /^済んだ\s*：転入届/ }).check();
    await a11yClean(page, 'checklist', minimum);
  });
}
