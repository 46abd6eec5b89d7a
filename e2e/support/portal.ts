import { type APIRequestContext, expect, type Page } from '@playwright/test';

export interface Screen {
  /** The address, or for a route whose address needs data, the route's pattern (`/…/:code`). */
  path: string;
  heading: string;
  /** The tab title, when it is not 「見出し｜つながる東金」. */
  title?: string;
  /** For a pattern: makes what the screen shows (through the API) and returns the address to open. */
  open?: (request: APIRequestContext) => Promise<string>;
}

function randomKey(): string {
  return crypto.randomUUID();
}

function pickAtRandom<T>(items: T[]): T {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error('nothing free to book');
  return item;
}

/** A counter booking made through the API; its management link (with the secret after #) opens it on any device. */
async function openCounterReservation(request: APIRequestContext): Promise<string> {
  const availability = (await (await request.get('/api/v1/counter/availability')).json()) as {
    days: { date: string; slots: { time: string; bookable: boolean }[] }[];
  };
  const slot = pickAtRandom(availability.days.flatMap((day) => day.slots.filter((s) => s.bookable).map((s) => ({ date: day.date, time: s.time }))));
  const response = await request.post('/api/v1/counter/reservations', {
    headers: { 'Idempotency-Key': randomKey() },
    data: { kindId: 'card-pickup', slot, nameKana: 'トウガネ タロウ', phone: '0475-50-1210', people: 1, proxy: false },
  });
  const { reservation, token } = (await response.json()) as { reservation: { code: string }; token: string };
  return `/mynumber/reservations/${reservation.code}#token=${token}`;
}

/** A block of the 文化会館 (午前, 午後 or 夜間) on a day. */
export interface BunkaBlock {
  date: string;
  blockId: string;
}

/** Every free block of a 文化会館 room but 全日, from its availability; `origin` is a test's own server, or '' for the shared one. */
export async function freeBunkaBlocks(request: APIRequestContext, roomId: string, origin = ''): Promise<BunkaBlock[]> {
  const room = `${origin}/api/v1/facilities/bunka-kaikan/rooms/${roomId}`;
  const { days } = (await (await request.get(`${room}/availability`)).json()) as { days: { date: string; blocks: { id: string; bookable: boolean }[] }[] };
  return days.flatMap((day) => day.blocks.filter((block) => block.bookable && block.id !== 'all-day').map((block) => ({ date: day.date, blockId: block.id })));
}

/** What a citizen sends to book one block of a 文化会館 room for a 自治会's meeting. */
export function bunkaMeetingBooking(roomId: string, { date, blockId }: BunkaBlock, groupName: string) {
  return {
    facilityId: 'bunka-kaikan',
    roomId,
    dates: [date],
    blockIds: [blockId],
    residency: 'resident',
    group: 'general',
    purpose: '自治会の会議',
    headCount: 8,
    groupName,
    nameKana: 'トウガネ ハナコ',
    phone: '0475-50-1210',
    email: '',
  };
}

/** A facility booking made through the API, in a room no other test books (和室(1) of the 文化会館, so a 仮予約 until the application at its counter). */
async function openFacilityBooking(request: APIRequestContext): Promise<string> {
  const choice = pickAtRandom(await freeBunkaBlocks(request, 'washitsu-1'));
  const response = await request.post('/api/v1/facilities/bookings', {
    headers: { 'Idempotency-Key': randomKey() },
    data: bunkaMeetingBooking('washitsu-1', choice, ''),
  });
  const { booking, token } = (await response.json()) as { booking: { code: string }; token: string };
  return `/facilities/bookings/${booking.code}#token=${token}`;
}

/** The tab title a screen must have. */
export function screenTitle(screen: Screen): string {
  return screen.title ?? `${screen.heading}｜つながる東金`;
}

/** Opens a screen: its address, or what its `open` made. */
export async function screenAddress(screen: Screen, request: APIRequestContext): Promise<string> {
  return screen.open ? screen.open(request) : screen.path;
}

/**
 * Every screen of the portal and its main heading; e2e walks all of them. Every route of
 * src/app/router.tsx must be reached by at least one entry (src/app/router.test.tsx checks).
 */
