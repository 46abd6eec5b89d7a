import { expect, test } from '@playwright/test';
import { waitForServiceWorkerControl } from './support/portal.ts';

function pngSize(bytes: Buffer): string {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return `${String(bytes.readUInt32BE(16))}x${String(bytes.readUInt32BE(20))}`;
}

test('the web app manifest is complete and its icons are real PNGs of the stated sizes', async ({ page }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const response = await page.request.get(href ?? '');
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as Record<string, unknown> & {
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest).toMatchObject({
    name: 'つながる東金',
    short_name: 'つながる東金',
    lang: 'ja',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
    background_color: expect.stringMatching(/^#[0-9a-f]{6}$/),
  });
  expect(String(manifest.description)).toMatch(/東金市/);
  expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(manifest.icons.some((icon) => icon.purpose?.includes('maskable'))).toBe(true);
  for (const icon of manifest.icons) {
    const image = await page.request.get(icon.src);
    expect(image.headers()['content-type']).toBe('image/png');
    expect(pngSize(await image.body())).toBe(icon.sizes);
  }
});

test('the service worker activates, and the portal opens offline after one visit', async ({ page, context }) => {
  await page.goto('/');
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
  await waitForServiceWorkerControl(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('何をしますか');
  await expect(page.getByText('インターネットにつながっていません。', { exact: false })).toBeVisible();

  // Another screen, never opened before, also comes from the precache.
  await page.getByRole('link', { name: /^文字の大きさ/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('文字の大きさ');
  await page.goto('/facilities');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('施設を予約する');
});
