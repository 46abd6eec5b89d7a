import { z } from 'zod';

/**
 * Japanese messages for every schema in the portal (API bodies, content files, forms), written in the
 * portal's plain polite style. A schema may still give its own, more specific message; this map only
 * fills in the ones it leaves out. zod's bundled `ja` locale speaks of "string" and "number", which a
 * citizen should never read.
 */
const japaneseMessages: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '入力してください。' : '形式が正しくありません。';
    case 'too_small':
      if (issue.origin === 'string') return `${String(issue.minimum)}文字以上で入力してください。`;
      if (issue.origin === 'array') return `${String(issue.minimum)}つ以上選んでください。`;
      return `${String(issue.minimum)}以上の数にしてください。`;
    case 'too_big':
      if (issue.origin === 'string') return `${String(issue.maximum)}文字以内で入力してください。`;
      if (issue.origin === 'array') return `${String(issue.maximum)}つまでにしてください。`;
      return `${String(issue.maximum)}以下の数にしてください。`;
    case 'invalid_format':
      return '書き方が正しくありません。';
    case 'invalid_value':
      return '選べる値ではありません。';
    case 'unrecognized_keys':
      return `使えない項目があります（${issue.keys.join('、')}）。`;
    default:
      return '入力内容を確認してください。';
  }
};

z.config({ customError: japaneseMessages });

export interface FieldProblem {
  /** Dotted path of the field, e.g. `departments.0.phone`; empty for the whole value. */
  path: string;
  message: string;
}

/** Turns a zod error into the stable, Japanese list that API errors and content checks show. */
export function describeProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}

/** The first message for each field of a form (by its top-level name): the one shown under that field. */
export function firstMessagePerField<Field extends string>(error: z.ZodError): Partial<Record<Field, string>> {
  const found: Partial<Record<Field, string>> = {};
  for (const issue of error.issues) found[issue.path[0] as Field] ??= issue.message;
  return found;
}
