import { dictionary } from '@zxcvbn-ts/language-common';
import { passwordShapeProblem } from '../../domain/staff-password.ts';

/**
 * The 49,000 most common passwords of public breach lists (zxcvbn's list): an attacker tries these
 * first, whatever their length. Compared without case, as guessers vary case first.
 */
let commonPasswords: Set<string> | null = null;

function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((word) => word.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

/** Why a new staff password is refused, or null when it may be used. */
export function passwordProblem(password: string, loginName: string): string | null {
  const shape = passwordShapeProblem(password, loginName);
  if (shape) return shape;
  if (isCommonPassword(password)) return 'よく使われていて推測されやすいパスワードです。ほかのものにしてください。';
  return null;
}
