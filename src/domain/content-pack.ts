import type { z } from 'zod';
import { accessibilityReportSchema } from './accessibility-report.ts';
import { certificatesContentSchema } from './certificates.ts';
import { cityContentSchema } from './city.ts';
import { counterContentSchema } from './counter.ts';
import { facilitiesContentSchema } from './facilities.ts';
import { localGovernmentCodesSchema } from './local-government-codes.ts';
import { paymentsContentSchema } from './payments-content.ts';
import { proceduresContentSchema, synonymsContentSchema, type ProceduresContent } from './procedures.ts';
import type { CityContent } from './city.ts';
import { describeProblems, type FieldProblem } from './validation.ts';

/**
 * Every file of the content pack (`src/content/*.json`) and the schema it must satisfy. The build,
 * `npm run content:check`, the server at start-up and the unit tests all check through this table,
 * so a file added here is checked everywhere.
 */
export const CONTENT_FILES = {
  'city.json': cityContentSchema,
  'certificates.json': certificatesContentSchema,
  'mynumber-counter.json': counterContentSchema,
  'facilities.json': facilitiesContentSchema,
  'payments.json': paymentsContentSchema,
  'local-government-codes.json': localGovernmentCodesSchema,
  'procedures.json': proceduresContentSchema,
  'synonyms.json': synonymsContentSchema,
  'accessibility-report.json': accessibilityReportSchema,
} satisfies Record<string, z.ZodType>;

export type ContentFileName = keyof typeof CONTENT_FILES;

export type ContentCheck = { ok: true; value: unknown } | { ok: false; problems: FieldProblem[] };

export function isContentFileName(name: string): name is ContentFileName {
  return Object.hasOwn(CONTENT_FILES, name);
}

/** Parses and validates one content file's text; problems come back in Japanese with their paths. */
export function checkContentFile(name: ContentFileName, text: string): ContentCheck {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: '', message: `JSON として読めません（${detail}）。` }] };
  }
  const result = CONTENT_FILES[name].safeParse(data);
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: describeProblems(result.error) };
}

/** Problems found between files, by the file that must change. */
export interface PackProblem {
  name: ContentFileName;
  problems: FieldProblem[];
}

/**
 * Rules that span files, run after each file passed its own schema: every procedure's department
 * (and so its phone) must be one of city.json's departments. Files not given are not checked.
 */
export function checkContentPack(values: Partial<Record<ContentFileName, unknown>>): PackProblem[] {
  const found: PackProblem[] = [];
  // Each value already passed its schema from CONTENT_FILES, so it has that shape.
  const city = values['city.json'] as CityContent | undefined;
  const procedures = values['procedures.json'] as ProceduresContent | undefined;
  if (city && procedures) {
    const departmentIds = new Set(city.departments.map((department) => department.id));
    const problems = procedures.procedures.flatMap((procedure, index) =>
      departmentIds.has(procedure.departmentId)
        ? []
        : [{ path: `procedures.${String(index)}.departmentId`, message: `担当課「${procedure.departmentId}」が city.json の departments にありません。` }],
    );
    if (problems.length > 0) found.push({ name: 'procedures.json', problems });
  }
  return found;
}

export function formatContentProblems(name: string, problems: FieldProblem[]): string {
  const lines = problems.map((problem) => `  - ${problem.path === '' ? '(ファイル全体)' : problem.path}: ${problem.message}`);
  return [`コンテンツ ${name} に誤りがあります:`, ...lines].join('\n');
}
