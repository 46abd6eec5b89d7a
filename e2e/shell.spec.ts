import { expect, test } from '@playwright/test';
import { PORTAL_ENTRIES } from '../src/app/portal-entries.ts';
import { SCREENS } from './support/portal.ts';

test('the home screen offers the six entries, and each leads to its screen with focus on the heading', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('何をしますか｜つながる東金');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  const tiles = page.getByRole('main').getByRole('list').getByRole('link');
  await expect(tiles).toHaveCount(6);

  // The tiles lead to each feature's first screen; the screens inside a feature are reached from there.
  const entryScreens = SCREENS.filter((s) => PORTAL_ENTRIES.some((entry) => entry.path === s.path));
  expect(entryScreens).toHaveLength(6);
  for (const screen of entryScreens) {
    await page.getByRole('link', { name: 'つながる東金' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('何をしますか');
    await tiles.filter({ hasText: screen.heading }).click();
    await expect(page).toHaveURL(screen.path);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(screen.heading);
    await expect(heading).toBeFocused();
    await expect(page).toHaveTitle(`${screen.heading}｜つながる東金`);
  }
});

test('an unknown address shows a plain not-found page with a way home', async ({ page }) => {
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ページが見つかりません');
  await page.getByRole('main').getByRole('link', { name: 'ホームへ戻る' }).click();
  await expect(page).toHaveURL('/');
});

test.describe('when a screen cannot load', () => {
  test.use({ serviceWorkers: 'block' });

  test('a plain Japanese message and a reload button, with the header still there', async ({ page }) => {
    await page.route('**/assets/SettingsPage-*.js', (route) => route.abort());
    await page.goto('/');
    await page.getByRole('link', { name: /^文字の大きさ/ }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('うまく表示できませんでした');
    await expect(page.getByRole('button', { name: '画面を読み込み直す' })).toBeVisible();
    await expect(page.getByRole('button', { name: '文字を大きく', exact: true })).toBeVisible();
    await expect(page.getByText(/TypeError|Failed to fetch|stack/i)).toHaveCount(0);
  });
});

test('an offline banner appears when the network goes, and leaves when it returns', async ({ page, context }) => {
  await page.goto('/');
  const banner = page.getByText('インターネットにつながっていません。', { exact: false });
  await expect(banner).toHaveCount(0);
  await context.setOffline(true);
  await expect(banner).toBeVisible();
  await context.setOffline(false);
  await expect(banner).toHaveCount(0);
});

test('the skip link takes keyboard users straight to the content', async ({ page }) => {
  await page.goto('/');
  // Start from the top of a fully drawn page, as a keyboard user arriving does (on a slow machine the
  // first Tab could otherwise land before the app has drawn its header).
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  });
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '本文へ移動' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('a fresh load of another page starts at its top, wherever the previous page was left', async ({ page }) => {
  await page.goto('/accessibility');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('ウェブアクセシビリティ方針');
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  // A bookmark or a shared link: a new page load in the same tab.
  await page.goto('/procedures/life-events');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('暮らしの出来事から探す');
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('a link opens the next screen at its top; the back button returns to where the screen was left', async ({ page }) => {
  await page.goto('/procedures/life-events');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('暮らしの出来事から探す');
  // The app has taken the prerendered page over (its header switch works): the link is the app's now.
  await expect(page.getByRole('banner').getByRole('button', { name: '文字を大きく' })).toBeEnabled();
  const link = page.locator('main a[href^="/procedures/life-events/"]').last();
  await link.scrollIntoViewIfNeeded();
  const left = await page.evaluate(() => window.scrollY);
  expect(left).toBeGreaterThan(100);
  await link.click();
  await expect(page).not.toHaveURL(/\/life-events$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('暮らしの出来事から探す');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(left);
});
