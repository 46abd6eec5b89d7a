import type { Page } from '@playwright/test';

/** Every screen of the portal and its main heading; e2e walks all of them. */
export const SCREENS = [
  { path: '/', heading: '何をしますか' },
  { path: '/procedures', heading: '手続きを探す' },
  { path: '/procedures?q=ひっこし', heading: '手続きを探す' },
  { path: '/procedures?q=ぴぴぴぴ', heading: '手続きを探す' },
  { path: '/procedures/life-events', heading: '暮らしの出来事から探す' },
  { path: '/procedures/life-events/moving', heading: '引っ越しの手続き' },
  { path: '/procedures/life-events/pregnancy', heading: '妊娠の手続き' },
  { path: '/procedures/tennyu-todoke', heading: '転入届' },
  { path: '/procedures/juminhyo', heading: '住民票の写しの交付' },
  { path: '/procedures/no-such-procedure', heading: '手続きが見つかりません' },
  { path: '/procedures/moving', heading: '引っ越しガイド' },
  { path: '/procedures/moving/checklist', heading: '引っ越しのチェックリスト' },
  { path: '/procedures/moving/checklist?a=1.i.20261201.3.y.u.k.u.b.y', heading: '引っ越しのチェックリスト' },
  { path: '/facilities', heading: '施設を予約する' },
  { path: '/facilities/bookings', heading: '施設の予約の確認・取消' },
  { path: '/facilities/sample-kominkan', heading: '中央公民館（見本）' },
  { path: '/facilities/togane-arena', heading: '東金アリーナ' },
  { path: '/facilities/bunka-kaikan', heading: '東金文化会館' },
  { path: '/facilities/togane-arena/handoff', heading: 'ちば施設予約で予約します' },
  { path: '/facilities/sample-kominkan/rooms/meeting/book', heading: '予約：中央公民館（見本） 会議室' },
  { path: '/payments', heading: '納付書で支払う' },
  { path: '/payments/number', heading: '番号を入力する' },
  { path: '/payments/slip', heading: '納付書の内容' },
  { path: '/payments/how-to-pay', heading: '払い方' },
  { path: '/payments/what-can-be-paid', heading: 'この方法で払えるもの' },
  { path: '/certificates', heading: 'コンビニで証明書' },
  { path: '/certificates/check', heading: 'コンビニで取れるか調べる' },
  { path: '/certificates/steps', heading: 'コンビニの機械の使い方' },
  { path: '/certificates/practice', heading: '機械の操作を練習する' },
  { path: '/certificates/compare', heading: 'どこで取るのが良い？' },
  { path: '/mynumber', heading: 'マイナンバーカードの予約' },
  { path: '/mynumber/book/card-pickup', heading: '予約：カードの受け取り' },
  { path: '/mynumber/reservations', heading: '予約の確認・変更・取消' },
  { path: '/mynumber/renewal', heading: '有効期限と更新の時期' },
  { path: '/settings', heading: '文字の大きさ' },
  { path: '/practice', heading: 'スマホ講座の練習モード' },
  { path: '/practice/slip', heading: '練習用の納付書' },
  { path: '/kiosk/setup', heading: 'キオスクモードの設定' },
  { path: '/no-such-page', heading: 'ページが見つかりません' },
] as const;

export const TEXT_SIZE_KEY = 'tsunagaru-togane:text-size';

/** Starts the page with a text size already saved, as a returning visitor would. */
export async function useSavedTextSize(page: Page, size: 'standard' | 'large' | 'xlarge'): Promise<void> {
  await page.addInitScript(
    ([key, value]) => {
      window.localStorage.setItem(key, value);
    },
    [TEXT_SIZE_KEY, size] as const,
  );
}

/** Waits until the service worker is active and controls the page (after one reload). */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }
}

/**
 * The staff PIN of キオスクモード in e2e, and its hash made with `npm run kiosk:pin-hash`, which
 * playwright.config.ts gives the server as KIOSK_PIN_HASH (the server never sees the PIN itself).
 */
export const KIOSK_TEST_PIN = '482916';
export const KIOSK_TEST_PIN_HASH = 'scrypt:32768:8:1:Wf9CjIMY2Zf_hII2WjbegQ:ZXjEGnUehLgDYqmX40rQbnCdMyuqCbk1LaCjpJ3UQho';
export const KIOSK_KEY = 'tsunagaru-togane:kiosk';

/** Starts the page on a device already set up as the city's kiosk (without the staff screen). */
export async function startAsKiosk(page: Page, idleSeconds = 90): Promise<void> {
  await page.addInitScript(
    ([key, value]) => {
      window.localStorage.setItem(key, value);
    },
    [KIOSK_KEY, JSON.stringify({ idleSeconds })] as const,
  );
}
