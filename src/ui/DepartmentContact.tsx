import type { Department } from '../domain/city.ts';
import styles from './DepartmentContact.module.css';
import { PhoneLink } from './PhoneLink.tsx';

interface DepartmentContactProps {
  department: Department | undefined;
  /** Who to call when the department's own number is not confirmed (always has a phone). */
  fallback: Department & { phone: string };
}

/**
 * 「どこに聞けばよいか」: the department and its phone. A number not yet confirmed is never shown as
 * certain; the portal's own contact, whose number is confirmed, is offered instead.
 */
export function DepartmentContact({ department, fallback }: DepartmentContactProps) {
  const isOther = department !== undefined && department.id !== fallback.id;
  const confirmedPhone = isOther && department.phone && department.provenance.verified ? department.phone : null;
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
        </p>
      )}
      {!confirmedPhone && (
        <p>
          {isOther ? '担当の課の電話番号は確認中です。' : null}
          お問い合わせは、{fallback.name}（電話 <PhoneLink phone={fallback.phone} />）へどうぞ。
        </p>
      )}
    </div>
  );
}
