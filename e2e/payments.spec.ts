import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../playwright.config.ts';
import { daysFromToday, qrPng, sampleSlip, writeQrVideo } from './support/el-qr-fixtures.ts';
import { axeViolations, smallTargets } from './support/accessibility.ts';
import { useSavedTextSize, waitForServiceWorkerControl } from './support/portal.ts';

const PAYMENT_SITE = 'https://www.payment.eltax.lta.go.jp/pbuser';
const onTime = sampleSlip(12_345, 20, 50, '11112222333344445555');
const late = sampleSlip(8_000, -3, 27, '66667777888899990000');
const expired = sampleSlip(54_321, -60, -30, '12121212121212121212');

// Chromium's fake camera films the on-time slip's QR code; each worker writes its own video.
const video = join(tmpdir(), `togane-elqr-${String(process.pid)}.y4m`);
writeQrVideo(onTime.payload, video);
test.use({
  permissions: ['camera', 'clipboard-read', 'clipboard-write'],
  launchOptions: {
    ...chromiumLaunchOptions,
    args: [...chromiumLaunchOptions.args, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  },
});

const SECRETS = [onTime, late, expired].flatMap((slip) => [slip.payload, slip.elNumber]);

/** Every request the page makes; at the end none may carry a payload or an eL番号. */
function recordRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => seen.push(`${request.url()} ${request.postData() ?? ''}`));
  return seen;
}

function expectNothingSent(requests: string[]) {
  const digitsOnly = requests.map((request) => request.replace(/\D/g, ''));
  for (const secret of SECRETS) {
    expect(requests.filter((request) => request.includes(secret))).toEqual([]);
    // Also split across separators, e.g. grouped digits in a query string.
    expect(digitsOnly.filter((digits) => digits.includes(secret.slice(5, 25)))).toEqual([]);
  }
}

async function choosePhoto(page: Page, text: string) {
  // Enabled once the app has taken the prerendered page over.
  await expect(page.locator('input[type=file]')).toBeEnabled();
  await page.locator('input[type=file]').setInputFiles({ name: 'slip.png', mimeType: 'image/png', buffer: await qrPng(text) });
}

function formatted(isoDate: string): RegExp {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new RegExp(`${String(year)}年${String(month)}月${String(day)}日（.）`);
}

