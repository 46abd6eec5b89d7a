import type { AccessibilityReport } from '../src/domain/accessibility-report.ts';
import type { WalkResults } from '../e2e/support/accessibility-results.ts';

interface ScreenEntry {
  path: string;
  heading: string;
  title?: string;
}
interface ModeEntry {
  id: string;
  label: string;
  minTarget: number;
  viewports: { width: number; height: number }[];
}

export type BuildOutcome = { ok: true; report: AccessibilityReport } | { ok: false; problems: string[] };

/**
 * Turns the walk's results into the published report, or says why it will not: the report is only
 * made from a run that walked every screen in every mode, on committed code, with the build of that
 * commit. A failed check is reported as it was, never dropped.
 */
export function buildAccessibilityReport(results: WalkResults, screens: readonly ScreenEntry[], modes: readonly ModeEntry[], axeTags: string[]): BuildOutcome {
  const problems: string[] = [];
  if (results.uncommittedChanges.length > 0) {
    problems.push(`The walk ran with uncommitted changes (${results.uncommittedChanges.join(', ')}): commit, build, and run it again.`);
  }
  const builtCommit = /\+([0-9a-f]+)$/.exec(results.records[0]?.appVersion ?? '')?.[1];
  if (!builtCommit || !results.commit.startsWith(builtCommit)) {
    problems.push(`The server under test was built from ${builtCommit ?? 'an unknown commit'}, not ${results.commit}: run npm run build, then the walk.`);
  }
  const find = (path: string, mode: string) => results.records.find((record) => record.screen === path && record.mode === mode);
  for (const screen of screens) {
    for (const mode of modes) {
      if (!find(screen.path, mode.id)) problems.push(`Not walked: ${screen.path} in ${mode.id}.`);
    }
  }
  const first = results.records[0];
  if (problems.length > 0 || !first) return { ok: false, problems: problems.length > 0 ? problems : ['The results are empty.'] };

  return {
    ok: true,
    report: {
      run: { finishedAt: results.finishedAt, commit: results.commit, appVersion: first.appVersion },
      tools: { axeCore: first.axeVersion, browser: `Chromium ${first.browserVersion}` },
      axeTags,
      axeRules: [...new Set(results.records.flatMap((record) => record.rulesRun))].sort(),
      modes: modes.map((mode) => ({
        id: mode.id,
        label: mode.label,
        minTarget: mode.minTarget,
        viewports: mode.viewports.map((viewport) => `${String(viewport.width)}×${String(viewport.height)}`),
      })),
      screens: screens.map((screen) => ({
        path: screen.path,
        heading: screen.heading,
        results: modes.map((mode) => {
          const record = find(screen.path, mode.id);
          if (!record) throw new Error('checked above');
          return {
            mode: mode.id,
            passed: record.status === 'passed',
            axeViolations: record.violations.length,
            smallTargets: record.smallTargets.length,
            overflow320: record.overflow320,
            overflow200: record.overflow200,
            titleMatches: record.title === (screen.title ?? `${screen.heading}｜つながる東金`),
            lingeringMotion: record.lingeringMotion.length,
            invisibleInForcedColours: record.invisibleInForcedColours.length,
            focusWithoutOutline: record.focusWithoutOutline.length,
          };
        }),
      })),
    },
  };
}
