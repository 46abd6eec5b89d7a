/**
 * The rules a staff password must meet that the browser can check too. The server also refuses
 * passwords found in a list of common ones (src/server/staff/password-policy.ts).
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

export function passwordShapeProblem(password: string, loginName: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `パスワードは${String(MIN_PASSWORD_LENGTH)}文字以上にしてください。`;
  if (length > MAX_PASSWORD_LENGTH) return `パスワードは${String(MAX_PASSWORD_LENGTH)}文字以内にしてください。`;
  if (new Set(password).size < 4) return '同じ文字のくり返しが多すぎます。ちがう文字を混ぜてください。';
  if (loginName.length > 0 && password.toLowerCase().includes(loginName.toLowerCase())) return 'パスワードにログイン名を含めないでください。';
  return null;
}
