import { type Browser, expect, type Page, test } from '@playwright/test';
import { axeCheck, focusOutlineWidth, invisibleInForcedColours, lingeringMotion, sidewaysOverflow, smallTargets } from './support/accessibility.ts';
import { WALK_ATTACHMENT, type WalkRecord } from './support/accessibility-results.ts';
import { layoutProblems, MIN_SELECTION_MARK } from './support/layout.ts';
import { MODES, type Mode, PHONE } from './support/modes.ts';
import { type Screen, SCREENS, screenAddress, screenTitle, switchTextSize } from './support/portal.ts';
import { addAccount, signIn } from './support/staff.ts';

/**
 * The accessibility walk: every screen of SCREENS in every mode of MODES, each screen and mode walked
 * and recorded on its own, so a new screen or a new mode is walked without anyone writing a test for it
 * (and src/app/router.test.tsx fails when a route of the router has no entry in SCREENS). The modes
 * that differ only in text size share one page load per screen (see GROUPS). Each walk checks, on
 * that screen in that mode:
 * - axe-core (WCAG 2.0–2.2 A and AA) with no violation, at each of the mode's viewports;
 * - every interactive target at least the mode's minimum (44 CSS px, 56 in large text);
 * - the layout holds (e2e/support/layout.ts): no two targets overlap, no text runs out of its box or
 *   is cut off, every check box and radio button shows a selection mark of at least 24 CSS px;
 * - the tab title 「見出し｜つながる東金」, which is unique because the headings are (checked below);
 * - no sideways scrolling at 320 CSS px wide (WCAG 1.4.10) and at 200% zoom (1.4.4);
 * - with prefers-reduced-motion, nothing animates or transitions for longer than 0.01 s;
 * - with forced colours, every control keeps a border or an underline, and the focus outline shows.
 * It writes what it found as an attachment; e2e/support/accessibility-reporter.ts gathers them into
 * test-results/accessibility-results.json, from which `npm run a11y:report` makes the published report.
 *
 * The walk sets its own viewports, so it runs once, in the phone project (touch, mobile): the desktop
 * project leaves this file out (`testIgnore` in playwright.config.ts).
 */
test.describe.configure({ mode: 'parallel' });
// The walk needs no offline copy: without the service worker, no test spends its time precaching.
test.use({ serviceWorkers: 'block' });

/**
 * 200% browser zoom. Zooming a desktop window of 1280×800 device px to 200% leaves the page a
 * viewport of 640×400 CSS px with 2 device px per CSS px: media queries, rem, vw and layout all see
 * 640 CSS px, and fonts are drawn with twice the pixels. A 640×400 viewport at deviceScaleFactor 2
 * is that same state, made directly (Playwright cannot press the browser's zoom keys). The text
 * sizes of the portal (大きい 131%, 特大 162%) add to it, as they would to a zoomed browser. 320 px, the
 * other check, is the same window at 400%: the width WCAG 1.4.10 names.
 */
async function overflowAt200PercentZoom(page: Page): Promise<number> {
  // Chromium's own device emulation (what DevTools uses): a desktop window (mobile: false, so the
  // page's meta viewport plays no part) of 640×400 CSS px at 2 device px each.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 640, height: 400, deviceScaleFactor: 2, mobile: false });
  try {
    await page.waitForFunction(() => window.innerWidth === 640 && window.devicePixelRatio === 2);
    return await sidewaysOverflow(page);
  } finally {
    // Back to the page's own emulation: the next mode's walk sets its viewports afresh.
    await cdp.send('Emulation.clearDeviceMetricsOverride');
    await cdp.detach();
  }
}

/** Tabs through the first few stops and returns those drawn without a visible outline. */
async function focusWithoutOutline(page: Page): Promise<string[]> {
  const missing: string[] = [];
  // Tab from the top, as after a fresh load, whatever an earlier mode's walk left focused: the body, made
  // focusable for the walk, becomes the point the Tab order starts from (blur() alone leaves it where it was).
  await page.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
  });
  for (let stop = 0; stop < 4; stop++) {
    await page.keyboard.press('Tab');
    if ((await focusOutlineWidth(page)) < 2) {
      missing.push(
        await page.evaluate(
          () => `${document.activeElement?.tagName.toLowerCase() ?? '?'} 「${(document.activeElement?.textContent ?? '').trim().slice(0, 20)}」`,
        ),
      );
    }
  }
  await page.evaluate(() => document.body.removeAttribute('tabindex'));
  return missing;
}

