import type { AccessibilityReport } from '../domain/accessibility-report.ts';
import data from './accessibility-report.json';

/**
 * The latest accessibility walk, as `npm run a11y:report` wrote it from the e2e run. The build checks
 * the file against `accessibilityReportSchema` (see `scripts/content-plugin.ts`).
 */
export const accessibilityReport: AccessibilityReport = data;
