import { z } from 'zod';

/**
 * The 全国地方公共団体コード of 総務省 as content: every prefecture and 市区町村 by its code without the
 * check digit (5 digits, as a slip's 共通納税機関コード is taken to be; see payments.json), with where
 * the list came from. `npm run content:local-government-codes` makes the file.
 */
export const localGovernmentCodesSchema = z.object({
  source: z.object({
    name: z.string().min(1),
    url: z.url(),
    /** How the list reached this project (a package, its version and its licence). */
    via: z.string().min(1),
    retrieved: z.iso.date(),
  }),
  codes: z.record(z.string().regex(/^\d{5}$/, '5けたの数字にしてください。'), z.string().min(1)),
});

export type LocalGovernmentCodes = z.infer<typeof localGovernmentCodesSchema>;

export type SlipIssuer = { kind: 'known'; name: string } | { kind: 'unknown' };

/** Whose slip it is, by the 共通納税機関コード: a real local government, or a number no one has. */
export function slipIssuer(institutionCode: string, codes: LocalGovernmentCodes['codes']): SlipIssuer {
  const name = Object.hasOwn(codes, institutionCode) ? codes[institutionCode] : undefined;
  return name ? { kind: 'known', name } : { kind: 'unknown' };
}

/**
 * The check digit of a 6-digit 全国地方公共団体コード (総務省): each of the first five digits times
 * 6, 5, 4, 3, 2, summed; 11 minus the remainder by 11, keeping the last digit.
 */
export function localGovernmentCheckDigit(fiveDigits: string): number {
  const sum = [...fiveDigits].reduce((total, digit, index) => total + Number(digit) * (6 - index), 0);
  return (11 - (sum % 11)) % 10;
}
