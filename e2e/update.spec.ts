import { expect, test } from '@playwright/test';
import { deployNewServiceWorker, ownServerPort, startOwnServer, type OwnServer } from './support/own-server.ts';
import { waitForServiceWorkerControl } from './support/portal.ts';

let server: OwnServer;
test.beforeEach(async () => {
  server = await startOwnServer(ownServerPort(100, test.info().workerIndex));
});
test.afterEach(async () => {
  await server.stop();
});

test('a new version waits for 「更新する」 instead of reloading under the citizen', async ({ page }) => {
  await page.goto(`${server.baseUrl}/settings`);
  await waitForServiceWorkerControl(page);
  await page.evaluate(() => {
    (window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true;
  });

  deployNewServiceWorker(server, '\n// a new deployment\n');
  await page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())?.update();
  });

  const prompt = page.getByText('新しいバージョンがあります。');
  await expect(prompt).toBeVisible();
  // Nothing reloaded by itself.
  expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);

  await page.getByRole('button', { name: '更新する' }).click();
  await page.waitForFunction(() => !(window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('文字の大きさ');
  await expect(prompt).toHaveCount(0);
});

test('「あとで」 hides the notice and keeps the page as it is', async ({ page }) => {
  await page.goto(server.baseUrl);
  await waitForServiceWorkerControl(page);
  deployNewServiceWorker(server, '\n// another deployment\n');
  await page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())?.update();
  });
  await page.getByRole('button', { name: 'あとで' }).click();
  await expect(page.getByText('新しいバージョンがあります。')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('何をしますか');
});
