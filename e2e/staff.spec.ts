import { execFileSync } from 'node:child_process';
import { expect, type Page, test } from '@playwright/test';
import { axeViolations, sidewaysOverflow, smallTargets } from './support/accessibility.ts';
import { layoutProblems } from './support/layout.ts';
import { MODES } from './support/modes.ts';
import { switchTextSize, useSavedTextSize } from './support/portal.ts';

/**
 * The staff side with the real server: accounts made by the server's command, a citizen's
 * bookings made through the API, and the clerks' screens in Chromium. Each project makes its own
 * accounts, as both share one server.
 */
const PASSWORD = 'kuju-kuri-hama-2026';

function addAccount(loginName: string, role: string): void {
  execFileSync('node', ['dist/server/staff-cli.js', 'add', '--login', loginName, '--name', `${loginName}さん`, '--role', role], {
    input: PASSWORD,
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

async function signIn(page: Page, loginName: string, password = PASSWORD): Promise<void> {
  await page.goto('/staff');
  await expect(page.getByRole('heading', { level: 1, name: '職員のログイン' })).toBeVisible();
  await page.getByLabel('ログイン名').fill(loginName);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログインする' }).click();
}

async function expectAxeClean(page: Page, label: string): Promise<void> {
  expect(await axeViolations(page, label)).toEqual([]);
}

test('a clerk checks in a citizen’s booking, a facility manager confirms a 仮予約, the administrator sees the audit rows', async ({
  page,
  request,
}, testInfo) => {
  // Three sign-ins (scrypt), three axe runs and a dozen round trips: minutes on a busy two-core machine.
  test.setTimeout(180_000);
  const suffix = `${testInfo.project.name}-${String(Date.now() % 100_000)}`;
  const clerk = `madoguchi-${suffix}`;
  const manager = `shisetsu-${suffix}`;
  const admin = `kanri-${suffix}`;
  addAccount(clerk, '窓口');
  addAccount(manager, '施設');
  addAccount(admin, '管理者');

  // A citizen books the counter through the API.
  const availability = (await (await request.get('/api/v1/counter/availability')).json()) as {
    days: { date: string; slots: { time: string; bookable: boolean }[] }[];
  };
  const free = availability.days.flatMap((day) => day.slots.filter((slot) => slot.bookable).map((slot) => ({ date: day.date, time: slot.time })));
  const slot = free[Math.floor(Math.random() * free.length)];
  if (!slot) throw new Error('no free counter slot');
  const booked = await request.post('/api/v1/counter/reservations', {
    data: { kindId: 'card-pickup', slot, nameKana: 'トウガネ ジロウ', phone: '0475-50-1210', email: '', people: 2, proxy: false },
  });
  expect(booked.status()).toBe(201);
  const { reservation } = (await booked.json()) as { reservation: { code: string } };
  const shownCode = `${reservation.code.slice(0, 4)}-${reservation.code.slice(4)}`;

  // The clerk signs in: the session cookie is __Host-, HttpOnly, Secure and SameSite=Strict.
  await signIn(page, clerk);
  await expect(page.getByRole('heading', { level: 1, name: '窓口の予約一覧' })).toBeVisible();
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === '__Host-togane-staff');
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });

  await page.getByLabel('日にち').fill(slot.date);
  const row = page.getByRole('row').filter({ hasText: shownCode });
  await expect(row).toContainText('トウガネ ジロウ');
  await expect(row).toContainText('カードの受け取り');
  await expect(row).toContainText('予約あり');
  await expectAxeClean(page, '窓口の予約一覧');
  await row.getByRole('button', { name: `${shownCode} を来庁済みにする` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${shownCode} を来庁済みにしました。` })).toBeVisible();
  await expect(row).toContainText('来庁済み');

  // The clerk closes the last slot of the last bookable day (system maintenance): citizens are no
  // longer offered it. Then reopens it, so the other project's run finds the day as it was.
  const lastDay = availability.days.filter((day) => day.slots.some((s) => s.bookable)).at(-1);
  const lastSlot = lastDay?.slots.at(-1);
  if (!lastDay || !lastSlot?.bookable) throw new Error('no open last slot');
  const offered = async () => {
    const answer = (await (await request.get(`/api/v1/counter/availability?from=${lastDay.date}&to=${lastDay.date}`)).json()) as typeof availability;
    return answer.days[0]?.slots.find((s) => s.time === lastSlot.time)?.bookable;
  };
  await page.getByLabel('休みにする日').fill(lastDay.date);
  await page.getByRole('radio', { name: '時間を区切る' }).check();
  await page.getByLabel('始まり').selectOption(lastSlot.time);
  await page.getByLabel('理由').fill('システムの点検のため');
  await page.getByRole('button', { name: '休みにする', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'を休みにしました。' })).toBeVisible();
  await expect.poll(offered).toBe(false);
  await expectAxeClean(page, '窓口の休み');
  await page
    .getByRole('row')
    .filter({ hasText: 'システムの点検のため' })
    .getByRole('button', { name: /の休みを取り消す$/ })
    .click();
  await expect(page.getByRole('status').filter({ hasText: 'の休みを取り消しました。' })).toBeVisible();
  await expect.poll(offered).toBe(true);

  // The 施設 API refuses a 窓口 account, with the browser's own session cookie.
  expect((await page.request.get('/api/v1/staff/facilities/provisional')).status()).toBe(403);

  await page.getByRole('button', { name: 'ログアウトする' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'ログアウトしました。' })).toBeVisible();
  expect((await page.request.get('/api/v1/staff/session')).status()).toBe(401);

  // A citizen holds a room of the 文化会館 (a 仮予約 until the application at its counter).
  const room = '/api/v1/facilities/bunka-kaikan/rooms/meeting-2';
  const { days } = (await (await request.get(`${room}/availability`)).json()) as { days: { date: string; blocks: { id: string; bookable: boolean }[] }[] };
  const blocks = days.flatMap((day) =>
    day.blocks.filter((block) => block.bookable && block.id !== 'all-day').map((block) => ({ date: day.date, blockId: block.id })),
  );
  const choice = blocks[Math.floor(Math.random() * blocks.length)];
  if (!choice) throw new Error('no free block');
  const held = await request.post('/api/v1/facilities/bookings', {
    data: {
      facilityId: 'bunka-kaikan',
      roomId: 'meeting-2',
      dates: [choice.date],
      blockIds: [choice.blockId],
      residency: 'resident',
      group: 'general',
      purpose: '自治会の会議',
      headCount: 8,
      groupName: '東金二丁目自治会',
      nameKana: 'トウガネ ハナコ',
      phone: '0475-50-1210',
      email: '',
    },
  });
  expect(held.status()).toBe(201);
  const { booking, token } = (await held.json()) as { booking: { code: string; status: string }; token: string };
  expect(booking.status).toBe('provisional');
  const heldCode = `${booking.code.slice(0, 4)}-${booking.code.slice(4)}`;

  await signIn(page, manager);
  await expect(page.getByRole('heading', { level: 1, name: '仮予約の一覧' })).toBeVisible();
  const heldRow = page.getByRole('row').filter({ hasText: heldCode });
  await expect(heldRow).toContainText('東金二丁目自治会');
  await expectAxeClean(page, '仮予約の一覧');
  await heldRow.getByRole('button', { name: `${heldCode} を本予約にする` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${heldCode} を本予約にしました。` })).toBeVisible();
  await expect(heldRow).toHaveCount(0);
  const seen = await request.get(`/api/v1/facilities/bookings/${booking.code}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(((await seen.json()) as { booking: { status: string } }).booking.status).toBe('booked');
  await page.getByRole('button', { name: 'ログアウトする' }).click();

  // The administrator sees who did what, to which booking.
  await signIn(page, admin);
  await expect(page.getByRole('heading', { level: 1, name: '管理' })).toBeVisible();
  const audit = page.getByRole('table', { name: '新しい順（最大500件）' });
  await expect(audit.getByRole('row').filter({ hasText: reservation.code }).filter({ hasText: clerk })).toContainText('来庁済みにした');
  await expect(audit.getByRole('row').filter({ hasText: booking.code }).filter({ hasText: manager })).toContainText('仮予約を本予約にした');
  await expect(
    audit
      .getByRole('row')
      .filter({ hasText: `${clerk}` })
      .filter({ hasText: 'ログアウト' }),
  ).toHaveCount(1);
  await expect(audit).not.toContainText('トウガネ');
  await expectAxeClean(page, '管理');
});

test('five wrong passwords lock the account, even for the right one afterwards', async ({ page }, testInfo) => {
  // Six sign-ins, each a page load and a scrypt check.
  test.slow();
  const loginName = `lock-${testInfo.project.name}-${String(Date.now() % 100_000)}`;
  addAccount(loginName, '窓口');
  for (let attempt = 1; attempt <= 4; attempt++) {
    await signIn(page, loginName, `wrong-password-${String(attempt)}`);
    await expect(page.getByRole('alert')).toHaveText('ログイン名かパスワードが違います。');
  }
  await signIn(page, loginName, 'wrong-password-5');
  await expect(page.getByRole('alert')).toContainText('ロックされています');
  await expectAxeClean(page, '職員のログイン（ロック）');
  await signIn(page, loginName);
  await expect(page.getByRole('alert')).toContainText('ロックされています');
  await expect(page.getByRole('heading', { level: 1, name: '職員のログイン' })).toBeVisible();
});

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
}, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'a narrow screen: the phone project’s 360 px');
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
  const room = '/api/v1/facilities/bunka-kaikan/rooms/meeting-2';
  const { days } = (await (await request.get(`${room}/availability`)).json()) as { days: { date: string; blocks: { id: string; bookable: boolean }[] }[] };
  const blocks = days.flatMap((day) =>
    day.blocks.filter((block) => block.bookable && block.id !== 'all-day').map((block) => ({ date: day.date, blockId: block.id })),
  );
  const choice = blocks[Math.floor(Math.random() * blocks.length)];
  if (!choice) throw new Error('no free block');
  const held = await request.post('/api/v1/facilities/bookings', {
    data: {
      facilityId: 'bunka-kaikan',
      roomId: 'meeting-2',
      dates: [choice.date],
      blockIds: [choice.blockId],
      residency: 'resident',
      group: 'general',
      purpose: '自治会の会議',
      headCount: 8,
      groupName: '東金二丁目自治会',
      nameKana: 'トウガネ ハナコ',
      phone: '0475-50-1210',
      email: '',
    },
  });
  expect(held.status()).toBe(201);

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
  await page.getByLabel('日にち').fill(slot.date);
  await expect(page.getByRole('row').filter({ hasText: shownCode })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(2);
  // On a card the value's label is hidden from screen readers: they say the column header instead, once.
  await expect(page.getByRole('cell', { name: shownCode, exact: true })).toBeVisible();
  await expectFits('窓口の予約一覧');
  await page.getByRole('button', { name: 'ログアウトする' }).click();

  await signIn(page, manager);
  await expect(page.getByRole('heading', { level: 1, name: '仮予約の一覧' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '東金二丁目自治会' }).first()).toBeVisible();
  await expectFits('仮予約の一覧');
  await page.getByRole('button', { name: 'ログアウトする' }).click();

  await signIn(page, admin);
  await expect(page.getByRole('heading', { level: 1, name: '管理' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(4);
  await expect(page.getByRole('table', { name: '新しい順（最大500件）' }).getByRole('row').filter({ hasText: manager }).first()).toBeVisible();
  await expectFits('管理');
});
