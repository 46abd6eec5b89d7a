import type { LocalGovernmentCodes } from '../domain/local-government-codes.ts';
import type { Issuer, PaymentsContent } from '../domain/payments-content.ts';
import data from './payments.json';

/**
 * What the city says about paying with a slip. The build checks `payments.json` against
 * `paymentsContentSchema` (see `scripts/content-plugin.ts`), so the cast is safe and keeps zod out.
 */
export const payments = data as PaymentsContent;

export function findIssuer(institutionCode: string): Issuer | undefined {
  return payments.issuers.find((issuer) => issuer.code === institutionCode);
}

export function findTaxItem(code: string): PaymentsContent['taxItems'][number] | undefined {
  return payments.taxItems.find((item) => item.code === code);
}

/**
 * The 全国地方公共団体コード (about 16 KB gzip), loaded only when a slip from outside 東金市 is shown,
 * so the home screen does not carry it.
 */
export async function loadLocalGovernmentCodes(): Promise<LocalGovernmentCodes['codes']> {
  const list = (await import('./local-government-codes.json')).default as LocalGovernmentCodes;
  return list.codes;
}
