import { expect, type Page, test } from '@playwright/test';
import { axeViolations, smallTargets } from './support/accessibility.ts';
import { sampleSlip } from './support/el-qr-fixtures.ts';
import { deployNewServiceWorker, ownServerPort, startOwnServer } from './support/own-server.ts';
import { KIOSK_KEY, KIOSK_TEST_PIN, startAsKiosk, waitForServiceWorkerControl } from './support/portal.ts';

// The city's touch screen at the counter: portrait 1080×1920.
test.use({ viewport: { width: 1080, height: 1920 } });

async function turnKioskOn(page: Page, idle: string): Promise<void> {
  await page.goto('/kiosk/setup');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('キオスクモードの設定');
  await page.getByText(idle, { exact: true }).click();
  await page.getByLabel('職員の暗証番号').fill(KIOSK_TEST_PIN);
  await page.getByRole('button', { name: 'キオスクモードにする' }).click();
  // The reset that follows may take a while on a busy machine (the service worker is still installing).
  await page.waitForURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('何をしますか');
  await expect(page.getByRole('button', { name: '最初から' })).toBeVisible();
}

/** Every page load of the tab from now on (main-frame navigation requests), by address. */
function recordPageLoads(page: Page): string[] {
  const loads: string[] = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) loads.push(new URL(request.url()).pathname);
  });
  return loads;
}

/**
 * After a reset: the start screen was loaded once and stays. A page that loads itself again would
 * destroy this document, and with it the mark set here, before the last look.
 */
