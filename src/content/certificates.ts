import type { CertificateId, CertificatesContent, Certificate, Way, WayOfGetting } from '../domain/certificates.ts';
import data from './certificates.json';

/**
 * コンビニ交付 facts for the browser. The build checks `certificates.json` against
 * `certificatesContentSchema` (see `scripts/content-plugin.ts`), so the cast is safe and keeps zod
 * out of the bundle.
 */
export const certificatesContent = data as CertificatesContent;

export function findCertificate(id: CertificateId): Certificate | undefined {
  return certificatesContent.certificates.find((certificate) => certificate.id === id);
}

export function findWay(id: Way): WayOfGetting | undefined {
  return certificatesContent.ways.find((way) => way.id === id);
}