export const SCREENS: readonly Screen[] = [
  { path: '/', heading: '何をしますか' },
  { path: '/procedures', heading: '手続きを探す' },
  { path: '/procedures?q=ひっこし', heading: '手続きを探す' },
  { path: '/procedures?q=ぴぴぴぴ', heading: '手続きを探す' },
  { path: '/procedures/life-events', heading: '暮らしの出来事から探す' },
  { path: '/procedures/life-events/moving', heading: '引っ越しの手続き' },
  { path: '/procedures/life-events/pregnancy', heading: '妊娠の手続き' },
  { path: '/procedures/tennyu', heading: '転入届（ほかの市区町村から東金市へ引っ越したとき）' },
  { path: '/procedures/juminhyo', heading: '住民票の写しの交付' },
  { path: '/procedures/no-such-procedure', heading: '手続きが見つかりません' },
  { path: '/procedures/moving', heading: '引っ越しガイド' },
  { path: '/procedures/moving/checklist', heading: '引っ越しのチェックリスト' },
  { path: '/procedures/moving/checklist?a=1.i.20261201.3.y.u.k.u.b.y', heading: '引っ越しのチェックリスト' },
  { path: '/facilities', heading: '施設を予約する' },
  { path: '/facilities/bookings', heading: '施設の予約の確認・取消' },
  { path: '/facilities/bookings/:code', heading: '仮予約の内容', title: '仮予約の内容（施設予約）｜つながる東金', open: openFacilityBooking },
  // Without a mail's #token= the page says the offer was not found (the offer itself: e2e/room-waitlist.spec.ts).
  { path: '/facilities/waitlist', heading: '空きのお知らせが見つかりません', title: '空きのお知らせが見つかりません（施設予約）｜つながる東金' },
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
  { path: '/mynumber/reservations/:code', heading: '予約の内容', title: '予約の内容（マイナンバーカードの窓口）｜つながる東金', open: openCounterReservation },
  { path: '/mynumber/renewal', heading: '有効期限と更新の時期' },
  // Without a mail's #token= the page says the offer was not found (the offer itself: e2e/waitlist.spec.ts).
  { path: '/mynumber/waitlist', heading: '空きのお知らせが見つかりません', title: '空きのお知らせが見つかりません（マイナンバーカードの窓口）｜つながる東金' },
  // Without the #token= given at joining the page says the entry was not found (the entry itself: e2e/waitlist.spec.ts).
  {
    path: '/mynumber/waitlist/place',
    heading: 'キャンセル待ちが見つかりません',
    title: 'キャンセル待ちが見つかりません（マイナンバーカードの窓口）｜つながる東金',
  },
  { path: '/settings', heading: '文字の大きさ' },
  { path: '/practice', heading: 'スマホ講座の練習モード' },
  { path: '/practice/slip', heading: '練習用の納付書' },
  { path: '/kiosk/setup', heading: 'キオスクモードの設定' },
  { path: '/accessibility', heading: 'ウェブアクセシビリティ方針' },
  { path: '/no-such-page', heading: 'ページが見つかりません' },
];

export const TEXT_SIZE_KEY = 'tsunagaru-togane:text-size';

export type TextSize = 'standard' | 'large' | 'xlarge';

/** Starts the page with a text size already saved, as a returning visitor would. */
export async function useSavedTextSize(page: Page, size: TextSize): Promise<void> {
  await page.addInitScript(
    ([key, value]) => {
      window.localStorage.setItem(key, value);
    },
    [TEXT_SIZE_KEY, size] as const,
  );
}

/** Switches a loaded page to another text size as the settings page does, and waits until the app shows it. */
export async function switchTextSize(page: Page, size: TextSize): Promise<void> {
  await page.evaluate(
    ([key, value]) => {
      window.localStorage.setItem(key, value);
      document.documentElement.dataset.textSize = value;
    },
    [TEXT_SIZE_KEY, size] as const,
  );
  // The header's switch follows <html data-text-size> (src/ui/text-size-store.ts): its words say the app re-rendered.
  await expect(page.getByRole('button', { name: size === 'standard' ? '文字を大きく' : '文字を標準に', exact: true })).toBeVisible();
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

/**
 * Waits until the app has taken the prerendered page over (its header switch works). Needed before
 * using what works without the app too, such as a <details> that the app then draws afresh.
 */
export async function waitForApp(page: Page): Promise<void> {
  await expect(page.getByRole('banner').getByRole('button', { name: /^文字を(大きく|標準に)$/ })).toBeEnabled();
}
