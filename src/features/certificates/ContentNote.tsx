import { useId } from 'react';
import { findDepartment, mainPhone, portalContact } from '../../content/city.ts';
import { certificatesContent } from '../../content/certificates.ts';
import type { Provenance } from '../../domain/city.ts';
import { formatJapaneseDate } from '../../domain/japan-time.ts';
import { DepartmentContact } from '../../ui/DepartmentContact.tsx';
import styles from './certificates.module.css';

/**
 * Says how sure the facts above are: the source and date when the city has confirmed them, the
 * note when not, and in both cases who to ask (市民課, or the portal's contact while its number
 * is unconfirmed).
 */
export function ContentNote({ provenances }: { provenances: Provenance[] }) {
  const unconfirmed = [...new Set(provenances.filter((fact) => !fact.verified).map((fact) => fact.note ?? ''))].filter(Boolean);
  const sources = [
    ...new Set(
      provenances.flatMap((fact) =>
        fact.verified && fact.source && fact.lastVerified ? [`出典：${fact.source}（${formatJapaneseDate(fact.lastVerified)}に確認）`] : [],
      ),
    ),
  ];
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={styles.notice}>
      <h2 id={headingId}>この情報について</h2>
      {unconfirmed.length > 0 && (
        <>
          <p>
            <strong>東金市での内容は確認中です。</strong>全国で多い例をもとに書いています。お出かけの前に、市民課にご確認ください。
          </p>
          <ul className={styles.list}>
            {unconfirmed.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      )}
      {sources.map((source) => (
        <p key={source}>{source}</p>
      ))}
      <DepartmentContact department={findDepartment(certificatesContent.departmentId)} fallback={portalContact} mainPhone={mainPhone} />
    </section>
  );
}
