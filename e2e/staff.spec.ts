import { readFile } from 'node:fs/promises';
import { devices, expect, type Page, test } from '@playwright/test';
import { axeViolations } from './support/accessibility.ts';
import { formatReservationCode } from '../src/domain/citizen-fields.ts';
import { formatJapaneseDate } from '../src/domain/japan-time.ts';
import { addAccount, holdMeetingRoom, signIn } from './support/staff.ts';

/**
 * The staff side with the real server: accounts made by the server's command, a citizen's
 * bookings made through the API, and the clerks' screens in Chromium. Each project makes its own
 * accounts, as both share one server.
 */
async function expectAxeClean(page: Page, label: string): Promise<void> {
  expect(await axeViolations(page, label)).toEqual([]);
}

test('a clerk checks in a citizen’s booking, a facility manager confirms a 仮予約 and declines another, the administrator sees the audit rows', async ({
  page,
  request,
  browser,
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
  // The phone number is not in the list; the clerk asks for it (and the request is audited).
  await expect(row).not.toContainText('0475');
  await row.getByRole('button', { name: `${shownCode} の電話番号を見る` }).click();
  await expect(row).toContainText('0475-50-1210');
  await expectAxeClean(page, '窓口の予約一覧');
  await row.getByRole('button', { name: `${shownCode} を来庁済みにする` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${shownCode} を来庁済みにしました。` })).toBeVisible();
  await expect(row).toContainText('来庁済み');

  // Another citizen phones: the clerk moves their booking, and their page shows the new time.
  // From another day than the list shows (a day already shown would be answered from the screen's cache).
  const others = free.filter((candidate) => candidate.date !== slot.date);
  const from = others[Math.floor(Math.random() * others.length)];
  const to = free.filter((candidate) => candidate !== slot && candidate !== from).at(Math.floor(Math.random() * (free.length - 2)));
  if (!from || !to) throw new Error('no two free counter slots');
  const moving = await request.post('/api/v1/counter/reservations', {
    data: { kindId: 'card-pickup', slot: from, nameKana: 'トウガネ サブロウ', phone: '0475-50-1210', email: '', people: 1, proxy: false },
  });
  expect(moving.status()).toBe(201);
  const movingBooking = (await moving.json()) as { reservation: { code: string }; token: string };
  const movingCode = `${movingBooking.reservation.code.slice(0, 4)}-${movingBooking.reservation.code.slice(4)}`;
  await page.getByLabel('日にち', { exact: true }).fill(from.date);
  await page.getByRole('button', { name: `${movingCode} の日時を変える` }).click();
  await page.getByLabel('新しい日にち').fill(to.date);
  await page.getByLabel('新しい時刻').selectOption(to.time);
  await expectAxeClean(page, '日時を変える');
  await page.getByRole('button', { name: 'この日時に移す' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${movingCode} を` })).toContainText('に移しました。');
  const movedView = await request.get(`/api/v1/counter/reservations/${movingBooking.reservation.code}`, {
    headers: { Authorization: `Bearer ${movingBooking.token}` },
  });
  expect(((await movedView.json()) as { reservation: unknown }).reservation).toMatchObject({ slot: to, cityMovedFrom: from });
  await page.getByLabel('日にち', { exact: true }).fill(slot.date);

  // The month's figures count the visit, and come as a CSV file for Excel.
  const month = slot.date.slice(0, 7);
  await page.getByLabel('月', { exact: true }).selectOption(month);
  const figures = page.getByRole('table', { name: /の窓口の予約（用件ごとの合計）$/ });
  await expect(figures.getByRole('row').filter({ hasText: 'カードの受け取り' })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /の集計を CSV でダウンロード/ }).click()]);
  expect(download.suggestedFilename()).toBe(`togane-figures-${month}.csv`);
  const csv = await readFile((await download.path()) ?? '', 'utf8');
  expect(csv.startsWith('\uFEFF窓口の予約,')).toBe(true);
  expect(csv).toMatch(new RegExp(`\\r\\n${slot.date},カードの受け取り,\\d+,[1-9]`));

  // The clerk sees the counter's closures but does not change them: that is the administrator's.
  await expect(page.getByRole('heading', { level: 2, name: '窓口の休み' })).toBeVisible();
  await expect(page.getByText('休みにする・取り消すのは管理者です。')).toBeVisible();
  await expect(page.getByLabel('休みにする日')).toHaveCount(0);

  // The 施設 API refuses a 窓口 account, with the browser's own session cookie.
  expect((await page.request.get('/api/v1/staff/facilities/provisional')).status()).toBe(403);

  await page.getByRole('button', { name: 'ログアウトする' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'ログアウトしました。' })).toBeVisible();
  expect((await page.request.get('/api/v1/staff/session')).status()).toBe(401);

  // A citizen holds a room of the 文化会館 twice (仮予約 until the application at its counter): one to confirm, one to decline.
  const [held, declined] = await holdMeetingRoom(request, 2);
  if (!held || !declined) throw new Error('no 仮予約');
  const { booking, token, shownCode: heldCode } = held;
  expect([booking.status, declined.booking.status]).toEqual(['provisional', 'provisional']);

  await signIn(page, manager);
  await expect(page.getByRole('heading', { level: 1, name: '仮予約の一覧' })).toBeVisible();
  const pendingTable = page.getByRole('table', { name: /^本予約を待っている仮予約/ });
  const heldRow = pendingTable.getByRole('row').filter({ hasText: heldCode });
  await expect(heldRow).toContainText('東金二丁目自治会');
  await expectAxeClean(page, '仮予約の一覧');
  await heldRow.getByRole('button', { name: `${heldCode} を本予約にする` }).click();
  await expect(page.getByRole('status').filter({ hasText: `${heldCode} を本予約にしました。` })).toBeVisible();
  await expect(heldRow).toHaveCount(0);
  const seen = await request.get(`/api/v1/facilities/bookings/${booking.code}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(((await seen.json()) as { booking: { status: string } }).booking.status).toBe('booked');

  // The group pays the fee at the till: the manager records how, and the receipt number.
  const paidRow = page
    .getByRole('table', { name: /^今日から先の本予約/ })
    .getByRole('row')
    .filter({ hasText: heldCode });
  await expect(paidRow).toContainText('未払い');
  await paidRow.getByRole('button', { name: `${heldCode} の使用料を支払い済みにする` }).click();
  await page.getByLabel('支払いの方法').selectOption({ label: '現金' });
  await page.getByLabel('領収番号').fill('R06 <1>');
  await page.getByRole('button', { name: '支払い済みにする', exact: true }).click();
  await expect(page.getByLabel('領収番号')).toBeFocused();
  await page.getByLabel('領収番号').fill('ｒ０６－００１２３４');
  await expectAxeClean(page, '使用料を支払い済みにする');
  await page.getByRole('button', { name: '支払い済みにする', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: `${heldCode} の使用料を支払い済みにしました。` })).toBeVisible();
  await expect(paidRow).toContainText('支払い済み：現金（領収番号 R06-001234）');
  await expect(paidRow.getByRole('button')).toHaveCount(0);

  // The other cannot be taken: the manager declines it with a reason; the room is free at once.
  const declinedRow = pendingTable.getByRole('row').filter({ hasText: declined.shownCode });
  await declinedRow.getByRole('button', { name: `${declined.shownCode} を断る` }).click();
  await page.getByRole('button', { name: '断ることを確定する' }).click();
  await expect(page.getByText('断る理由を入力してください。').first()).toBeVisible();
  await expect(page.getByLabel('断る理由')).toBeFocused();
  const reason = '市の行事で部屋を使うことになったため';
  await page.getByLabel('断る理由').fill(reason);
  await expectAxeClean(page, '仮予約を断る');
  await page.getByRole('button', { name: '断ることを確定する' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${declined.shownCode} の仮予約を断りました。` })).toBeVisible();
  await expect(declinedRow).toHaveCount(0);
  await page.getByRole('button', { name: 'ログアウトする' }).click();

  // The citizen opens the booking on a phone: the city cancelled it, and why.
  const phone = await browser.newContext({
    ...devices['Pixel 7'],
    viewport: { width: 360, height: 800 },
    baseURL: testInfo.project.use.baseURL,
    locale: 'ja-JP',
  });
  try {
    const citizen = await phone.newPage();
    await citizen.goto(`/facilities/bookings/${declined.booking.code}#token=${declined.token}`);
    await expect(citizen.getByRole('heading', { level: 1, name: '取り消した予約' })).toBeVisible();
    await expect(citizen.getByRole('definition').filter({ hasText: '市役所が取り消しました' })).toBeVisible();
    await expect(citizen.getByRole('definition').filter({ hasText: reason })).toBeVisible();
    await expect(citizen.getByRole('button', { name: /取り消す/ })).toHaveCount(0);
    expect(await citizen.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAxeClean(citizen, '市役所が断った仮予約（市民の画面）');
  } finally {
    await phone.close();
  }

  // The administrator sees who did what, to which booking.
  await signIn(page, admin);
  await expect(page.getByRole('heading', { level: 1, name: '管理' })).toBeVisible();
  const audit = page.getByRole('table', { name: '新しい順（最大500件）' });
  await expect(audit.getByRole('row').filter({ hasText: reservation.code }).filter({ hasText: clerk }).filter({ hasText: '来庁済みにした' })).toHaveCount(1);
  await expect(audit.getByRole('row').filter({ hasText: booking.code }).filter({ hasText: manager }).filter({ hasText: '仮予約を本予約にした' })).toHaveCount(
    1,
  );
  const declineRow = audit.getByRole('row').filter({ hasText: declined.booking.code }).filter({ hasText: manager });
  await expect(declineRow).toContainText('仮予約を断った');
  await expect(declineRow).toContainText('仮予約');
  await expect(declineRow).toContainText('市役所が取り消し');
  await expect(audit.getByRole('row').filter({ hasText: booking.code }).filter({ hasText: '施設の使用料を支払い済みにした' })).toContainText(
    '現金（領収番号 R06-001234）',
  );
  await expect(audit.getByRole('row').filter({ hasText: reservation.code }).filter({ hasText: '予約の電話番号を見た' })).toHaveCount(1);
  await expect(audit.getByRole('row').filter({ hasText: movingBooking.reservation.code })).toContainText('窓口の予約の日時を変えた');
  await expect(
    audit
      .getByRole('row')
      .filter({ hasText: `${clerk}` })
      .filter({ hasText: 'ログアウト' }),
  ).toHaveCount(1);
  await expect(audit).not.toContainText('トウガネ');
  await expectAxeClean(page, '管理');

  // The administrator closes the last slot of the last bookable day (system maintenance): citizens
  // are no longer offered it. Then reopens it, so the other project's run finds the day as it was.
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
  await page.getByLabel('理由', { exact: true }).fill('システムの点検のため');
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
});

