import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { RESULTS_FILE, WALK_ATTACHMENT, type WalkRecord, type WalkResults } from './accessibility-results.ts';

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/**
 * Gathers what the accessibility walk found (one attachment per screen and mode) into
 * test-results/accessibility-results.json, with the commit it ran on. A run without the walk writes
 * nothing. `npm run a11y:report` turns the file into src/content/accessibility-report.json.
 */
export default class AccessibilityReporter implements Reporter {
  private readonly records: WalkResults['records'] = [];

  onTestEnd(_test: TestCase, result: TestResult): void {
    for (const attachment of result.attachments) {
      if (attachment.name !== WALK_ATTACHMENT || !attachment.body) continue;
      const record = JSON.parse(attachment.body.toString('utf8')) as WalkRecord;
      this.records.push({ ...record, status: result.status });
    }
  }

  onEnd(): void {
    if (this.records.length === 0) return;
    const results: WalkResults = {
      finishedAt: new Date().toISOString(),
      commit: git(['rev-parse', 'HEAD']),
      uncommittedChanges: git(['status', '--porcelain'])
        .split('\n')
        .map((line) => line.slice(3))
        .filter((file) => file !== '' && file !== 'src/content/accessibility-report.json'),
      records: this.records.sort((a, b) => `${a.screen} ${a.mode}`.localeCompare(`${b.screen} ${b.mode}`)),
    };
    mkdirSync(dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`accessibility walk: ${String(this.records.length)} screen × mode results in ${RESULTS_FILE}`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
