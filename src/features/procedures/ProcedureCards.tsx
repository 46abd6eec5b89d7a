import { Link } from 'react-router';
import type { Procedure } from '../../domain/procedures.ts';
import { departmentOf, hasOnlineRoute } from './catalogue.ts';
import styles from './procedures.module.css';

/** Procedures as cards: title, department and, where there is an online route, a badge. */
export function ProcedureCards({ procedures }: { procedures: readonly Procedure[] }) {
  return (
    <ul className={styles.cards}>
      {procedures.map((procedure) => (
        <li key={procedure.id}>
          <Link to={`/procedures/${procedure.id}`} className={styles.card}>
            <span className={styles.cardTitle}>{procedure.title}</span>
            <span className={styles.cardMeta}>担当：{departmentOf(procedure)?.name ?? '確認中'}</span>
            {hasOnlineRoute(procedure) && <span className={styles.badge}>オンラインでできます</span>}
          </Link>
        </li>
      ))}
    </ul>
  );
}
