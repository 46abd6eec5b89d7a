import { expect, type Page, test } from '@playwright/test';
import { SCREENS, screenTitle, TEXT_SIZE_KEY } from './support/portal.ts';

/**
 * The build prerenders the static screens (src/app/prerender.tsx): their words are in the HTML, so
 * they paint before any script and read with JavaScript blocked; the app then takes that HTML over
 * (hydration) instead of drawing it again.
 */
const MAIN_ROUTES = [
  '/',
  '/procedures',
  '/procedures/tennyu',
  '/procedures/life-events/moving',
  '/facilities',
  '/facilities/bunka-kaikan',
  '/payments',
  '/certificates',
  '/certificates/steps',
  '/mynumber',
];

function screenOf(path: string) {
  const screen = SCREENS.find((candidate) => candidate.path === path);
  if (!screen) throw new Error(`${path} is not in SCREENS`);
  return screen;
}

test.describe('with JavaScript blocked', () => {
  test.use({ javaScriptEnabled: false });

  test('each main route shows its title, heading and content, and its links lead on', async ({ page, request }) => {
    for (const path of MAIN_ROUTES) {
      const screen = screenOf(path);
      await page.goto(path);
      await expect(page, path).toHaveTitle(screenTitle(screen));
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(screen.heading);
      expect((await page.getByRole('main').innerText()).length, `${path}: the main content`).toBeGreaterThan(100);
      await expect(page.getByRole('banner').getByRole('link', { name: 'つながる東金' })).toBeVisible();
      // Chromium's switch for tests still parses <noscript> as if scripts ran, so its note is checked in the HTML.
      expect(await (await request.get(path)).text(), path).toContain('この画面は JavaScript なしでも読めます。');
    }
    await page.goto('/');
    await page.getByRole('link', { name: /手続きを探す/ }).click();
    await expect(page).toHaveURL('/procedures');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('手続きを探す');
  });

  test('a screen drawn from this device’s data is not prerendered: the shell asks for JavaScript', async ({ page, request }) => {
    await page.goto('/facilities/bookings');
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
    expect(await (await request.get('/facilities/bookings')).text()).toContain('つながる東金を使うには、ブラウザーの JavaScript を有効にしてください。');
  });
});

/** Counts prerendered headings that leave the page: hydration keeps them, drawing afresh replaces them. */
async function watchPrerenderedHeadings(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const removed = { count: 0 };
    Object.assign(window, { removedHeadings: removed });
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.removedNodes) {
          if (node instanceof Element && (node.matches('h1') || node.querySelector('h1'))) removed.count += 1;
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { removedHeadings: { count: number } }).removedHeadings.count);
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

test('the app takes each prerendered page over as it stands, and its controls work only once it has', async ({ page }) => {
  const errors = collectErrors(page);
  const removedHeadings = await watchPrerenderedHeadings(page);
  for (const path of [...MAIN_ROUTES, '/procedures/moving', '/payments/what-can-be-paid', '/certificates/compare', '/mynumber/renewal', '/settings']) {
    await page.goto(path);
    // The header's switch is disabled in the HTML (it cannot work before the script) and enabled once the app runs.
    await expect(page.getByRole('banner').getByRole('button', { name: '文字を大きく' }), path).toBeEnabled();
    await expect(page.getByRole('heading', { level: 1 }), path).toHaveText(screenOf(path).heading);
    expect(await removedHeadings(), `${path}: the prerendered heading was replaced`).toBe(0);
  }
  expect(errors).toEqual([]);
});

test('search words in the address: the page is drawn afresh with the answers, without an error', async ({ page }) => {
  const errors = collectErrors(page);
  const removedHeadings = await watchPrerenderedHeadings(page);
  await page.goto('/procedures?q=%E8%BB%A2%E5%85%A5');
  // The answers' heading is the app's own: the prerendered page (the popular procedures) has none.
  await expect(page.getByRole('heading', { level: 2, name: /件の手続きが見つかりました/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /転入届/ }).first()).toBeVisible();
  // The watch above sees a page drawn afresh (so its 0 for the pages taken over means what it says).
  expect(await removedHeadings()).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('a chosen text size applies before any script of the app, and the first visit’s offer never shows', async ({ page }) => {
  // The app's own scripts never arrive: what shows is the HTML and public/display-settings.js alone.
  await page.route('**/assets/**/*.js', (route) => route.abort());
  const headingSize = () => page.getByRole('heading', { level: 1 }).evaluate((heading) => parseFloat(getComputedStyle(heading).fontSize));

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('何をしますか');
  await expect(page.getByRole('heading', { name: '文字を大きくしますか' })).toBeVisible();
  const standard = await headingSize();

  await page.evaluate((key) => window.localStorage.setItem(key, 'large'), TEXT_SIZE_KEY);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
  await expect(page.getByRole('heading', { name: '文字を大きくしますか' })).toBeHidden();
  expect(await headingSize()).toBeGreaterThan(standard);
});
