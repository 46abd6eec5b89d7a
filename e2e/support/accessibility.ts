import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core's WCAG 2.2 AA findings on the page as it is now, one line each ("/path: rule (targets)"). */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations.map((v) => `${label}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Buttons, links and inputs smaller than `minimum` CSS px; a radio or checkbox counts by its label. */
export async function smallTargets(page: Page, minimum: number): Promise<{ text: string; height: number; width: number }[]> {
  return page.evaluate((min) => {
    return [...document.querySelectorAll<HTMLElement>('button, a, input')]
      .map((element) => {
        const target = element.closest('label') ?? element;
        const box = target.getBoundingClientRect();
        return { text: (element.textContent ?? element.getAttribute('value') ?? '').trim().slice(0, 20), height: box.height, width: box.width };
      })
      .filter((box) => box.height > 0 && (box.height < min || box.width < min));
  }, minimum);
}