test('a facility manager blocks a room for the city: refused over a booking (named), citizens see the time taken, the printable day sheet lists both, unblocking frees it', async ({
  page,
  request,
}, testInfo) => {
  test.slow();
  const manager = `shisetsu-block-${testInfo.project.name}-${String(Date.now() % 100_000)}`;
  addAccount(manager, '施設');

  // A day when 会議室(1) of the 文化会館 is free all day (no other spec books that room); a citizen holds its morning.
  const room = '/api/v1/facilities/bunka-kaikan/rooms/meeting-1/availability';
  const bookableOn = async (date: string) => {
    const { days } = (await (await request.get(`${room}?from=${date}&to=${date}`)).json()) as { days: { blocks: { id: string; bookable: boolean }[] }[] };
    return (days[0]?.blocks ?? []).filter((block) => block.bookable).map((block) => block.id);
  };
  const { days } = (await (await request.get(room)).json()) as { days: { date: string; blocks: { bookable: boolean }[] }[] };
  const freeDays = days.filter((day) => day.blocks.length > 0 && day.blocks.every((block) => block.bookable)).map((day) => day.date);
  const date = freeDays[Math.floor(Math.random() * freeDays.length)];
  if (!date) throw new Error('no free day for 会議室(1)');
  const held = await request.post('/api/v1/facilities/bookings', {
    data: {
      facilityId: 'bunka-kaikan',
      roomId: 'meeting-1',
      dates: [date],
      blockIds: ['morning'],
      residency: 'resident',
      group: 'general',
      purpose: '自治会の会議',
      headCount: 9,
      groupName: '東金三丁目自治会',
      nameKana: 'トウガネ サブロウ',
      phone: '0475-50-1210',
      email: '',
    },
  });
  expect(held.status()).toBe(201);
  const heldCode = formatReservationCode(((await held.json()) as { booking: { code: string } }).booking.code);

  await signIn(page, manager);
  await expect(page.getByRole('heading', { level: 1, name: '仮予約の一覧' })).toBeVisible();
  const blocking = page.getByRole('region', { name: '部屋を止める（市の使用・点検）' });
  await blocking.getByLabel('施設・部屋').selectOption({ label: '東金文化会館 会議室(1)' });
  await blocking.getByLabel('止める日').fill(date);
  await blocking.getByRole('button', { name: '部屋を止める' }).click();
  await expect(blocking.getByText('止める時間を1つ以上選んでください。')).toBeVisible();
  await blocking.getByRole('checkbox', { name: '全日（9:00～21:00）' }).check();
  await blocking.getByLabel('理由').fill('空調設備の点検');
  await blocking.getByRole('button', { name: '部屋を止める' }).click();
  // Refused over the citizen's 仮予約, which is named for a phone call; nothing is blocked.
  const refusal = page.getByRole('status').filter({ hasText: 'この時間には予約が1件あります' });
  await expect(refusal).toContainText(`${heldCode}（午前（9:00～12:00）、仮予約）`);
  await expectAxeClean(page, '部屋を止める（予約があって断られた）');
  expect(await bookableOn(date)).toEqual(['afternoon', 'evening']);

  await blocking.getByRole('checkbox', { name: '全日（9:00～21:00）' }).uncheck();
  await blocking.getByRole('checkbox', { name: '午後（13:00～17:00）' }).check();
  await blocking.getByRole('button', { name: '部屋を止める' }).click();
  await expect(page.getByRole('status').filter({ hasText: '東金文化会館 会議室(1)の' }).filter({ hasText: 'を止めました。' })).toBeVisible();
  const blockRow = blocking.getByRole('row').filter({ hasText: '空調設備の点検' });
  await expect(blockRow).toContainText('午後（13:00～17:00）');
  await expect(blockRow).toContainText(`${manager}さん`);
  // Citizens can no longer book the afternoon.
  expect(await bookableOn(date)).toEqual(['evening']);

  // The day sheet of the room, in time order: the 仮予約, then the city's use; no phone number.
  const sheetForm = page.getByRole('region', { name: '部屋の予約表（印刷用）' });
  await sheetForm.getByLabel('施設・部屋').selectOption({ label: '東金文化会館 会議室(1)' });
  await sheetForm.getByLabel('日にち').fill(date);
  await sheetForm.getByRole('button', { name: '予約表を開く' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '部屋の予約表（1日）' })).toBeVisible();
  const sheet = page.getByRole('table', { name: /^東金文化会館 会議室\(1\)/ });
  const rows = sheet.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('午前（9:00～12:00）');
  await expect(rows.nth(1)).toContainText('仮予約');
  await expect(rows.nth(1)).toContainText(heldCode);
  await expect(rows.nth(1)).toContainText('東金三丁目自治会（9人）');
  await expect(rows.nth(2)).toContainText('市の使用');
  await expect(rows.nth(2)).toContainText('空調設備の点検');
  await expect(sheet).not.toContainText('0475');
  await expect(sheet).not.toContainText('トウガネ');
  await expectAxeClean(page, '部屋の予約表（1日）');
  // Printed: only the sheet, black on white, within an A4 page's width (210 mm less the margins is about 700 CSS px).
  await page.setViewportSize({ width: 700, height: 1000 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: '印刷する' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'ログアウトする' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
  await expect(sheet).toBeVisible();
  const printed = await sheet.evaluate((table) => {
    const cell = table.querySelector('td');
    return {
      overflow: table.getBoundingClientRect().right - document.documentElement.clientWidth,
      colour: cell ? getComputedStyle(cell).color : '',
      background: cell ? getComputedStyle(cell).backgroundColor : '',
    };
  });
  expect([printed.colour, printed.background]).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  expect(printed.overflow).toBeLessThanOrEqual(0);
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize(testInfo.project.use.viewport ?? { width: 1280, height: 800 });
  await page.getByRole('button', { name: '施設の画面に戻る' }).click();

  // Unblocked: the afternoon is bookable again at once.
  await blocking.getByRole('button', { name: `東金文化会館 会議室(1) ${formatJapaneseDate(date)}の止めを解く` }).click();
  await expect(page.getByRole('status').filter({ hasText: 'の止めを解きました。' })).toBeVisible();
  expect(await bookableOn(date)).toEqual(['afternoon', 'evening']);
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
