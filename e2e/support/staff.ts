import { execFileSync } from 'node:child_process';
import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { formatReservationCode } from '../../src/domain/citizen-fields.ts';
import { bunkaMeetingBooking, freeBunkaBlocks } from './portal.ts';

/** Staff accounts for e2e, made by the server's own command, and signing in on the staff screen. */
export const PASSWORD = 'kuju-kuri-hama-2026';

/** An account on the shared e2e server, or on a test's own server when its data directory is given. */
export function addAccount(loginName: string, role: string, dataDir = process.env.E2E_DATA_DIR): void {
  execFileSync('node', ['dist/server/staff-cli.js', 'add', '--login', loginName, '--name', `${loginName}さん`, '--role', role], {
    input: PASSWORD,
    env: { ...process.env, DATA_DIR: dataDir },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export async function signIn(page: Page, loginName: string, password = PASSWORD): Promise<void> {
  await page.goto('/staff');
  await expect(page.getByRole('heading', { level: 1, name: '職員のログイン' })).toBeVisible();
  await page.getByLabel('ログイン名').fill(loginName);
  await page.getByLabel('パスワード').fill(password);
  await page.getByRole('button', { name: 'ログインする', exact: true }).click();
}

export interface HeldRoom {
  booking: { code: string; status: string };
  token: string;
  /** The code as the screens show it: ABCD-2345. */
  shownCode: string;
}

/**
 * 仮予約 of the 文化会館's 会議室2, made by a citizen through the API: `count` different free blocks
 * picked at random. `origin` is a test's own server, or '' for the shared one.
 */
export async function holdMeetingRoom(request: APIRequestContext, count: number, origin = ''): Promise<HeldRoom[]> {
  const blocks = await freeBunkaBlocks(request, 'meeting-2', origin);
  const picked = blocks.sort(() => Math.random() - 0.5).slice(0, count);
  if (picked.length < count) throw new Error('not enough free blocks');
  const held: HeldRoom[] = [];
  for (const choice of picked) {
    const response = await request.post(`${origin}/api/v1/facilities/bookings`, {
      data: bunkaMeetingBooking('meeting-2', choice, '東金二丁目自治会'),
    });
    expect(response.status()).toBe(201);
    const answer = (await response.json()) as { booking: { code: string; status: string }; token: string };
    held.push({ ...answer, shownCode: formatReservationCode(answer.booking.code) });
  }
  return held;
}