async function expectOneLoadOfTheStartScreen(page: Page, loads: string[]): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('何をしますか');
  await page.evaluate(async () => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
    await navigator.serviceWorker.ready;
  });
  await expect(page.getByRole('button', { name: '最初から' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  expect(loads).toEqual(['/']);
}

/** A random free slot, so the two projects rarely compete for the same seats. */
async function clickAnyOf(page: Page, name: RegExp): Promise<void> {
  const choices = page.getByRole('button', { name });
  await expect(choices.first()).toBeVisible();
  await choices.nth(Math.floor(Math.random() * (await choices.count()))).click();
}

/** Everything the browser keeps for this origin, as the test reads it from inside the page. */
async function browserStorage(page: Page) {
  return page.evaluate(async () => {
    const local = Object.fromEntries(
      Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? '').map((key) => [key, localStorage.getItem(key)]),
    );
    const databases = (await indexedDB.databases()).map((database) => database.name);
    const cached: string[] = [];
    const cacheNames = await caches.keys();
    for (const name of cacheNames) for (const request of await (await caches.open(name)).keys()) cached.push(`${name} ${new URL(request.url).pathname}`);
    return { local, session: sessionStorage.length, databases, cacheNames, cached };
  });
}

test('staff switch the kiosk on and off with the PIN; a wrong PIN is refused', async ({ page }) => {
  await page.goto('/kiosk/setup');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('キオスクモードの設定');
  expect(await axeViolations(page, '/kiosk/setup')).toEqual([]);
  await page.getByLabel('職員の暗証番号').fill('000000');
  await page.getByRole('button', { name: 'キオスクモードにする' }).click();
  await expect(page.getByText('暗証番号が違います。もう一度入力してください。')).toBeVisible();
  await expect(page.getByLabel('職員の暗証番号')).toBeFocused();
  expect(await page.evaluate((key) => localStorage.getItem(key), KIOSK_KEY)).toBeNull();

  await page.getByText('90秒', { exact: true }).click();
  await page.getByLabel('職員の暗証番号').fill(KIOSK_TEST_PIN);
  await page.getByRole('button', { name: 'キオスクモードにする' }).click();
  // The reset that follows may take a while on a busy machine (as in turnKioskOn).
  await page.waitForURL(/\/$/);

  // The start screen: the six tiles, 特大, 「最初から」 instead of the text-size switch.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('何をしますか');
  await expect(page.locator('main ul li a')).toHaveCount(6);
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'xlarge');
  await expect(page.getByRole('button', { name: '最初から' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^文字を(大きく|標準に)$/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: '文字を大きくしますか' })).toHaveCount(0);
  // No smartphone class at the counter: no way into the practice mode.
  await expect(page.getByRole('link', { name: 'スマホ講座の練習モード' })).toHaveCount(0);
  await expect(page.locator('a[href="/practice"]')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  expect(await smallTargets(page, 56)).toEqual([]);
  expect(await axeViolations(page, 'kiosk start screen')).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('kiosk-start.png') });

  // Leaving needs the PIN again.
  await page.getByRole('link', { name: '職員の方へ（端末の設定）' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('キオスクモードの設定');
  expect(await axeViolations(page, '/kiosk/setup (kiosk)')).toEqual([]);
  await page.getByRole('button', { name: 'キオスクモードを終える' }).click();
  await expect(page.getByText('暗証番号は6～12けたの数字で入力してください。')).toBeVisible();
  await page.getByRole('link', { name: 'つながる東金' }).click();
  await expect(page.getByRole('button', { name: '最初から' })).toBeVisible();

  await page.getByRole('link', { name: '職員の方へ（端末の設定）' }).click();
  await page.getByLabel('職員の暗証番号').fill(KIOSK_TEST_PIN);
  await page.getByRole('button', { name: 'キオスクモードを終える' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('何をしますか');
  await expect(page.getByRole('button', { name: '文字を大きく', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '最初から' })).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
});

test('a booking on the kiosk: QR and print, not kept; after the idle question nothing of it remains', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await turnKioskOn(page, '60秒');
  await page.evaluate(async () => navigator.serviceWorker.ready);

  await page.getByRole('link', { name: /マイナンバーカードの予約/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('マイナンバーカードの予約');
  // The visit kind's link, whose name begins with the kind (the home tile's description names it too).
  await page.getByRole('link', { name: /^カードの受け取り/ }).click();
  await page.getByRole('button', { name: '日にちを選ぶ' }).click();
  await clickAnyOf(page, /空きあり|残りわずか/);
  await clickAnyOf(page, /残り\d/);
  await page.getByLabel('お名前（カタカナ）').fill('きおすく はなこ');
  await page.getByLabel('電話番号').fill(`080${String(Date.now() % 100_000_000).padStart(8, '0')}`);
  await page.getByText('ご本人が来ます').click();
  await page.getByRole('button', { name: '確認へ進む' }).click();
  await page.getByRole('button', { name: 'この内容で予約する' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約しました');
  const code =
    (await page
      .locator('main')
      .getByText(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/)
      .textContent()) ?? '';
  expect(code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  await expect(page.getByRole('img', { name: /ほかのスマートフォンでこの予約を開けます/ })).toBeVisible();
  await expect(page.getByRole('button', { name: '印刷する' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'カレンダーに追加する' })).toHaveCount(0);
  await expect(page.getByText('この端末（市役所の窓口の端末）には、予約を残しません。')).toBeVisible();
  expect(await axeViolations(page, '予約しました (kiosk)')).toEqual([]);

  // Not remembered on the kiosk: storage holds the kiosk setting and nothing of the booking.
  const during = await browserStorage(page);
  expect(JSON.stringify(during.local)).not.toContain(code.replace('-', ''));
  await page.getByRole('link', { name: '予約の一覧へ' }).click();
  // The list's own heading first: the done page says the same sentence, so without it the test could go back
  // before the list had opened (and land on the form before the done page).
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約の確認・変更・取消');
  await expect(page.getByText('この端末（市役所の窓口の端末）には、予約を残しません。')).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(code) })).toHaveCount(0);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約しました');

  // Storage a later feature might write: the reset must clear it too.
  await page.evaluate(async (booking) => {
    sessionStorage.setItem('later-feature', booking);
    await new Promise((resolve) => {
      const request = indexedDB.open('later-feature');
      request.onsuccess = () => {
        request.result.close();
        resolve(null);
      };
    });
    await (await caches.open('api-answers')).put(`/api/v1/counter/reservations/${booking}`, new Response(booking));
  }, code);
  expect((await browserStorage(page)).databases).toContain('later-feature');

  // Idle: the question comes after the staff's 60 s, and counts down from at least 20 s. The page's
  // clock stands still from here on and moves only when the test says so.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 5_000));
  await page.keyboard.press('Shift');
  await page.clock.fastForward(59_000);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.clock.fastForward(2_000);
  const dialog = page.getByRole('alertdialog', { name: 'まだお使いですか' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: '続ける' })).toBeFocused();
  await expect(dialog).toContainText('あと30秒');
  await page.clock.fastForward(10_000);
  await expect(dialog).toContainText('あと20秒');

  // 「続ける」 keeps everything.
  await dialog.getByRole('button', { name: '続ける' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(code)).toBeVisible();

  // Nobody answers this time: the reset.
  await page.clock.fastForward(61_000);
  await expect(dialog).toBeVisible();
  // axe-core needs the page's timers: the clock runs for it (a few of the 30 seconds).
  await page.clock.resume();
  expect(await axeViolations(page, 'idle question')).toEqual([]);
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 2_000));
  await page.clock.fastForward(10_000);
  await expect(dialog).toBeVisible();
  await page.clock.fastForward(20_000);
  await expect(page).toHaveURL(/\/$/);
  await page.clock.resume();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('何をしますか');
  await expect(page.getByRole('button', { name: '最初から' })).toBeVisible();

  const after = await browserStorage(page);
  expect(Object.keys(after.local)).toEqual([KIOSK_KEY]);
  expect(after.session).toBe(0);
  expect(after.databases).toEqual([]);
  expect(after.cacheNames.every((name) => name.startsWith('workbox-precache'))).toBe(true);
  expect(after.cached.filter((entry) => entry.includes('/api/'))).toEqual([]);
  expect(after.cached.length).toBeGreaterThan(0);
  await expect(page.locator('body')).not.toContainText(code);
  await expect(page.locator('body')).not.toContainText('キオスク ハナコ');

  // The back button cannot bring the booking back.
  for (let i = 0; i < 3; i++) {
    await page.evaluate(() => history.back());
    await page.waitForTimeout(300);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('何をしますか');
    await expect(page.locator('body')).not.toContainText(code);
    await expect(page.locator('body')).not.toContainText('キオスク ハナコ');
  }
});

test('「最初から」 clears a half-filled form at any time', async ({ page }) => {
  await turnKioskOn(page, '90秒');
  await page.goto('/mynumber/book/card-pickup');
  await page.getByRole('button', { name: '日にちを選ぶ' }).click();
  await clickAnyOf(page, /空きあり|残りわずか/);
  await clickAnyOf(page, /残り\d/);
  await page.getByLabel('お名前（カタカナ）').fill('さいしょ たろう');
  await page.getByLabel('電話番号').fill('0475501210');
  expect(await page.evaluate(() => sessionStorage.length)).toBeGreaterThan(0);

  await page.getByRole('button', { name: '最初から' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('何をしますか');
  expect(Object.keys((await browserStorage(page)).local)).toEqual([KIOSK_KEY]);
  expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
  await page.evaluate(() => history.back());
  await page.waitForTimeout(300);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('何をしますか');
  await expect(page.locator('body')).not.toContainText('さいしょ');
});

test('「最初から」 on the start screen loads it once, and so does the idle reset after a touch there', async ({ page }) => {
  await page.clock.install();
  await turnKioskOn(page, '60秒');
  await page.evaluate(async () => navigator.serviceWorker.ready);

  let loads = recordPageLoads(page);
  const loaded = page.waitForEvent('load');
  await page.getByRole('button', { name: '最初から' }).click();
  await loaded;
  await expectOneLoadOfTheStartScreen(page, loads);

  // Someone touches the start screen and walks away: the question, then the reset, then one load.
  await page.clock.pauseAt(await page.evaluate(() => Date.now() + 5_000));
  await page.keyboard.press('Shift');
  await page.clock.fastForward(61_000);
  const dialog = page.getByRole('alertdialog', { name: 'まだお使いですか' });
  await expect(dialog).toBeVisible();
  loads = recordPageLoads(page);
  const reloaded = page.waitForEvent('load');
  await page.clock.fastForward(31_000);
  await reloaded;
  await page.clock.resume();
  await expectOneLoadOfTheStartScreen(page, loads);
});

test('on the kiosk a link to another site is a QR code with its address, never a way out', async ({ page }) => {
  await startAsKiosk(page);
  await page.goto('/facilities/togane-arena/handoff');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ちば施設予約で予約します');
  await expect(page.locator('main a[href^="http"]')).toHaveCount(0);
  await expect(page.getByRole('img', { name: '読み取ると、お手持ちのスマートフォンでちば施設予約を開けます' })).toBeVisible();
  await expect(page.getByText('この端末では、ほかのサイトは開けません。')).toBeVisible();
  expect(await axeViolations(page, 'handoff (kiosk)')).toEqual([]);

  // The ways to pay a slip: the official sites become QR codes too.
  await page.getByRole('button', { name: '最初から' }).click();
  await page.getByRole('link', { name: /納付書で支払う/ }).click();
  await page.getByRole('link', { name: '番号を入力する' }).click();
  await page.getByRole('textbox', { name: 'eL番号（34けた）' }).fill(sampleSlip(12_345, 20, 50, '11112222333344445555').elNumber);
  await page.getByRole('button', { name: 'この番号で進む' }).click();
  await page.getByRole('link', { name: '払い方を見る' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('払い方');
  await expect(page.getByText('この端末では、ほかのサイトは開けません。')).toHaveCount(2);
  await expect(page.getByRole('img', { name: /お手持ちのスマートフォンで地方税お支払サイトを開けます/ })).toBeVisible();
  expect(await page.locator('a[href^="http"]').count()).toBe(0);
  expect(await axeViolations(page, 'how to pay (kiosk)')).toEqual([]);
});

test('a new version waits, unasked, for the reset between two people', async ({ page }) => {
  const server = await startOwnServer(ownServerPort(420, test.info().workerIndex));
  try {
    await startAsKiosk(page);
    await page.goto(`${server.baseUrl}/certificates`);
    await waitForServiceWorkerControl(page);
    await page.evaluate(() => {
      (window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true;
    });
    deployNewServiceWorker(server, '\n// a new deployment\n');
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));

    // Nobody is asked, nothing reloads in the middle of use.
    await expect(page.getByText('新しいバージョンがあります。')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);

    await page.getByRole('button', { name: '最初から' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('何をしますか');
    expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBeUndefined();
    await page.waitForFunction(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return registration !== undefined && registration.waiting === null && navigator.serviceWorker.controller !== null;
    });
  } finally {
    await server.stop();
  }
});