test('the camera reads the slip through the fallback decoder, explains it and hands off to the official site', async ({ page }) => {
  const requests = recordRequests(page);
  await page.goto('/payments');
  expect(await page.evaluate(() => 'BarcodeDetector' in window)).toBe(false);
  await page.getByRole('button', { name: 'カメラで読み取る' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('納付書の内容', { timeout: 20_000 });
  const details = page.locator('dl');
  await expect(details).toContainText('12,345円');
  await expect(details).toContainText(formatted(daysFromToday(20)));
  await expect(details).toContainText(formatted(daysFromToday(50)));
  await expect(details).toContainText('東金市の納付書です。');
  await expect(page.getByText('期限内です。')).toBeVisible();
  await expect(page.getByText('1221 3111 1222 2333 3444 4555 5246 8100 21').first()).toBeVisible();

  await page.getByRole('link', { name: '払い方を見る' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('払い方');
  // 12,345円 falls in the second band of the card fee table.
  await expect(page.getByText(/手数料は\s*123円/)).toBeVisible();
  const handoff = page.getByRole('link', { name: '地方税お支払サイトへ移動する' });
  await expect(handoff).toHaveAttribute('href', PAYMENT_SITE);
  await expect(page.getByText('行き先：www.payment.eltax.lta.go.jp（地方税お支払サイト、公式のサイトです）')).toBeVisible();
  await expect(page.getByText('領収書は出ません', { exact: false })).toBeVisible();
  await expect(page.getByText('SMS やメール、LINE で支払いをお願いすることはありません', { exact: false })).toBeVisible();

  await page.getByRole('button', { name: 'eL番号をコピーする' }).first().click();
  await expect(page.getByText('番号をコピーしました。').first()).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(onTime.elNumber);
  expectNothingSent(requests);
  // The decoder's WebAssembly came from our own origin, and nothing went anywhere else.
  const origin = new URL(page.url()).origin;
  expect(requests.some((request) => request.startsWith(`${origin}/assets/zxing_reader-`))).toBe(true);
  expect(requests.filter((request) => !request.startsWith(origin))).toEqual([]);
});

test('without a camera, the message and the buttons agree: a photo or the number', async ({ page }) => {
  await useSavedTextSize(page, 'large');
  await page.addInitScript(() => {
    navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('no camera', 'NotFoundError'));
  });
  await page.goto('/payments');
  await page.getByRole('button', { name: 'カメラで読み取る' }).click();
  await expect(page.getByRole('alert')).toHaveText(/この端末ではカメラが見つかりませんでした。写真を選ぶか、番号を入力して進むこともできます。/);
  await expect(page.getByText('写真から読み取る')).toBeVisible();
  await expect(page.getByRole('link', { name: '番号を入力する' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('no-camera-large.png'), fullPage: true });
  await choosePhoto(page, late.payload);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('納付書の内容');
});

test('a photo of a slip past its 納期限 warns about late charges but still shows the way to pay', async ({ page }) => {
  const requests = recordRequests(page);
  await page.goto('/payments');
  await choosePhoto(page, late.payload);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('納付書の内容');
  await expect(page.locator('dl')).toContainText('8,000円');
  await expect(page.getByText('延滞金がかかることがあります', { exact: false })).toBeVisible();
  await page.getByRole('link', { name: '払い方を見る' }).click();
  await expect(page.getByRole('link', { name: '地方税お支払サイトへ移動する' })).toHaveAttribute('href', PAYMENT_SITE);
  await expect(page.getByText('延滞金がかかることがあります', { exact: false })).toBeVisible();
  expectNothingSent(requests);
});

test('an expired slip is blocked: no way to pay, and who to ask instead', async ({ page }) => {
  const requests = recordRequests(page);
  await page.goto('/payments');
  await choosePhoto(page, expired.payload);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('納付書の内容');
  await expect(page.getByText('この納付書では払えません。')).toBeVisible();
  await expect(page.getByText('担当：収税課')).toBeVisible();
  await expect(page.getByRole('link', { name: '払い方を見る' })).toHaveCount(0);
  await expect(page.locator(`a[href^="https://"]`)).toHaveCount(0);

  // Going to the payment page by hand (inside the app, so the slip is still in memory) does not unblock it.
  await page.evaluate(() => {
    window.history.pushState(null, '', '/payments/how-to-pay');
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('払い方');
  await expect(page.getByText('この納付書では払えません。')).toBeVisible();
  await expect(page.locator(`a[href^="https://"]`)).toHaveCount(0);

  // After a reload nothing of the slip is left on the device.
  await page.reload();
  await expect(page.getByText('読み取った納付書がありません。', { exact: false })).toBeVisible();
  expectNothingSent(requests);
});

test('a QR code holding a web address is refused, and the address is never opened', async ({ page }) => {
  const requests = recordRequests(page);
  await page.goto('/payments');
  await choosePhoto(page, 'https://pay.example.com/togane?amount=12300');
  await expect(page.getByRole('alert')).toContainText('ウェブサイトのアドレスが入ったQRコードです。');
  await expect(page).toHaveURL('/payments');
  expect(requests.filter((request) => request.includes('example.com'))).toEqual([]);

  await choosePhoto(page, onTime.payload.slice(0, 254));
  await expect(page.getByRole('alert')).toContainText('納付書のQRコード（eL-QR）ではありません。');
  await expect(page).toHaveURL('/payments');
});

test('a typed eL番号 in full-width digits with hyphens leads to the ways to pay', async ({ page }) => {
  const requests = recordRequests(page);
  await page.goto('/payments');
  await page.getByRole('link', { name: '番号を入力する' }).click();
  const field = page.getByRole('textbox', { name: 'eL番号（34けた）' });

  await field.fill('1221 3111');
  await page.getByRole('button', { name: 'この番号で進む' }).click();
  await expect(page.getByText('番号は34けたです。いまは8けたです。')).toBeVisible();
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  const fullWidth = onTime.elNumber.replace(/\d/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
  await field.fill(`${fullWidth.slice(0, 5)}－${fullWidth.slice(5, 25)} ${fullWidth.slice(25)}`);
  await page.getByRole('button', { name: 'この番号で進む' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('納付書の内容');
  await expect(page.getByText('番号だけでは分かりません。', { exact: false })).toBeVisible();
  await page.getByRole('link', { name: '払い方を見る' }).click();
  await expect(page.getByRole('link', { name: '地方税お支払サイトへ移動する' })).toHaveAttribute('href', PAYMENT_SITE);
  expectNothingSent(requests);
});

test('a typed eL番号 names its town from the 全国地方公共団体コード; an invented one is not vouched for but compared with the slip', async ({ page }) => {
  const typeNumber = async (institutionCode: string) => {
    await page.goto('/payments');
    await page.getByRole('link', { name: '番号を入力する' }).click();
    await page.getByRole('textbox', { name: 'eL番号（34けた）' }).fill(`${institutionCode}11112222333344445555246810021`);
    await page.getByRole('button', { name: 'この番号で進む' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('納付書の内容');
  };
  await typeNumber('13101');
  await expect(page.getByText('東京都千代田区の納付書です（番号 13101）。東金市以外の納付書も、同じ方法で払えます。')).toBeVisible();

  await typeNumber('12345');
  await expect(
    page.getByText('番号のはじめの5けた（12345）にあたる市区町村がありません。入力した番号と納付書の番号を、1けたずつ見比べてください。'),
  ).toBeVisible();
  await expect(page.getByText('同じ方法で払えます', { exact: false })).toHaveCount(0);
});

for (const size of ['standard', 'large'] as const) {
  test(`the slip and the ways to pay pass axe-core and have full-size controls with a slip loaded (${size})`, async ({ page }) => {
    await useSavedTextSize(page, size);
    await page.goto('/payments');
    await choosePhoto(page, late.payload);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('納付書の内容');
    const minimum = size === 'standard' ? 44 : 56;
    expect(await axeViolations(page, 'slip')).toEqual([]);
    expect(await smallTargets(page, minimum)).toEqual([]);
    await page.getByRole('link', { name: '払い方を見る' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('払い方');
    expect(await axeViolations(page, 'how to pay')).toEqual([]);
    expect(await smallTargets(page, minimum)).toEqual([]);
  });
}

test('with a slip loaded, nothing scrolls sideways at 320 px in extra-large text', async ({ page }) => {
  await useSavedTextSize(page, 'xlarge');
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/payments');
  await choosePhoto(page, onTime.payload);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('納付書の内容');
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await page.getByRole('link', { name: '払い方を見る' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('払い方');
  expect(await overflow()).toBeLessThanOrEqual(0);
});

test('once a slip has been read online, the next one can be read offline: the decoder is cached on first use', async ({ page, context }) => {
  await page.goto('/payments');
  await waitForServiceWorkerControl(page);
  // The first reading fetches the decoder and its WebAssembly through the worker, which keeps them.
  await choosePhoto(page, onTime.payload);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('納付書の内容');
  await context.setOffline(true);
  await page.goto('/payments');
  await choosePhoto(page, onTime.payload);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('納付書の内容');
  await expect(page.locator('dl')).toContainText('12,345円');
  await context.setOffline(false);
});
