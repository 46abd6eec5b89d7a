/** What the accessibility walk (e2e/accessibility.spec.ts) found on one screen in one mode. */
export interface WalkRecord {
  screen: string;
  heading: string;
  mode: string;
  title: string;
  /** "360×800" … where axe-core ran and targets were measured. */
  viewports: string[];
  axeVersion: string;
  browserVersion: string;
  /** The portal's version as the server under test reports it: "0.1.0+<commit>". */
  appVersion: string;
  rulesRun: string[];
  violations: string[];
  smallTargets: string[];
  /** Overlapping targets, text out of its box, selection marks under 24 px (e2e/support/layout.ts). */
  layout: string[];
  overflow320: number;
  overflow200: number;
  lingeringMotion: string[];
  invisibleInForcedColours: string[];
  focusWithoutOutline: string[];
}

/** The name of the test attachment that carries a WalkRecord. */
export const WALK_ATTACHMENT = 'accessibility-walk';

/** Where the reporter writes the walk's results (Playwright empties test-results/ at each run). */
export const RESULTS_FILE = 'test-results/accessibility-results.json';

export interface WalkResults {
  finishedAt: string;
  /** `git rev-parse HEAD` when the run ended. */
  commit: string;
  /** Files changed but not committed when the run ended (the published report itself aside). */
  uncommittedChanges: string[];
  records: (WalkRecord & { status: string })[];
}
