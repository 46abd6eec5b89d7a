import { expect, type Locator, type Page, test } from '@playwright/test';
import { formatReservationCode } from '../src/domain/citizen-fields.ts';
import { addAccount, PASSWORD } from './support/staff.ts';

/**
 * A clerk's day with the keyboard only, on a counter PC or a tablet with a keyboard: sign in, pick
 * the day, find a booking by its kana, see its phone number, check it in, and check in another by
 * its code (what a USB QR reader types). No mouse, no Playwright fill: keys, as a clerk presses them.
 */

/** Tab (or Shift+Tab) until the element with this accessible name has the focus; a bounded walk. */
async function tabTo(page: Page, name: string | RegExp, options: { backwards?: boolean } = {}): Promise<void> {
  for (let step = 0; step < 40; step++) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element) return '';
      const labelled = element.getAttribute('aria-label');
      if (labelled) return labelled;
      const label = element.id ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`) : null;
      return (label?.textContent ?? element.textContent ?? '').trim();
    });
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

/**
 * Types a date into Chromium's date field with keys. The order of its year, month and day follows
 * the browser's own locale, not the page's: one ArrowUp (and ArrowDown back) on the first part shows
 * which it is. Month and day move on by themselves after two digits; the year takes up to six, so
 * ArrowRight moves on from it. The field must hold a date (the day list starts at today).
 */
async function typeDate(page: Page, field: Locator, date: string): Promise<void> {
  const before = (await field.inputValue()).split('-');
  await page.keyboard.press('ArrowUp');
  const after = (await field.inputValue()).split('-');
  await page.keyboard.press('ArrowDown');
  const first = before.findIndex((part, index) => part !== after[index]);
  const order = first === 0 ? [0, 1, 2] : first === 1 ? [1, 2, 0] : [2, 1, 0];
  const parts = date.split('-');
  for (const index of order) {
    await page.keyboard.type(parts[index] ?? '');
    if (index === 0) await page.keyboard.press('ArrowRight');
  }
}

test('a clerk works the day list with the keyboard alone', async ({ page, request }, testInfo) => {
  test.setTimeout(120_000);
  const clerk = `keyboard-${testInfo.project.name}-${String(Date.now() % 100_000)}`;
  addAccount(clerk, '窓口');

  // Two citizens book the same day through the API; the clerk works on that day.
  const availability = (await (await request.get('/api/v1/counter/availability')).json()) as {
    days: { date: string; slots: { time: string; bookable: boolean; seatsLeft?: number }[] }[];
  };
  const days = availability.days.filter((day) => day.slots.filter((slot) => slot.bookable).length >= 2);
  const day = days[Math.floor(Math.random() * days.length)];
  if (!day) throw new Error('no day with two free counter slots');
  const [first, second] = day.slots.filter((slot) => slot.bookable);
  const book = async (time: string, nameKana: string) => {
    const answer = await request.post('/api/v1/counter/reservations', {
      data: { kindId: 'card-pickup', slot: { date: day.date, time }, nameKana, phone: '0475-50-1210', email: '', people: 1, proxy: false },
    });
    expect(answer.status()).toBe(201);
    return formatReservationCode(((await answer.json()) as { reservation: { code: string } }).reservation.code);
  };
  const found = await book(first?.time ?? '', 'キーボード ハナコ');
  const typed = await book(second?.time ?? '', 'キーボード タロウ');

  // Sign in: Tab to each field, type, Enter.
  await page.goto('/staff');
  await expect(page.getByRole('heading', { level: 1, name: '職員のログイン' })).toBeVisible();
  await tabTo(page, 'ログイン名');
  await page.keyboard.type(clerk);
  await tabTo(page, 'パスワード');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '窓口の予約一覧' })).toBeVisible();

  // The day, typed into the date field.
  await tabTo(page, '日にち');
  await typeDate(page, page.getByLabel('日にち', { exact: true }), day.date);
  await expect(page.getByLabel('日にち', { exact: true })).toHaveValue(day.date);
  await expect(page.getByRole('row').filter({ hasText: found })).toBeVisible();

  // Find by kana, then walk into the one row left.
  await tabTo(page, '予約番号かふりがなで探す');
  await page.keyboard.type('ハナコ');
  const row = page.getByRole('row').filter({ hasText: found });
  await expect(page.getByRole('row').filter({ hasText: typed })).toHaveCount(0);
  await tabTo(page, `${found} の電話番号を見る`);
  await expect(page.getByRole('button', { name: `${found} の電話番号を見る` })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(row).toContainText('0475-50-1210');
  await tabTo(page, `${found} を来庁済みにする`, { backwards: true });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `${found} を来庁済みにしました。` })).toBeVisible();
  await expect(row).toContainText('来庁済み');

  // The other citizen's code, typed as a USB reader types it, then Enter: back up the page to the field.
  await tabTo(page, '予約番号で受付', { backwards: true });
  await page.keyboard.type(typed.replace('-', ''));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `${typed} を来庁済みにしました。` })).toBeVisible();
  await tabTo(page, '予約番号かふりがなで探す');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('タロウ');
  await expect(page.getByRole('row').filter({ hasText: typed })).toContainText('来庁済み');
});
