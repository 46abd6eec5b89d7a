import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WalkRecord, WalkResults } from '../e2e/support/accessibility-results.ts';
import { MODES } from '../e2e/support/modes.ts';
import { SCREENS } from '../e2e/support/portal.ts';
import { accessibilityReportSchema } from '../src/domain/accessibility-report.ts';
import { buildAccessibilityReport } from './accessibility-report-build.ts';

const root = resolve(import.meta.dirname, '..');
const report = accessibilityReportSchema.parse(JSON.parse(readFileSync(resolve(root, 'src/content/accessibility-report.json'), 'utf8')));

/**
 * The published report (src/content/accessibility-report.json, shown on /accessibility) is made by
 * `npm run a11y:report` from a real walk and committed. These tests keep it from going stale: a
 * screen or a mode added to the walk, or a new axe-core, fails here until the report is made again.
 */
describe('the published accessibility report', () => {
  it('covers exactly the screens and modes the walk checks', () => {
    expect(report.screens.map((screen) => screen.path).sort()).toEqual(SCREENS.map((screen) => screen.path).sort());
    expect(report.modes.map((mode) => mode.id)).toEqual(MODES.map((mode) => mode.id));
  });

  it('was made with the axe-core the walk uses now', () => {
    const fromAxePlaywright = createRequire(resolve(root, 'node_modules/@axe-core/playwright/package.json'));
    const { version } = JSON.parse(readFileSync(fromAxePlaywright.resolve('axe-core/package.json'), 'utf8')) as { version: string };
    expect(report.tools.axeCore).toBe(version);
  });
});

describe('making the report', () => {
  const screens = [{ path: '/', heading: '何をしますか' }];
  const modes = [{ id: 'standard', label: '標準の文字', minTarget: 44, viewports: [{ width: 360, height: 800 }] }];
  const record: WalkRecord & { status: string } = {
    screen: '/',
    heading: '何をしますか',
    mode: 'standard',
    title: '何をしますか｜つながる東金',
    viewports: ['360×800'],
    axeVersion: '4.13.0',
    browserVersion: '156.0',
    appVersion: '0.1.0+abc1234',
    rulesRun: ['color-contrast'],
    violations: ['/: color-contrast (a)'],
    smallTargets: [],
    layout: [],
    overflow320: 0,
    overflow200: 0,
    lingeringMotion: [],
    invisibleInForcedColours: [],
    focusWithoutOutline: [],
    status: 'failed',
  };
  const results: WalkResults = { finishedAt: '2026-11-24T01:00:00.000Z', commit: `abc1234${'0'.repeat(33)}`, uncommittedChanges: [], records: [record] };

  it('keeps a failed check as it was', () => {
    const outcome = buildAccessibilityReport(results, screens, modes, ['wcag2a']);
    if (!outcome.ok) throw new Error(outcome.problems.join('\n'));
    expect(outcome.report.screens[0]?.results[0]).toMatchObject({ passed: false, axeViolations: 1, titleMatches: true });
    expect(accessibilityReportSchema.safeParse(outcome.report).success).toBe(true);
  });

  it('refuses a walk that missed a screen, ran on uncommitted code or on another build', () => {
    const outcome = buildAccessibilityReport(
      { ...results, uncommittedChanges: ['src/app/Layout.tsx'], commit: 'f'.repeat(40) },
      [...screens, { path: '/settings', heading: '文字の大きさ' }],
      modes,
      ['wcag2a'],
    );
    expect(outcome.ok ? [] : outcome.problems).toEqual([
      'The walk ran with uncommitted changes (src/app/Layout.tsx): commit, build, and run it again.',
      `The server under test was built from abc1234, not ${'f'.repeat(40)}: run npm run build, then the walk.`,
      'Not walked: /settings in standard.',
    ]);
  });
});
