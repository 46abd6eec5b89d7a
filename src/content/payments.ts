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