/** A record for one screen in one mode, to be filled by checkMode. */
function emptyRecord(screen: Screen, mode: Mode, browser: Browser): WalkRecord {
  return {
    screen: screen.path,
    heading: screen.heading,
    mode: mode.id,
    title: '',
    viewports: [],
    axeVersion: '',
    browserVersion: browser.version(),
    appVersion: '',
    rulesRun: [],
    violations: [],
    smallTargets: [],
    layout: [],
    overflow320: 0,
    overflow200: 0,
    lingeringMotion: [],
    invisibleInForcedColours: [],
    focusWithoutOutline: [],
  };
}

/** Checks the loaded screen as it is shown in one mode; leaves the page as it found it (no emulation, focus or scroll). */
async function checkMode(page: Page, browser: Browser, screen: Screen, mode: Mode, appVersion: string): Promise<WalkRecord> {
  const record = emptyRecord(screen, mode, browser);
  record.appVersion = appVersion;
  await page.evaluate(() => {
    if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    window.scrollTo(0, 0);
  });
  for (const viewport of mode.viewports) {
    // The layout follows the new size at once; nothing in the portal lays out in script.
    await page.setViewportSize(viewport);
    const label = `${screen.path} ${String(viewport.width)}×${String(viewport.height)}`;
    const axe = await axeCheck(page, label);
    record.viewports.push(`${String(viewport.width)}×${String(viewport.height)}`);
    record.axeVersion = axe.axeVersion;
    record.rulesRun = [...new Set([...record.rulesRun, ...axe.rulesRun])].sort();
    record.violations.push(...axe.violations);
    for (const small of await smallTargets(page, mode.minTarget)) {
      record.smallTargets.push(`${label}: 「${small.text}」 ${String(Math.round(small.width))}×${String(Math.round(small.height))}`);
    }
    record.layout.push(...(await layoutProblems(page)).map((problem) => `${label}: ${problem}`));
  }
  record.title = await page.title();

  await page.setViewportSize({ width: 320, height: 640 });
  record.overflow320 = await sidewaysOverflow(page);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  record.lingeringMotion = await lingeringMotion(page);
  await page.emulateMedia({ reducedMotion: null, forcedColors: 'active' });
  record.invisibleInForcedColours = await invisibleInForcedColours(page);
  record.focusWithoutOutline = await focusWithoutOutline(page);
  await page.emulateMedia({ forcedColors: null });

  record.overflow200 = await overflowAt200PercentZoom(page);
  return record;
}

/** Loads the screen in the mode's way, at its first viewport, and says which version of the portal answered. */
async function load(page: Page, screen: Screen, mode: Mode, address: string): Promise<string> {
  await page.setViewportSize(mode.viewports[0] ?? PHONE);
  await page.goto(address);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen.heading);
  return page.evaluate(async () => ((await (await fetch('/api/v1/health')).json()) as { version: string }).version);
}

function expectClean(record: WalkRecord, screen: Screen, mode: Mode): void {
  const inMode = `(${mode.id})`;
  expect.soft(record.violations, `axe-core ${inMode}`).toEqual([]);
  expect.soft(record.smallTargets, `targets under ${String(mode.minTarget)} CSS px ${inMode}`).toEqual([]);
  expect
    .soft(record.layout, `layout: overlapping targets, text out of its box, selection marks under ${String(MIN_SELECTION_MARK)} CSS px ${inMode}`)
    .toEqual([]);
  expect.soft(record.title, `tab title ${inMode}`).toBe(screenTitle(screen));
  expect.soft(record.overflow320, `sideways scrolling at 320 px ${inMode}`).toBe(0);
  expect.soft(record.overflow200, `sideways scrolling at 200% zoom ${inMode}`).toBe(0);
  expect.soft(record.lingeringMotion, `motion with prefers-reduced-motion ${inMode}`).toEqual([]);
  expect.soft(record.invisibleInForcedColours, `controls without a border in forced colours ${inMode}`).toEqual([]);
  expect.soft(record.focusWithoutOutline, `focus without an outline in forced colours ${inMode}`).toEqual([]);
}

