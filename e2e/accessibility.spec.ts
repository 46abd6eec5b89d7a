import { expect, test } from '@playwright/test';
import { axeViolations, smallTargets } from './support/accessibility.ts';
import { SCREENS, useSavedTextSize } from './support/portal.ts';

// One test per screen: axe takes a few seconds a page, and the list of screens keeps growing.
for (const size of ['standard', 'large'] as const) {
  for (const screen of SCREENS) {
    test(`axe-core finds nothing on ${screen.path} (${size})`, async ({ page }) => {
      await useSavedTextSize(page, size);
      await page.goto(screen.path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen.heading);
      expect(await axeViolations(page, screen.path)).toEqual([]);
    });
  }
}

for (const size of ['large', 'xlarge'] as const) {
  test(`no horizontal scrolling at 320 px wide (${size})`, async ({ page }) => {
    // Each screen is loaded and checked in turn: the time grows with the list of screens.
    test.setTimeout(SCREENS.length * 8_000);
    await useSavedTextSize(page, size);
    await page.setViewportSize({ width: 320, height: 640 });
    for (const screen of SCREENS) {
      await page.goto(screen.path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen.heading);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${screen.path} scrolls sideways by ${String(overflow)} px`).toBeLessThanOrEqual(0);
    }
  });
}

test('every control is at least 44 px (57 px in large text)', async ({ page }) => {
  test.setTimeout(SCREENS.length * 8_000);
  for (const [size, minimum] of [['standard', 44], ['large', 56]] as const) {
    await useSavedTextSize(page, size);
    for (const screen of SCREENS) {
      await page.goto(screen.path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen.heading);
      const small = await smallTargets(page, minimum);
      expect(small, `${screen.path} (${size})`).toEqual([]);
    }
  }
});
