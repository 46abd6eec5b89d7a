import { expect, type Locator, type Page, test } from '@playwright/test';
import { sampleSlip } from './support/el-qr-fixtures.ts';

/**
 * The main flows done with the keyboard alone: Tab and Shift+Tab to move, Enter and Space to press,
 * arrow keys inside a group of radio buttons, typing into fields. No click, no tap. Each step also
 * proves that what needs pressing can be reached in the tab order.
 */

const MAX_TABS = 120;

async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement);
}

/** Presses Tab until `target` has focus (and fails if it never does). */
async function tabTo(page: Page, target: Locator): Promise<void> {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < MAX_TABS; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

/** Tabs to a button or link and presses Enter. */
async function press(page: Page, target: Locator): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
}

/** Tabs into a group of radio buttons, then moves with the arrow keys until `choice` is checked. */
async function choose(page: Page, choice: Locator): Promise<void> {
  const name = await choice.getAttribute('name');
  const group = page.locator(`input[type="radio"][name="${name ?? ''}"]`);
  for (let presses = 0; presses < MAX_TABS; presses++) {
    if (await group.evaluateAll((radios) => radios.includes(document.activeElement as HTMLInputElement))) break;
    await page.keyboard.press('Tab');
  }
  for (let presses = 0; presses < 10; presses++) {
    if (await isFocused(choice)) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Space');
  await expect(choice).toBeChecked();
}

/** Tabs to a field and types into it. */
async function type(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

/** One of the first few free choices, so tests running side by side rarely want the same seat. */
async function anyOf(choices: Locator, among = 5): Promise<Locator> {
  await expect(choices.first()).toBeVisible();
  return choices.nth(Math.floor(Math.random() * Math.min(among, await choices.count())));
}

test.describe('with the keyboard alone', () => {
  test('book the MyNumber counter: focus goes to the first mistake, then all the way to the booking', async ({ page }) => {
    await page.goto('/mynumber');
    await press(page, page.getByRole('link', { name: /カードの受け取り/ }));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約：カードの受け取り');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

    await press(page, page.getByRole('button', { name: '日にちを選ぶ' }));
    await press(page, await anyOf(page.getByRole('button', { name: /空きあり|残りわずか/ })));
    await expect(page.getByRole('heading', { level: 2, name: '時間を選ぶ' })).toBeFocused();
    await press(page, await anyOf(page.getByRole('button', { name: /残り\d/ })));

    // Sending the empty form: focus lands on the first field with a problem.
    await press(page, page.getByRole('button', { name: '確認へ進む' }));
    await expect(page.getByLabel('お名前（カタカナ）')).toBeFocused();
    await page.keyboard.type('とうがね はなこ');
    await type(page, page.getByLabel('電話番号'), '0475-50-1210');
    await choose(page, page.getByRole('radio', { name: 'ご本人が来ます' }));
    await press(page, page.getByRole('button', { name: '確認へ進む' }));
    await expect(page.getByRole('heading', { level: 2, name: '内容の確認' })).toBeVisible();
    await press(page, page.getByRole('button', { name: 'この内容で予約する' }));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約しました');

    // And back out again, by keyboard: cancel the booking just made.
    await press(page, page.getByRole('button', { name: '予約を取り消す' }));
    await press(page, page.getByRole('button', { name: '予約を取り消す' }));
    await expect(page.getByText('予約を取り消しました。')).toBeVisible();
  });

  test('book a room: focus goes to the first mistake, then all the way to the booking', async ({ page }) => {
    // The 練習室 of the 文化会館: no other test books it.
    await page.goto('/facilities/bunka-kaikan/rooms/practice/book');
    await expect(page.getByRole('heading', { level: 2, name: '日にちを選ぶ' })).toBeVisible();
    await press(page, await anyOf(page.getByRole('button', { name: /空きあり|残りわずか/ }), 20));
    await expect(page.getByRole('heading', { level: 2, name: '時間を選ぶ' })).toBeFocused();
    const block = page.getByRole('checkbox', { name: /午前|午後|夜間/ }).and(page.locator(':enabled'));
    await tabTo(page, block.first());
    await page.keyboard.press('Space');
    await expect(block.first()).toBeChecked();
    await press(page, page.getByRole('button', { name: 'この時間で進む' }));

    await expect(page.getByRole('heading', { level: 2, name: '使う方と連絡先' })).toBeVisible();
    await press(page, page.getByRole('button', { name: '料金を確かめる' }));
    await expect(page.getByRole('radio', { name: /^市内/ })).toBeFocused();
    await choose(page, page.getByRole('radio', { name: /^市内/ }));
    await choose(page, page.getByRole('radio', { name: /^一般/ }));
    await type(page, page.getByLabel('使う目的'), 'コーラスの練習');
    await type(page, page.getByLabel('使う人数'), '20');
    await type(page, page.getByLabel('申し込む方のお名前（カタカナ）'), 'トウガネ ハナコ');
    await type(page, page.getByLabel('電話番号'), '0475-50-1210');
    await press(page, page.getByRole('button', { name: '料金を確かめる' }));

    await expect(page.getByRole('heading', { level: 2, name: '料金と内容の確認' })).toBeVisible();
    // The 文化会館 needs an application at its counter: the booking is a 仮予約 until then.
    await press(page, page.getByRole('button', { name: 'この内容で仮予約する' }));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('仮予約しました');
    await press(page, page.getByRole('button', { name: '予約を取り消す' }));
    await press(page, page.getByRole('button', { name: '予約を取り消す' }));
    await expect(page.getByRole('status').filter({ hasText: '予約を取り消しました。' })).toBeVisible();
  });

  test('type a slip’s number: focus goes back to the field when it is wrong, and on to the slip', async ({ page }) => {
    await page.goto('/payments');
    await press(page, page.getByRole('link', { name: /番号を入力/ }));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('番号を入力する');
    const field = page.getByRole('textbox');
    await type(page, field, '12345678');
    await press(page, page.getByRole('button', { name: 'この番号で進む' }));
    await expect(field).toBeFocused();
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(sampleSlip(12_345, 20, 50, '11112222333344445555').elNumber);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('納付書の内容');
    await press(page, page.getByRole('link', { name: '払い方を見る' }));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('払い方');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  });

  test('answer できるかチェック: focus goes to the choices when none is chosen, and to each new question', async ({ page }) => {
    await page.goto('/certificates/check');
    await press(page, page.getByRole('button', { name: 'この答えで次へ' }));
    await expect(page.getByRole('alert')).toHaveText(/答えを1つ選んでください/);
    await expect(page.getByRole('radio').first()).toBeFocused();
    for (const [answer, next] of [
      ['マイナンバーカード（顔写真つきのプラスチックのカード）', 'カードの持ち主は、15歳以上ですか。'],
      ['はい、15歳以上です', null],
      ['覚えている', null],
      ['切れていない', null],
      ['住民票の写し', null],
    ] as const) {
      await choose(page, page.getByRole('radio', { name: answer, exact: true }));
      await press(page, page.getByRole('button', { name: 'この答えで次へ' }));
      if (next) await expect(page.getByRole('heading', { name: next })).toBeFocused();
    }
    await expect(page.getByRole('main').getByRole('heading', { level: 2 }).first()).toHaveText('コンビニで取れます');
  });

  test('change the text size on the settings page with the arrow keys', async ({ page }) => {
    await page.goto('/settings');
    await choose(page, page.getByRole('radio', { name: /大きい/ }));
    await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
    await press(page, page.getByRole('link', { name: 'ウェブアクセシビリティ方針' }).first());
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ウェブアクセシビリティ方針');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  });
});

test.describe('focus on the first mistake of every other form', () => {
  test('looking up a counter booking', async ({ page }) => {
    await page.goto('/mynumber/reservations');
    await page.getByRole('button', { name: '予約を探す' }).click();
    await expect(page.getByLabel('予約番号')).toBeFocused();
  });

  test('the renewal calculator, both ways', async ({ page }) => {
    await page.goto('/mynumber/renewal');
    await page.getByRole('button', { name: '計算する' }).click();
    await expect(page.getByLabel('生年月日')).toBeFocused();
    await page.getByRole('button', { name: '更新の時期を調べる' }).click();
    await expect(page.getByLabel('有効期限の日付')).toBeFocused();
  });
});
