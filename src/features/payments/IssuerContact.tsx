import { findDepartment, portalContact } from '../../content/city.ts';
import { findIssuer } from '../../content/payments.ts';
import { DepartmentContact } from '../../ui/DepartmentContact.tsx';

/** Who can answer about this slip: our department for our own slips, the issuing town otherwise. */
export function IssuerContact({ institutionCode }: { institutionCode: string }) {
  const issuer = findIssuer(institutionCode);
  if (!issuer) {
    return <p>この納付書については、納付書を出した市区町村にお問い合わせください（納付書に連絡先が書かれています）。</p>;
  }
  return <DepartmentContact department={findDepartment(issuer.departmentId)} fallback={portalContact} />;
}
