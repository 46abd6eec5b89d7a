import { expect, test } from '@playwright/test';
import { SCREENS, screenAddress, TEXT_SIZE_KEY, useSavedTextSize } from './support/portal.ts';

test('the first visit offers large text; the choice survives a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: '文字を大きくする' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
  expect(await page.evaluate((key) => localStorage.getItem(key), TEXT_SIZE_KEY)).toBe('large');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
  // The header switch says what a tap will do now.
  await expect(page.getByRole('button', { name: '文字を標準に', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '文字を大きく', exact: true })).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('header-large.png') });
  await expect(page.getByRole('heading', { name: '文字を大きくしますか' })).toHaveCount(0);
  const bodySize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  expect(bodySize).toBeGreaterThanOrEqual(20);
});

test.describe('before the first paint', () => {
  test.use({ serviceWorkers: 'block' });

  // A screen drawn from this device's data is not prerendered, so its page is the empty shell; the
  // prerendered screens have their own test in prerender.spec.ts.
  test('the saved size is applied by the head script, before the app has even loaded', async ({ page }) => {
    await useSavedTextSize(page, 'large');
    // Hold the app's code back: only index.html and display-settings.js run.
    await page.route('**/assets/**/*.js', (route) => route.abort());
    await page.goto('/facilities/bookings');
    await expect(page.locator('#root')).toBeEmpty();
    await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('21px');
  });
});

test('the header switch works in one tap on every screen', async ({ page, request }) => {
  // One page load per screen (42 and growing): about 1.5 s each on a busy two-core machine.
  test.setTimeout(SCREENS.length * 5_000);
  for (const screen of SCREENS) {
    await page.goto(await screenAddress(screen, request));
    const large = (await page.locator('html').getAttribute('data-text-size')) !== 'standard';
    const [now, next] = large ? ['文字を標準に', '文字を大きく'] : ['文字を大きく', '文字を標準に'];
    await page.getByRole('button', { name: now, exact: true }).click();
    await expect(page.locator('html')).toHaveAttribute('data-text-size', large ? 'standard' : 'large');
    await expect(page.getByRole('button', { name: next, exact: true })).toBeVisible();
  }
});

test('the settings page offers 標準, 大きい and 特大', async ({ page }) => {
  await page.goto('/settings');
  await page.getByRole('radio', { name: /特大/ }).check();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'xlarge');
  await page.reload();
  await expect(page.getByRole('radio', { name: /特大/ })).toBeChecked();
  await expect(page.getByText('つながっています')).toBeVisible();
});
