import type { Page } from '@playwright/test';

/** The smallest selection mark of a check box or radio button, in CSS px. */
export const MIN_SELECTION_MARK = 24;

/**
 * What is broken in the layout of the page as it is now, one line each:
 * - 「重なり」: two interactive targets that overlap (a radio or check box counts by its label);
 * - 「はみ出し」: text that runs out of the box drawn around it (a border or a background);
 * - 「切れ」: text cut off by a box that hides its overflow (and does not scroll);
 * - 「印」: a check box or radio button whose selection mark is smaller than MIN_SELECTION_MARK, or has
 *   none; for a visually hidden input, the mark drawn for it in its label (an element or a ::before or
 *   ::after) is measured instead.
 * Hidden content (display none, a closed <details>, the 1 px visually-hidden pattern) is left out.
 * Runs inside the page, so one call is one round trip.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate((minMark) => {
    const TOLERANCE = 1;
    const problems = new Set<string>();
    const name = (element: Element) => {
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24);
      return `${element.tagName.toLowerCase()}${text ? ` 「${text}」` : ''}`;
    };
    const isHiddenByDesign = (element: Element) => {
      const box = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return box.width <= TOLERANCE || box.height <= TOLERANCE || style.clipPath === 'inset(50%)' || parseFloat(style.opacity) === 0;
    };
    const shown = (element: Element) => element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    /** Hidden on purpose: the element or an ancestor is the visually-hidden pattern. */
    const insideHidden = (element: Element) => {
      for (let current: Element | null = element; current && current !== document.body; current = current.parentElement) {
        if (isHiddenByDesign(current)) return true;
      }
      return false;
    };
    const overlaps = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > TOLERANCE && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > TOLERANCE;

    // Targets: what a finger presses. Inline links are measured line by line.
    const INTERACTIVE = 'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
    const targets = [
      ...new Set(
        [...document.querySelectorAll<HTMLElement>(INTERACTIVE)].map((element) =>
          element instanceof HTMLInputElement && ['radio', 'checkbox'].includes(element.type) ? (element.closest('label') ?? element) : element,
        ),
      ),
    ].filter((element) => shown(element) && !insideHidden(element));
    const fragments = targets.map((element) => [...element.getClientRects()].filter((box) => box.width > 0 && box.height > 0));
    for (let i = 0; i < targets.length; i++) {
      for (let j = i + 1; j < targets.length; j++) {
        const a = targets[i] as HTMLElement;
        const b = targets[j] as HTMLElement;
        if (a.contains(b) || b.contains(a)) continue;
        if ((fragments[i] ?? []).some((boxA) => (fragments[j] ?? []).some((boxB) => overlaps(boxA, boxB)))) {
          problems.add(`重なり: ${name(a)} と ${name(b)}`);
        }
      }
    }

    // Text: every line must stay inside each box drawn around it, up to the first box that scrolls.
    const drawsBox = (style: CSSStyleDeclaration) =>
      ['top', 'right', 'bottom', 'left'].some(
        (side) => style.getPropertyValue(`border-${side}-style`) !== 'none' && parseFloat(style.getPropertyValue(`border-${side}-width`)) > 0,
      ) ||
      style.backgroundColor !== 'rgba(0, 0, 0, 0)' ||
      style.backgroundImage !== 'none';
    const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'OPTION', 'TEXTAREA']);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !(node.textContent ?? '').trim() || SKIP.has(parent.tagName) || parent.closest('svg') || !shown(parent) || insideHidden(parent)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      // The em box of each line: the range's box is the font's taller content area, which a tight
      // line height may let stick out a little by design.
      const fontSize = parseFloat(getComputedStyle(parent).fontSize);
      const lines = [...range.getClientRects()]
        .filter((box) => box.width > 0)
        .map((box) => {
          const inset = Math.max(0, (box.height - fontSize) / 2);
          return { left: box.left, right: box.right, top: box.top + inset, bottom: box.bottom - inset };
        });
      if (lines.length === 0) continue;
      for (let box: Element | null = parent; box && box !== document.body && box !== document.documentElement; box = box.parentElement) {
        const style = getComputedStyle(box);
        const scrolls = [style.overflowX, style.overflowY].some((value) => value === 'auto' || value === 'scroll');
        const clips = [style.overflowX, style.overflowY].some((value) => value === 'hidden' || value === 'clip');
        if (!scrolls && !clips && !drawsBox(style)) continue;
        const outer = box.getBoundingClientRect();
        const inner =
          clips || scrolls
            ? {
                left: outer.left + box.clientLeft,
                top: outer.top + box.clientTop,
                right: outer.left + box.clientLeft + box.clientWidth,
                bottom: outer.top + box.clientTop + box.clientHeight,
              }
            : outer;
        const outside = lines.some(
          (line) =>
            line.left < inner.left - TOLERANCE ||
            line.right > inner.right + TOLERANCE ||
            line.top < inner.top - TOLERANCE ||
            line.bottom > inner.bottom + TOLERANCE,
        );
        if (outside) {
          const text = (node.textContent ?? '').trim().slice(0, 24);
          problems.add(
            clips || scrolls ? `切れ: 「${text}」 が ${name(box)} で切れています` : `はみ出し: 「${text}」 が ${name(box)} の枠からはみ出しています`,
          );
          break;
        }
        if (scrolls) break;
      }
    }

    // Selection marks.
    for (const input of document.querySelectorAll<HTMLInputElement>('input[type="checkbox"], input[type="radio"]')) {
      if (!input.checkVisibility({ checkVisibilityCSS: true })) continue;
      const label = input.labels?.[0] ?? input.closest('label');
      if (label && insideHidden(label)) continue;
      const own = input.getBoundingClientRect();
      let mark = Math.min(own.width, own.height);
      if (isHiddenByDesign(input) || own.width < 4 || own.height < 4) {
        // A custom mark: the largest drawn box in the label that holds no text, or a drawn ::before/::after.
        mark = 0;
        const candidates = label ? [label, ...label.querySelectorAll('*')] : [];
        for (const element of candidates) {
          if (element === input || !shown(element)) continue;
          if (element !== label && !(element.textContent ?? '').trim() && drawsBox(getComputedStyle(element))) {
            const box = element.getBoundingClientRect();
            mark = Math.max(mark, Math.min(box.width, box.height));
          }
          for (const pseudo of ['::before', '::after']) {
            const style = getComputedStyle(element, pseudo);
            if (style.content === 'none' || style.content === 'normal' || style.display === 'none' || !drawsBox(style)) continue;
            mark = Math.max(mark, Math.min(parseFloat(style.width) || 0, parseFloat(style.height) || 0));
          }
        }
      }
      if (mark < minMark)
        problems.add(
          `印: ${input.type === 'radio' ? 'ラジオボタン' : 'チェックボックス'} ${label ? name(label) : '（ラベルなし）'} の印が ${String(Math.round(mark))} px（${String(minMark)} px 以上に）`,
        );
    }
    return [...problems];
  }, MIN_SELECTION_MARK);
}
