import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passwordShapeProblem } from './staff-password.ts';
import { roleMayWorkIn, STAFF_ROLES } from './staff-roles.ts';

describe('passwordShapeProblem', () => {
  it('wants 12 characters or more, counted as people count them', () => {
    expect(passwordShapeProblem('abcdefghijk', 'tanaka')).toBe('パスワードは12文字以上にしてください。');
    expect(passwordShapeProblem('abcdefghijkl', 'tanaka')).toBeNull();
    // Twelve kanji are twelve characters.
    expect(passwordShapeProblem('東金市役所市民課窓口予約係', 'tanaka')).toBeNull();
  });

  it('refuses one character repeated, and the login name inside the password', () => {
    expect(passwordShapeProblem('aaaaaaaaaaaaaaab', 'tanaka')).toBe('同じ文字のくり返しが多すぎます。ちがう文字を混ぜてください。');
    expect(passwordShapeProblem('my-TANAKA-pass-1', 'tanaka')).toBe('パスワードにログイン名を含めないでください。');
  });

  it('never accepts anything shorter than 12 characters', () => {
    fc.assert(fc.property(fc.string({ maxLength: 11 }), (password) => passwordShapeProblem(password, 'x') !== null));
  });
});

describe('roleMayWorkIn', () => {
  it('gives each role its own desk; the counter and the administrator read the counter’s closures (only the administrator changes them)', () => {
    const areas = STAFF_ROLES.map((role) =>
      (['counter-desk', 'counter-schedule', 'facility-desk', 'administration'] as const).filter((area) => roleMayWorkIn(role, area)),
    );
    expect(areas).toEqual([['counter-desk', 'counter-schedule'], ['facility-desk'], ['counter-schedule', 'administration']]);
  });
});
