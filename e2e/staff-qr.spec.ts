import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type APIRequestContext, expect, test } from '@playwright/test';
import { chromiumLaunchOptions } from '../playwright.config.ts';
import { formatReservationCode } from '../src/domain/citizen-fields.ts';
import { managementLinkUrl } from '../src/domain/management-links.ts';
import { axeViolations } from './support/accessibility.ts';
import { writeQrVideo } from './support/el-qr-fixtures.ts';
import { addAccount, signIn } from './support/staff.ts';

// Chromium's fake camera films a booking's QR code; each worker writes its own video, before the camera opens.
const video = join(tmpdir(), `togane-booking-qr-${String(process.pid)}.y4m`);
test.use({
  permissions: ['camera'],
  launchOptions: {
    ...chromiumLaunchOptions,
    args: [...chromiumLaunchOptions.args, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  },
});

interface Booked {
  code: string;
  token: string;
  shown: string;
}

/** Two counter bookings on one day, made by citizens through the API. */
async function bookTwo(request: APIRequestContext): Promise<{ date: string; bookings: Booked[] }> {
  const { days } = (await (await request.get('/api/v1/counter/availability')).json()) as {
    days: { date: string; slots: { time: string; bookable: boolean }[] }[];
  };
  const open = days.filter((day) => day.slots.filter((slot) => slot.bookable).length >= 2);
  const day = open[Math.floor(Math.random() * open.length)];
  if (!day) throw new Error('no day with two free counter slots');
  const times = day.slots.filter((slot) => slot.bookable).sort(() => Math.random() - 0.5);
  const bookings: Booked[] = [];
  for (const slot of times.slice(0, 2)) {
    const response = await request.post('/api/v1/counter/reservations', {
      data: {
        kindId: 'card-pickup',
        slot: { date: day.date, time: slot.time },
        nameKana: 'トウガネ キュウ',
        phone: '0475-50-1210',
        email: '',
        people: 1,
        proxy: false,
      },
    });
    expect(response.status()).toBe(201);
    const { reservation, token } = (await response.json()) as { reservation: { code: string }; token: string };
    bookings.push({ code: reservation.code, token, shown: formatReservationCode(reservation.code) });
  }
  return { date: day.date, bookings };
}

test('the clerk checks a citizen in by the QR code of their booking, with a reader that types it or with the camera; the link’s token never leaves the page', async ({
  page,
  request,
  baseURL,
}, testInfo) => {
  // A sign-in (scrypt), two bookings and the WebAssembly decoder on a busy two-core machine.
  test.setTimeout(120_000);
  const clerk = `qr-${testInfo.project.name}-${String(Date.now() % 100_000)}`;
  addAccount(clerk, '窓口');
  const { date, bookings } = await bookTwo(request);
  const [typed, filmed] = bookings;
  if (!typed || !filmed || !baseURL) throw new Error('no bookings');
  // The QR code on the citizen's booking page is its management link, token and all.
  const qrText = (booking: Booked) => managementLinkUrl(baseURL, 'counter', booking.code, booking.token);
  writeQrVideo(qrText(filmed), video);
  const sent: string[] = [];
  page.on('request', (sentRequest) => sent.push(`${sentRequest.url()} ${sentRequest.postData() ?? ''}`));

  await signIn(page, clerk);
  await expect(page.getByRole('heading', { level: 1, name: '窓口の予約一覧' })).toBeVisible();
  await page.getByLabel('日にち', { exact: true }).fill(date);

  // A USB reader types what the QR code holds, then Enter.
  const field = page.getByLabel('予約番号で受付');
  await field.fill(qrText(typed));
  await field.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `${typed.shown} を来庁済みにしました。` })).toBeVisible();
  await expect(field).toHaveValue('');

  // The camera reads the other citizen's phone.
  await page.getByRole('button', { name: 'カメラで読む' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${filmed.shown} を来庁済みにしました。` })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'カメラを閉じる' })).toHaveCount(0);

  for (const booking of bookings) await expect(page.getByRole('row').filter({ hasText: booking.shown })).toContainText('来庁済み');
  // Another desk's QR code is named, and what was read does not stay on the shared screen.
  await field.fill(managementLinkUrl(baseURL, 'facility', typed.code, typed.token));
  await field.press('Enter');
  await expect(page.getByText('これは施設の予約のQRコードです。')).toBeVisible();
  await expect(field).toHaveValue('');
  expect(await axeViolations(page, '窓口の予約一覧（QRコードで受付）')).toEqual([]);

  for (const booking of bookings) expect(sent.join('\n')).not.toContain(booking.token);
});
