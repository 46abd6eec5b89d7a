import type { ProcedurePageContent } from '../../domain/procedure-catalogue.ts';
import { confirmedFacts, PROCEDURE_FACTS, unconfirmedFacts } from '../../domain/procedure-codes.ts';

/** The portal's words for the catalogue's codes (one term per thing). */
export function applicantWords(procedure: ProcedurePageContent): string[] {
  return procedure.applicants.map((applicant) => {
    if (applicant === '本人') return '本人';
    if (applicant === '同一世帯') return '同じ世帯の家族';
    return procedure.proxyNeedsLetter ? '代理人（本人が書いた委任状が必要です）' : '代理人';
  });
}

/** What the content's status means for the citizen, in one or two calm sentences (the page adds who to call). */
export function contentStatusWords(procedure: ProcedurePageContent): string {
  if (procedure.sample) return 'この説明は、手続きの流れを知っていただくための見本です。東金市での実際の決まりとは違うことがあります。';
  if (procedure.sources.length === 0) return 'この説明は、まだ市の案内と照らし合わせていません。';
  const confirmed = confirmedFacts(procedure).map((fact) => PROCEDURE_FACTS[fact]);
  const unconfirmed = unconfirmedFacts(procedure).map((fact) => PROCEDURE_FACTS[fact]);
  return `「${confirmed.join('」「')}」は市などの案内で確かめました。「${unconfirmed.join('」「')}」は、まだ確かめていません。`;
}

/**
 * A map search for a place, opened in the phone's map app. Only the place's public address or name
 * travels in it, never anything about the citizen.
 */
export function mapSearchUrl(place: string): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(place)}`;
}
