import { Link } from 'react-router';
import { lifeEventLabel, lifeEventSlug } from '../../domain/life-events.ts';
import { LIFE_EVENTS } from '../../domain/procedure-codes.ts';
import { lifeEventGuide } from './life-event-guides.ts';
import styles from './procedures.module.css';

/** The 14 life events of the national inventory, each leading to its steps. */
export function LifeEventLinks() {
  return (
    <ul className={styles.cards}>
      {LIFE_EVENTS.map((event) => {
        const guide = lifeEventGuide(event);
        return (
          <li key={event}>
            <Link to={`/procedures/life-events/${lifeEventSlug(event)}`} className={styles.card}>
              <span className={styles.cardTitle}>{lifeEventLabel(event)}</span>
              <span className={styles.cardMeta}>{guide ? guide.lead : 'この出来事の手続きは、いま準備しています。'}</span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