/**
 * One test per screen for the modes that differ only in text size, one page load for all of them,
 * and one test (and load) per screen for each other mode. Every screen and mode still gets its own
 * walk and its own record; what is shared is the page load, the app's start and the server's answers.
 */
const SIZE_MODES = MODES.filter((mode) => mode.textSize !== undefined);
const OWN_LOAD_MODES = MODES.filter((mode) => mode.textSize === undefined);
const GROUPS: readonly (readonly Mode[])[] = [SIZE_MODES, ...OWN_LOAD_MODES.map((mode) => [mode])];

for (const modes of GROUPS) {
  for (const screen of SCREENS) {
    test(`${screen.path} in ${modes.map((mode) => mode.id).join(', ')}: axe-core, targets, layout, reflow at 320 px and 200%, title, motion, forced colours`, async ({
      page,
      browser,
      request,
    }, testInfo) => {
      // Several axe runs per mode on a busy machine.
      test.slow();
      const [first, ...rest] = modes;
      if (!first) throw new Error('a group of modes without a mode');
      await first.prepare(page);
      const address = await screenAddress(screen, request);
      const appVersion = await load(page, screen, first, address);
      for (const mode of [first, ...rest]) {
        if (mode !== first && mode.textSize) await switchTextSize(page, mode.textSize);
        const record = await checkMode(page, browser, screen, mode, appVersion);
        await testInfo.attach(WALK_ATTACHMENT, { body: JSON.stringify(record), contentType: 'application/json' });
        expectClean(record, screen, mode);
      }
    });
  }
}

/**
 * The staff screens (/staff), each signed in with the role that works it: sign-in, the 窓口's day list
 * (with the closures and the figures), the 施設 desk, and the administrator's screen (accounts,
 * sessions, closures, desks, the audit log, figures). Walked like the citizens' screens in the text
 * sizes, in one page load and one sign-in per screen (a role per screen); not in the kiosk mode, which
 * is the citizens' terminal. Their records are not attached: the published report covers the
 * citizens' portal (SCREENS × MODES, checked by scripts/accessibility-report.test.ts).
 */
const STAFF_SCREENS: readonly (Screen & { role: '窓口' | '施設' | '管理者' | null })[] = [
  { path: '/staff', heading: '職員のログイン', role: null },
  { path: '/staff', heading: '窓口の予約一覧', title: '窓口の予約一覧（職員）｜つながる東金', role: '窓口' },
  { path: '/staff', heading: '仮予約の一覧', title: '仮予約の一覧（職員）｜つながる東金', role: '施設' },
  { path: '/staff', heading: '管理', title: '管理（職員）｜つながる東金', role: '管理者' },
];

for (const screen of STAFF_SCREENS) {
  test(`staff: ${screen.heading} in ${SIZE_MODES.map((mode) => mode.id).join(', ')}: axe-core, targets, layout, reflow at 320 px and 200%, title, motion, forced colours`, async ({
    page,
    browser,
  }, testInfo) => {
    test.slow();
    const [first, ...rest] = SIZE_MODES;
    if (!first) throw new Error('no text size mode');
    await first.prepare(page);
    await page.setViewportSize(first.viewports[0] ?? PHONE);
    if (screen.role) {
      const loginName = `a11y-${String(testInfo.workerIndex)}-${String(Date.now() % 1_000_000)}`;
      addAccount(loginName, screen.role);
      await signIn(page, loginName);
    } else {
      await page.goto(screen.path);
    }
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(screen.heading);
    // Every table drawn (the lists come after the heading) before the first check.
    await expect(page.getByText('読み込んでいます…')).toHaveCount(0);
    for (const mode of [first, ...rest]) {
      if (mode !== first && mode.textSize) await switchTextSize(page, mode.textSize);
      expectClean(await checkMode(page, browser, screen, mode, ''), screen, mode);
    }
  });
}

test('every screen has its own tab title', () => {
  // The same screen in another state (search words or answers in the address) keeps its title.
  const screens = SCREENS.filter((screen, index) => SCREENS.findIndex((other) => other.path.split('?')[0] === screen.path.split('?')[0]) === index);
  const titles = screens.map(screenTitle);
  expect(titles.filter((title, index) => titles.indexOf(title) !== index)).toEqual([]);
});
