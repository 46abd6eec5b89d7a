/**
 * `npm run a11y:report`: makes src/content/accessibility-report.json (shown on /accessibility) from
 * the last accessibility walk, test-results/accessibility-results.json. Run the walk first:
 *   npm run build && npx playwright test e2e/accessibility.spec.ts --project phone
 * It refuses a run that missed a screen or a mode, ran on uncommitted code or on an older build.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { RESULTS_FILE, type WalkResults } from '../e2e/support/accessibility-results.ts';
import { WCAG_TAGS } from '../e2e/support/accessibility.ts';
import { MODES } from '../e2e/support/modes.ts';
import { SCREENS } from '../e2e/support/portal.ts';
import { checkContentFile, formatContentProblems } from '../src/domain/content-pack.ts';
import { buildAccessibilityReport } from './accessibility-report-build.ts';

const root = resolve(import.meta.dirname, '..');
const target = 'src/content/accessibility-report.json';

let results: WalkResults;
try {
  results = JSON.parse(readFileSync(resolve(root, RESULTS_FILE), 'utf8')) as WalkResults;
} catch {
  console.error(`${RESULTS_FILE} is missing: run the accessibility walk first (npx playwright test e2e/accessibility.spec.ts --project phone).`);
  process.exit(1);
}

const outcome = buildAccessibilityReport(results, SCREENS, MODES, WCAG_TAGS);
if (!outcome.ok) {
  console.error(['The report was not written:', ...outcome.problems.map((problem) => `  - ${problem}`)].join('\n'));
  process.exit(1);
}
const text = `${JSON.stringify(outcome.report, null, 2)}\n`;
const check = checkContentFile('accessibility-report.json', text);
if (!check.ok) {
  console.error(formatContentProblems(target, check.problems));
  process.exit(1);
}
writeFileSync(resolve(root, target), text);
const failed = outcome.report.screens.flatMap((screen) => screen.results.filter((result) => !result.passed).map((result) => `${screen.path} (${result.mode})`));
console.log(
  `${target}: ${String(outcome.report.screens.length)} screens × ${String(outcome.report.modes.length)} modes from the walk of ${results.finishedAt} on ${results.commit.slice(0, 7)}.`,
);
if (failed.length > 0) console.log(`Not passed (the page says so): ${failed.join(', ')}`);
