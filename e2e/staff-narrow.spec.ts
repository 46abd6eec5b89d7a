import { expect, type Page, test } from '@playwright/test';
import { axeViolations, sidewaysOverflow, smallTargets } from './support/accessibility.ts';
import { layoutProblems } from './support/layout.ts';
import { MODES } from './support/modes.ts';
import { switchTextSize, useSavedTextSize } from './support/portal.ts';
import { addAccount, holdMeetingRoom, signIn } from './support/staff.ts';

/**
 * The staff screens on a phone (360 px) in large and extra-large text. A narrow screen is the phone
 * project's: the desktop project's testMatch (playwright.config.ts) leaves this file out.
 */
/** Tables wider than the box they sit in, which would then scroll inside it: 「caption: width in box」. */
async function tablesWiderThanTheirBox(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('table')]
      .filter((table) => table.getBoundingClientRect().width > (table.parentElement?.clientWidth ?? 0) + 1)
      .map(
        (table) =>
          `${table.caption?.textContent ?? ''}: ${String(Math.round(table.getBoundingClientRect().width))} in ${String(table.parentElement?.clientWidth)}`,
      ),
  );
}

test('every staff screen fits a phone in large and extra-large text: tables become cards, nothing scrolls sideways or runs out of its box', async ({
  page,
  request,
}) => {
  // Three sign-ins and, per screen, two text sizes of axe and layout checks.
  test.setTimeout(180_000);
  const suffix = String(Date.now() % 100_000);
  const clerk = `madoguchi-narrow-${suffix}`;
  const manager = `shisetsu-narrow-${suffix}`;
  const admin = `kanri-narrow-${suffix}`;
  addAccount(clerk, '窓口');
  addAccount(manager, '施設');
  addAccount(admin, '管理者');

  // Something in each table: a counter booking and a 仮予約, made through the API.
  const availability = (await (await request.get('/api/v1/counter/availability')).json()) as {
    days: { date: string; slots: { time: string; bookable: boolean }[] }[];
  };
  const free = availability.days.flatMap((day) => day.slots.filter((slot) => slot.bookable).map((slot) => ({ date: day.date, time: slot.time })));
  const slot = free[Math.floor(Math.random() * free.length)];
  if (!slot) throw new Error('no free counter slot');
  const booked = await request.post('/api/v1/counter/reservations', {
    data: { kindId: 'card-pickup', slot, nameKana: 'タカハシ ケンイチロウ', phone: '0475-50-1210', email: '', people: 1, proxy: true },
  });
  expect(booked.status()).toBe(201);
  const { reservation } = (await booked.json()) as { reservation: { code: string } };
  const shownCode = `${reservation.code.slice(0, 4)}-${reservation.code.slice(4)}`;
  const [held] = await holdMeetingRoom(request, 1);
  if (!held) throw new Error('no 仮予約');

  /** The screen as it is now, in large and then extra-large text (switched in place: no reload). */
  const expectFits = async (screen: string) => {
    for (const mode of MODES) {
      if (mode.textSize !== 'large' && mode.textSize !== 'xlarge') continue;
      await switchTextSize(page, mode.textSize);
      const label = `${screen} (${mode.id})`;
      expect.soft(await sidewaysOverflow(page), `${label}: sideways scrolling`).toBe(0);
      expect.soft(await tablesWiderThanTheirBox(page), `${label}: tables wider than their box`).toEqual([]);
      expect.soft(await layoutProblems(page), `${label}: layout`).toEqual([]);
      expect.soft(await smallTargets(page, mode.minTarget), `${label}: targets under ${String(mode.minTarget)} CSS px`).toEqual([]);
      expect.soft(await axeViolations(page, label)).toEqual([]);
    }
  };

  await useSavedTextSize(page, 'large');
  await page.goto('/staff');
  await expect(page.getByRole('heading', { level: 1, name: '職員のログイン' })).toBeVisible();
  await expectFits('職員のログイン');

  await signIn(page, clerk);
  await expect(page.getByRole('heading', { level: 1, name: '窓口の予約一覧' })).toBeVisible();
  await page.getByLabel('日にち', { exact: true }).fill(slot.date);
  await expect(page.getByRole('row').filter({ hasText: shownCode })).toBeVisible();
  // The day, the undelivered mails, the closures, the month's four figure tables and the clerk's passkeys: every table drawn before the fit is checked.
  await expect(page.getByRole('table')).toHaveCount(8);
  // On a card the value's label is hidden from screen readers: they say the column header instead, once.
  await expect(page.getByRole('cell', { name: shownCode, exact: true })).toBeVisible();
  await expectFits('窓口の予約一覧');
  // The phone number asked for, and the form to move the booking, fit too.
  await page.getByRole('button', { name: `${shownCode} の電話番号を見る` }).click();
  await expect(page.getByRole('row').filter({ hasText: shownCode })).toContainText('0475-50-1210');
  await page.getByRole('button', { name: `${shownCode} の日時を変える` }).click();
  await expect(page.getByLabel('新しい日にち')).toBeVisible();
  await expectFits('日時を変える');
  await page.getByRole('button', { name: 'ログアウトする' }).click();

  await signIn(page, manager);
  await expect(page.getByRole('heading', { level: 1, name: '仮予約の一覧' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '東金二丁目自治会' }).first()).toBeVisible();
  // The 仮予約, the booked rooms with their fees, the rooms' blocks (from main), the undelivered mails, the month's four figure tables and the passkeys.
  await expect(page.getByRole('table')).toHaveCount(9);
  await expectFits('仮予約の一覧');
  // The forms of the facility desk: 断る (left without sending) and, once confirmed, 支払い済みにする.
  const heldCode = held.shownCode;
  await page.getByRole('button', { name: `${heldCode} を断る` }).click();
  await expect(page.getByLabel('断る理由')).toBeFocused();
  await expectFits('仮予約を断る');
  await page.getByRole('button', { name: 'やめる' }).click();
  await page.getByRole('button', { name: `${heldCode} を本予約にする` }).click();
  await page.getByRole('button', { name: `${heldCode} の使用料を支払い済みにする` }).click();
  await expect(page.getByLabel('支払いの方法')).toBeFocused();
  await expectFits('使用料を支払い済みにする');
  await page.getByRole('button', { name: 'ログアウトする' }).click();

  await signIn(page, admin);
  await expect(page.getByRole('heading', { level: 1, name: '管理' })).toBeVisible();
  // Accounts, sessions, closures, the days' desks, the audit log, the four figure tables and the passkeys.
  await expect(page.getByRole('table')).toHaveCount(10);
  await expect(page.getByRole('table', { name: '新しい順（最大500件）' }).getByRole('row').filter({ hasText: manager }).first()).toBeVisible();
  await expectFits('管理');
});
