import type { Page } from '@playwright/test';
import axe from 'axe-core';

/** The axe-core tags of WCAG 2.0, 2.1 and 2.2 at levels A and AA: what JIS X 8341-3 level AA and WCAG 2.2 AA ask. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeCheck {
  /** One line per rule broken: "label: rule (targets)". */
  violations: string[];
  /** The ids of every rule axe ran on the page (passed, broken, needing review or not applicable). */
  rulesRun: string[];
  axeVersion: string;
}

/**
 * Runs axe-core's WCAG 2.2 AA rules on the page as it is now. axe is put into the document once and
 * run there with axe.run. (@axe-core/playwright's AxeBuilder injects its 500 KB source again on every
 * check and finishes each run in a new blank page, for the sake of frames: measured on this 2-core
 * machine under load, 4.1 s a check against 0.42 s. The portal has no frames; should one appear,
 * this refuses rather than leave it unchecked.)
 */
export async function axeCheck(page: Page, label: string): Promise<AxeCheck> {
  const state = await page.evaluate(() => ({ injected: 'axe' in window, frames: document.querySelectorAll('iframe, frame').length }));
  if (state.frames > 0) throw new Error(`${label}: the page has frames, which this check does not enter`);
  if (!state.injected) await page.evaluate(axe.source);
  const results = await page.evaluate(async (tags) => {
    const { run } = (window as unknown as { axe: { run: typeof axe.run } }).axe;
    const found = await run(document, { runOnly: { type: 'tag', values: tags } });
    return {
      violations: found.violations.map((rule) => ({ id: rule.id, targets: rule.nodes.map((node) => node.target.join(' ')) })),
      rulesRun: [...found.passes, ...found.violations, ...found.incomplete, ...found.inapplicable].map((rule) => rule.id),
      axeVersion: found.testEngine.version,
    };
  }, WCAG_TAGS);
  return {
    violations: results.violations.map((rule) => `${label}: ${rule.id} (${rule.targets.join(', ')})`),
    rulesRun: [...new Set(results.rulesRun)].sort(),
    axeVersion: results.axeVersion,
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
        (side) =>
          style.getPropertyValue(`border-${side.toLowerCase()}-style`) !== 'none' &&
          parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) >= 1,
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
