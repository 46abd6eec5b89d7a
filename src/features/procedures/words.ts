import type { Procedure } from '../../domain/procedures.ts';

/** The portal's words for the catalogue's codes (one term per thing). */
export function applicantWords(procedure: Procedure): string[] {
  return procedure.applicants.map((applicant) => {
    if (applicant === '本人') return '本人';
    if (applicant === '同一世帯') return '同じ世帯の家族';
    return procedure.proxyNeedsLetter ? '代理人（本人が書いた委任状が必要です）' : '代理人';
  });
}

export const SAMPLE_NOTE = 'この手続きの説明は見本です。東金市の実際の内容とは違うことがあります。';
export const UNVERIFIED_NOTE = 'この内容は、市でまだ確認していません。手続きの前に、担当の課にご確認ください。';

/**
 * A map search for a place, opened in the phone's map app. Only the place's public address or name
 * travels in it, never anything about the citizen.
 */
export function mapSearchUrl(place: string): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(place)}`;
}
