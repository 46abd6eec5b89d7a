import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The axe-core tags of WCAG 2.0, 2.1 and 2.2 at levels A and AA: what JIS X 8341-3 level AA and WCAG 2.2 AA ask. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeCheck {
  /** One line per rule broken: "label: rule (targets)". */
  violations: string[];
  /** The ids of every rule axe ran on the page (passed, broken, needing review or not applicable). */
  rulesRun: string[];
  axeVersion: string;
}

/** Runs axe-core's WCAG 2.2 AA rules on the page as it is now. */
export async function axeCheck(page: Page, label: string): Promise<AxeCheck> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const rulesRun = [...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable].map((rule) => rule.id);
  return {
    violations: results.violations.map((v) => `${label}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    rulesRun: [...new Set(rulesRun)].sort(),
    axeVersion: results.testEngine.version,
  };
}

/** axe-core's WCAG 2.2 AA findings on the page as it is now, one line each ("/path: rule (targets)"). */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  return (await axeCheck(page, label)).violations;
}

/** Everything a finger or a keyboard can act on. */
const INTERACTIVE = 'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';

/** Interactive elements smaller than `minimum` CSS px in either direction; a radio or checkbox counts by its label. */
export async function smallTargets(page: Page, minimum: number): Promise<{ text: string; height: number; width: number }[]> {
  return page.evaluate(
    ([min, selector]) => {
      return [...document.querySelectorAll<HTMLElement>(selector)]
        .map((element) => {
          const target = element.closest('label') ?? element;
          const box = target.getBoundingClientRect();
          return { text: (element.textContent ?? element.getAttribute('value') ?? '').trim().slice(0, 20), height: box.height, width: box.width };
        })
        .filter((box) => box.height > 0 && (box.height < min || box.width < min));
    },
    [minimum, INTERACTIVE] as const,
  );
}

/** How far the page scrolls sideways, in CSS px (0 when it does not). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth));
}

/**
 * Elements that still move for longer than 0.01 s (animations or transitions). Run with
 * `prefers-reduced-motion: reduce` emulated: nothing should.
 */
export async function lingeringMotion(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seconds = (value: string) => Math.max(...value.split(',').map((part) => (part.trim().endsWith('ms') ? parseFloat(part) / 1000 : parseFloat(part))));
    const found: string[] = [];
    for (const element of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(element, pseudo);
        const animated = style.animationName !== 'none' && seconds(style.animationDuration) > 0.01;
        const transitioned = style.transitionProperty !== 'none' && seconds(style.transitionDuration) > 0.01;
        if (animated || transitioned) found.push(`${element.tagName.toLowerCase()}${pseudo ?? ''}.${String(element.className)}`);
      }
    }
    return found;
  });
}

/**
 * With forced colours on (Windows High Contrast and the like), backgrounds disappear: a button or a
 * field is then only visible by its border. Lists those left without one. (Links keep their text in
 * the system's link colour, so they stay visible either way.)
 */
export async function invisibleInForcedColours(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of document.querySelectorAll<HTMLElement>('button, input:not([type="hidden"]), select, textarea')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      // A visually hidden radio or checkbox is drawn by its label.
      const drawn = box.width <= 1 && element.closest('label') ? (element.closest('label') as HTMLElement) : element;
      const style = getComputedStyle(drawn);
      const bordered = ['Top', 'Right', 'Bottom', 'Left'].some(
        (side) => style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none' && parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) >= 1,
      );
      const native = element.tagName === 'INPUT' && ['radio', 'checkbox'].includes((element as HTMLInputElement).type) && box.width > 1;
      if (!bordered && !native) found.push(`${element.tagName.toLowerCase()} 「${(element.textContent ?? '').trim().slice(0, 20)}」`);
    }
    return found;
  });
}

/** The focus indicator of the element that has focus now: outline width in CSS px (0 when none is drawn). */
export async function focusOutlineWidth(page: Page): Promise<number> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 0;
    const style = getComputedStyle(element);
    return style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth);
  });
}
