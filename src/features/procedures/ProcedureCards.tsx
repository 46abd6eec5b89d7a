import { Link } from 'react-router';
import { findDepartment } from '../../content/city.ts';
import type { ProcedureSummary } from '../../domain/procedure-catalogue.ts';
import styles from './procedures.module.css';

/** Procedures as cards: title, department and, where there is an online route, a badge. */
export function ProcedureCards({ procedures }: { procedures: readonly ProcedureSummary[] }) {
  return (
    <ul className={styles.cards}>
      {procedures.map((procedure) => (
        <li key={procedure.id}>
          <Link to={`/procedures/${procedure.id}`} className={styles.card}>
            <span className={styles.cardTitle}>{procedure.title}</span>
            <span className={styles.cardMeta}>担当：{findDepartment(procedure.departmentId)?.name ?? '確認中'}</span>
            {procedure.online && <span className={styles.badge}>オンラインでできます</span>}
          </Link>
        </li>
      ))}
    </ul>
  );
}
