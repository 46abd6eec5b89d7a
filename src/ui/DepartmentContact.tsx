import type { Department } from '../domain/city.ts';
import styles from './DepartmentContact.module.css';
import { PhoneLink } from './PhoneLink.tsx';

interface DepartmentContactProps {
  department: Department | undefined;
  /** Who answers for the portal itself (always has a phone): shown when no other department is named. */
  fallback: Department & { phone: string };
  /** The city hall's main number (代表電話), offered when the department's own number is not confirmed. */
  mainPhone?: string;
}

/**
 * 「どこに聞けばよいか」: the department and its phone. A number not yet confirmed is never shown as
 * certain; the city hall's main number (or, without it, the portal's own contact) is offered instead.
 */
export function DepartmentContact({ department, fallback, mainPhone }: DepartmentContactProps) {
  const isOther = department !== undefined && department.id !== fallback.id;
  const confirmed = isOther && department.provenance.verified;
  const confirmedPhone = confirmed && department.phone ? department.phone : null;
  const desks = confirmed ? (department.desks ?? []) : [];
  const reachable = confirmedPhone !== null || desks.length > 0;
  return (
    <div className={styles.contact}>
      {isOther && (
        <p>
          担当：{department.name}
          {confirmedPhone && (
            <>
              （電話 <PhoneLink phone={confirmedPhone} />）
            </>
          )}
          {department.address && (
            <>
              <br />
              所在地：{department.address}
            </>
          )}
        </p>
      )}
      {desks.map((desk) => (
        <p key={desk.phone}>
          {desk.name}：電話 <PhoneLink phone={desk.phone} />（{desk.hours}）
        </p>
      ))}
      {isOther && !reachable && mainPhone !== undefined && (
        <p>
          {department.name}の電話番号は確認中です。市役所の代表電話（電話 <PhoneLink phone={mainPhone} />
          ）におかけになり、「{department.name}」とお伝えください。
        </p>
      )}
      {!reachable && (!isOther || mainPhone === undefined) && (
        <p>
          {isOther ? '担当の課の電話番号は確認中です。' : null}
          お問い合わせは、{fallback.name}（電話 <PhoneLink phone={fallback.phone} />
          ）へどうぞ。
        </p>
      )}
    </div>
  );
}
