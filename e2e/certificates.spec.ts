import { expect, test, type Page } from '@playwright/test';
import { axeViolations, smallTargets } from './support/accessibility.ts';
import { useSavedTextSize, waitForServiceWorkerControl } from './support/portal.ts';

async function answer(page: Page, label: string): Promise<void> {
  await page.getByRole('radio', { name: label, exact: true }).check();
  await page.getByRole('button', { name: 'この答えで次へ' }).click();
}

const resultHeading = (page: Page) => page.getByRole('main').getByRole('heading', { level: 2 }).first();

test.describe('できるかチェック', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/certificates');
    await page.getByRole('link', { name: /コンビニで取れるか調べる/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('コンビニで取れるか調べる');
  });

  test('everything in order: you can, with the stores, the fee and the steps', async ({ page }) => {
    await expect(page.getByText('質問 1（5問まで）')).toBeVisible();
    // Pressing on without a choice says what to do, next to the question.
    await page.getByRole('button', { name: 'この答えで次へ' }).click();
    await expect(page.getByRole('alert')).toHaveText(/答えを1つ選んでください/);
    await answer(page, 'マイナンバーカード（顔写真つきのプラスチックのカード）');
    await expect(page.getByRole('heading', { name: 'カードの持ち主は、15歳以上ですか。' })).toBeFocused();
    await answer(page, 'はい、15歳以上です');
    await answer(page, '覚えている');
    await answer(page, '切れていない');
    await expect(page.getByText('質問 5（5問まで）')).toBeVisible();
    await answer(page, '住民票の写し');
    await expect(resultHeading(page)).toHaveText('コンビニで取れます');
    await expect(resultHeading(page)).toBeFocused();
    await expect(page.getByText('手数料の目安：1通 200円')).toBeVisible();
    await expect(page.getByText('東金市での内容は確認中です。')).toBeVisible();
    // 市民課's own number is not confirmed: the city hall's main number (代表電話) is offered.
    await expect(page.getByRole('main').getByRole('link', { name: '0475-50-1111' }).first()).toHaveAttribute('href', 'tel:0475-50-1111');
    await page.getByRole('link', { name: '機械の使い方を見る' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('コンビニの機械の使い方');
  });

  test('a locked PIN: do this first, with the way to book the reset at the counter', async ({ page }) => {
    await answer(page, 'マイナンバーカード（顔写真つきのプラスチックのカード）');
    await answer(page, 'はい、15歳以上です');
    await answer(page, 'まちがえてロックがかかった');
    await answer(page, '切れていない');
    await answer(page, '戸籍の証明書や戸籍の附票（本籍がほかの市町村）');
    await expect(resultHeading(page)).toHaveText('先にすることがあります');
    await expect(page.getByRole('heading', { name: /暗証番号を設定し直す/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /一度だけ「利用登録」を申し込む/ })).toBeVisible();
    await page.getByRole('link', { name: 'マイナンバーカードの窓口を予約する' }).click();
    await expect(page).toHaveURL('/mynumber/book/pin-reset');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約：暗証番号の再設定（ロックの解除）');
  });

  test('no card at all: one question, then how to get one and the other ways', async ({ page }) => {
    await answer(page, 'どれも持っていない');
    await expect(resultHeading(page)).toHaveText('先にすることがあります');
    await expect(page.getByRole('heading', { name: 'マイナンバーカードを作る' })).toBeVisible();
    await page.getByRole('link', { name: '窓口や郵送で取る方法を見る' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('どこで取るのが良い？');
  });

  test('「わからない」 is always allowed, and the result says how to find out', async ({ page }) => {
    await answer(page, 'マイナンバーカードの機能を入れた iPhone');
    await answer(page, 'はい、15歳以上です');
    // An iPhone uses Face ID: no PIN question.
    await expect(page.getByRole('heading', { name: 'カードの電子証明書の有効期限は、切れていませんか。' })).toBeVisible();
    await answer(page, 'わからない');
    await answer(page, 'わからない');
    await expect(resultHeading(page)).toHaveText('確かめてほしいことがあります');
    await expect(page.getByText('カードのおもての「電子証明書の有効期限」の欄を見てください。', { exact: false })).toBeVisible();
    await page.getByRole('button', { name: '最初から答え直す' }).click();
    await expect(page.getByText('質問 1（5問まで）')).toBeVisible();
  });

  test('under 15: not at the store, but at the counter or by post; and going back changes an answer', async ({ page }) => {
    await answer(page, 'マイナンバーカード（顔写真つきのプラスチックのカード）');
    await page.getByRole('button', { name: '前の質問に戻る' }).click();
    await expect(page.getByText('質問 1（5問まで）')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'コンビニで使うものは、どれですか。' })).toBeFocused();
    await answer(page, 'マイナンバーカードの機能を入れたスマートフォン（Android）');
    await answer(page, 'いいえ、15歳未満です');
    await expect(resultHeading(page)).toHaveText('コンビニでは取れません。窓口か郵送で取れます');
  });
});

const machineMessage = (page: Page) => page.getByRole('group', { name: '練習用の機械の画面' }).getByRole('status');

async function toPin(page: Page): Promise<void> {
  await page.goto('/certificates/practice');
  await expect(page.getByText('練習です。本物の証明書は出ません。', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'コピー' }).click();
  await expect(machineMessage(page)).toHaveText('ここでは「行政サービス」を押します。');
  await page.getByRole('button', { name: '行政サービス' }).click();
  await expect(page.getByRole('heading', { name: /手順 2 \/ 9/ })).toBeFocused();
  await page.getByRole('button', { name: '証明書の交付' }).click();
  await page.getByRole('button', { name: 'カードを台に置く' }).click();
  await expect(page.getByText('練習用の暗証番号は 1234 です。')).toBeVisible();
  await expect(page.getByText('本当の暗証番号は入れないでください。')).toBeVisible();
}

async function typePin(page: Page, pin: string): Promise<void> {
  const keypad = page.getByRole('group', { name: '数字のボタン' });
  for (const digit of pin) await keypad.getByRole('button', { name: digit, exact: true }).click();
  await keypad.getByRole('button', { name: '確認' }).click();
}

test.describe('練習する: the practice machine', () => {
  test('the whole run, from the menu to the printed certificate', async ({ page }) => {
    await toPin(page);
    await typePin(page, '1234');
    await expect(page.getByRole('heading', { name: /手順 5 \/ 9/ })).toContainText('市町村（東金市）と、ほしい証明書を選びます。');
    await page.getByRole('button', { name: '住民票の写し' }).click();
    await page.getByRole('radio', { name: '自分だけの分' }).check();
    await page.getByRole('button', { name: '1通増やす' }).click();
    await expect(page.getByText('2通', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'この内容で進む' }).click();
    await expect(page.getByText('住民票の写し 2通、合計 400円')).toBeVisible();
    await page.getByRole('button', { name: 'お金を入れる（練習）' }).click();
    await expect(page.getByText('印刷しています。しばらくお待ちください。')).toBeVisible();
    await page.getByRole('button', { name: 'カードと証明書を取る' }).click();
    await expect(page.getByRole('heading', { name: '証明書が出ました（練習）' })).toBeVisible();
    await expect(page.getByRole('img', { name: '練習用の見本：住民票の写し 2通' })).toBeVisible();
    await page.getByRole('button', { name: 'もう一度練習する' }).click();
    await expect(page.getByRole('button', { name: '行政サービス' })).toBeVisible();
  });

  test('three wrong practice PINs lock the card, and the screen says what that means and what to do', async ({ page }) => {
    await toPin(page);
    await typePin(page, '9999');
    await expect(machineMessage(page)).toHaveText('暗証番号がちがいます。あと2回まちがえると、ロックがかかります。');
    await typePin(page, '0000');
    await expect(machineMessage(page)).toHaveText('暗証番号がちがいます。あと1回まちがえると、ロックがかかります。');
    await typePin(page, '1111');
    await expect(page.getByRole('heading', { name: 'カードにロックがかかりました（練習）' })).toBeFocused();
    await expect(page.getByText('練習なので、あなたのカードには何も起きていません。')).toBeVisible();
    await expect(page.getByText('ロックは、時間がたっても解けません。')).toBeVisible();
    await expect(page.getByRole('link', { name: '暗証番号の再設定を予約する' })).toHaveAttribute('href', '/mynumber/book/pin-reset');
    await page.getByRole('button', { name: '最初から練習する' }).click();
    await expect(page.getByRole('button', { name: '行政サービス' })).toBeVisible();
  });
});

test('the steps page shows every step with its picture, and the same steps as the practice machine', async ({ page }) => {
  await page.goto('/certificates/steps');
  const steps = page
    .getByRole('main')
    .getByRole('list')
    .filter({ has: page.getByText('手順 1') })
    .getByRole('listitem');
  await expect(steps).toHaveCount(9);
  await expect(steps.locator('svg[aria-hidden="true"]')).toHaveCount(9);
  await expect(steps.nth(3)).toContainText('4けたの暗証番号を入れて、「確認」を押します。');
  await expect(page.getByText('お店の人は、機械の画面の操作を代わりにすることはできません。', { exact: false })).toBeVisible();
});

test('all of コンビニで証明書 works offline after the first visit', async ({ page, context }) => {
  await page.goto('/certificates');
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
  await waitForServiceWorkerControl(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('コンビニで証明書');
  for (const [link, heading] of [
    ['コンビニで取れるか調べる', 'コンビニで取れるか調べる'],
    ['機械の使い方を見る', 'コンビニの機械の使い方'],
    ['機械の操作を練習する', '機械の操作を練習する'],
    ['どこで取るのが良いか比べる', 'どこで取るのが良い？'],
  ] as const) {
    await page.goto('/certificates');
    await page.getByRole('link', { name: new RegExp(`^${link}`) }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  }
  await page.getByRole('link', { name: 'コンビニで取れるか調べる' }).click();
  await answer(page, 'どれも持っていない');
  await expect(resultHeading(page)).toHaveText('先にすることがあります');
});

/** axe, target size and sideways scrolling on the screen as it is now (inner states SCREENS cannot reach). */
async function inspect(page: Page, label: string, minimum: number): Promise<void> {
  expect(await axeViolations(page, label)).toEqual([]);
  expect(await smallTargets(page, minimum), label).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${label} scrolls sideways`).toBeLessThanOrEqual(0);
}

for (const [size, minimum, width] of [
  ['standard', 44, 360],
  ['large', 56, 320],
  ['xlarge', 56, 320],
] as const) {
  test.describe(`inner screens in ${size} text at ${String(width)} px`, () => {
    test.beforeEach(async ({ page }) => {
      // Several axe runs in one test: allow for a busy machine.
      test.slow();
      await useSavedTextSize(page, size);
      await page.setViewportSize({ width, height: 800 });
    });

    test('the check’s error and results are axe-clean, with large targets and no sideways scrolling', async ({ page }) => {
      await page.goto('/certificates/check');
      await answer(page, 'マイナンバーカード（顔写真つきのプラスチックのカード）');
      await page.getByRole('button', { name: 'この答えで次へ' }).click();
      await inspect(page, 'question with an error', minimum);
      await answer(page, 'はい、15歳以上です');
      await answer(page, '覚えている');
      await answer(page, '切れていない');
      await answer(page, '戸籍の証明書や戸籍の附票（本籍が東金市）');
      await expect(resultHeading(page)).toHaveText('コンビニで取れます');
      await inspect(page, 'can', minimum);
      await page.getByRole('button', { name: '最初から答え直す' }).click();
      await answer(page, 'マイナンバーカード（顔写真つきのプラスチックのカード）');
      await answer(page, 'はい、15歳以上です');
      await answer(page, '忘れた');
      await answer(page, 'わからない');
      await answer(page, 'わからない');
      await expect(resultHeading(page)).toHaveText('先にすることがあります');
      await inspect(page, 'need-first', minimum);
    });

    test('the keypad, options, printed sample and lock are axe-clean, with large targets and no sideways scrolling', async ({ page }) => {
      await toPin(page);
      await typePin(page, '5555');
      await inspect(page, 'keypad with a wrong PIN', minimum);
      await typePin(page, '1234');
      await page.getByRole('button', { name: '戸籍の証明書（戸籍謄本・抄本）' }).click();
      await inspect(page, 'options', minimum);
      await page.getByRole('button', { name: 'この内容で進む' }).click();
      await page.getByRole('button', { name: 'お金を入れる（練習）' }).click();
      await page.getByRole('button', { name: 'カードと証明書を取る' }).click();
      await expect(page.getByRole('img', { name: /練習用の見本：戸籍の証明書/ })).toBeVisible();
      await inspect(page, 'printed sample', minimum);
      await toPin(page);
      for (const pin of ['1111', '2222', '3333']) await typePin(page, pin);
      await expect(page.getByRole('heading', { name: 'カードにロックがかかりました（練習）' })).toBeVisible();
      await inspect(page, 'locked', minimum);
    });
  });
}
