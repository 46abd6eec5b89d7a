import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';

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
