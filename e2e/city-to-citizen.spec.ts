import { expect, test } from '@playwright/test';
import { formatReservationCode } from '../src/domain/citizen-fields.ts';
import { formatJapaneseDate, formatShortJapaneseDate, formatTime, parseTime } from '../src/domain/japan-time.ts';
import { axeViolations } from './support/accessibility.ts';
import { type OwnServer, ownServerPort, startOwnServer } from './support/own-server.ts';
import { addAccount, holdMeetingRoom, signIn } from './support/staff.ts';

/**
 * What the city does at its desks, the citizen sees on their phone: a clerk's cancel with its
 * reason, a day closed at the counter, a 仮予約 confirmed. On a server of its own, so that closing
 * a whole day cannot take a seat another test is about to book.
 */
let server: OwnServer;

test.beforeEach(async () => {
  server = await startOwnServer(ownServerPort(500, test.info().workerIndex));
});

test.afterEach(async () => {
  await server.stop();
});

interface CounterDays {
  days: { date: string; slots: { time: string; bookable: boolean }[] }[];
}

test('the citizen’s phone shows what the city did: a cancel with its reason, a closed day with its reason, a 仮予約 confirmed', async ({ page, browser }) => {
  // Three sign-ins (scrypt) and a server of its own on a busy two-core machine.
  test.setTimeout(120_000);
  const api = (path: string) => `${server.baseUrl}/api/v1${path}`;
  addAccount('madoguchi', '窓口', server.dataDir);
  addAccount('kanri', '管理者', server.dataDir);
  addAccount('shisetsu', '施設', server.dataDir);

  // A citizen books the counter, and holds a room (a 仮予約), on their phone through the API.
  const { days } = (await (await page.request.get(api('/counter/availability'))).json()) as CounterDays;
  const open = days.filter((day) => day.slots.some((slot) => slot.bookable));
  // A day to book, a day to close, and a day to close in its last hour.
  const [bookedDay, partDay, closedDay] = [open[0], open[1], open.at(-1)];
  const time = bookedDay?.slots.find((slot) => slot.bookable)?.time;
  const lastHour = partDay?.slots.at(-1);
  if (!bookedDay || !partDay || !closedDay || !time || !lastHour?.bookable || new Set([bookedDay, partDay, closedDay]).size < 3)
    throw new Error('no three open days');
  const booked = await page.request.post(api('/counter/reservations'), {
    data: {
      kindId: 'card-pickup',
      slot: { date: bookedDay.date, time },
      nameKana: 'トウガネ イチロウ',
      phone: '0475-50-1210',
      email: '',
      people: 1,
      proxy: false,
    },
  });
  expect(booked.status()).toBe(201);
  const counter = (await booked.json()) as { reservation: { code: string }; token: string };
  const counterCode = formatReservationCode(counter.reservation.code);

  const [facility] = await holdMeetingRoom(page.request, 1, server.baseUrl);
  if (!facility) throw new Error('no 仮予約');
  const heldCode = facility.shownCode;

  // At the city hall, on a desktop: the clerk cancels the booking with a reason; the administrator closes a day.
  const desk = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 800 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  const staff = await desk.newPage();
  await signIn(staff, 'madoguchi');
  await staff.getByLabel('日にち', { exact: true }).fill(bookedDay.date);
  await staff.getByRole('button', { name: `${counterCode} を取り消す` }).click();
  await staff.getByLabel('取り消しの理由').fill('窓口の機器が故障したため');
  await staff.getByRole('button', { name: '取り消しを確定する' }).click();
  await expect(staff.getByRole('status').filter({ hasText: `${counterCode} を取り消しました。` })).toBeVisible();
  // The cancel's form closes once the day's list is fetched again, a moment after the message.
  await expect(staff.getByLabel('取り消しの理由')).toHaveCount(0);
  await staff.getByRole('button', { name: 'ログアウトする' }).click();

  await signIn(staff, 'kanri');
  await staff.getByLabel('休みにする日').fill(closedDay.date);
  await staff.getByLabel('休みにする理由').fill('庁舎の電気設備の点検のため');
  await staff.getByRole('button', { name: '休みにする', exact: true }).click();
  await expect(staff.getByRole('status').filter({ hasText: 'を休みにしました。' })).toBeVisible();
  await staff.getByLabel('休みにする日').fill(partDay.date);
  await staff.getByRole('radio', { name: '時間を区切る' }).check();
  await staff.getByLabel('始まり').selectOption(lastHour.time);
  await staff.getByLabel('休みにする理由').fill('庁舎の清掃のため');
  await staff.getByRole('button', { name: '休みにする', exact: true }).click();
  await expect(staff.getByRole('status').filter({ hasText: `${formatJapaneseDate(partDay.date)} ` })).toContainText('を休みにしました。');
  await staff.getByRole('button', { name: 'ログアウトする' }).click();

  // The facility manager confirms the 仮予約.
  await signIn(staff, 'shisetsu');
  await staff.getByRole('button', { name: `${heldCode} を本予約にする` }).click();
  await expect(staff.getByRole('status').filter({ hasText: `${heldCode} を本予約にしました。` })).toBeVisible();
  await desk.close();

  // On the citizen's phone.
  await page.goto(`${server.baseUrl}/mynumber/reservations/${counter.reservation.code}#token=${counter.token}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('取り消した予約');
  await expect(page.getByRole('definition').filter({ hasText: '市役所が取り消しました' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: '窓口の機器が故障したため' })).toBeVisible();
  expect(await axeViolations(page, '市役所が取り消した予約')).toEqual([]);

  await page.goto(`${server.baseUrl}/mynumber/book/card-pickup`);
  await page.getByRole('button', { name: '日にちを選ぶ' }).click();
  // Where the calendar fits, the day is a × with its reason; at 360 px in large text, a list item.
  const closedLabel = `${formatJapaneseDate(closedDay.date)} 受付なし（庁舎の電気設備の点検のため）`;
  await expect(
    page
      .getByRole('img', { name: closedLabel })
      .or(
        page
          .getByRole('listitem')
          .filter({ hasText: formatShortJapaneseDate(closedDay.date) })
          .filter({ hasText: '庁舎の電気設備の点検のため' }),
      )
      .first(),
  ).toBeVisible();
  // A day closed in its last hour stays open, marked as partly closed with the reason before it is
  // picked; its list of times says which hour is closed, and why.
  await page
    // The calendar's cell is named with the year; the list's button (large text at 360 px) without.
    .getByRole('button', {
      name: new RegExp(`^(${formatJapaneseDate(partDay.date)}|${formatShortJapaneseDate(partDay.date)})\\s*.+・一部の時間は休み（庁舎の清掃のため）$`),
    })
    .first()
    .click();
  // A slot's length is the step between two slots of the day.
  const start = parseTime(lastHour.time) ?? 0;
  const slotMinutes = start - (parseTime(partDay.slots.at(-2)?.time ?? '') ?? 0);
  const closedHours = `${formatTime(start)}～${formatTime(start + slotMinutes)}`;
  await expect(page.getByRole('button', { name: `${closedHours} 休み` })).toBeDisabled();
  await expect(page.getByText(`${closedHours}は窓口の休みです（庁舎の清掃のため）。`)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(await axeViolations(page, '一部の時間が休みの日')).toEqual([]);

  await page.goto(`${server.baseUrl}/facilities/bookings/${facility.booking.code}#token=${facility.token}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('予約の内容');
});
