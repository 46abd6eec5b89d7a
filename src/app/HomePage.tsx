import { Link } from 'react-router';
import { TextSizeOffer } from '../features/settings/TextSizeOffer.tsx';
import { Page } from '../ui/Page.tsx';
import { EntryIcon } from './EntryIcon.tsx';
import styles from './HomePage.module.css';
import { PORTAL_ENTRIES } from './portal-entries.ts';

export function HomePage() {
  return (
    <Page heading="何をしますか">
      <TextSizeOffer />
      <ul className={styles.tiles}>
        {PORTAL_ENTRIES.map((entry) => (
          <li key={entry.id}>
            <Link to={entry.path} className={styles.tile}>
              <EntryIcon id={entry.id} />
              <span className={styles.title}>{entry.title}</span>
              <span className={styles.lead}>{entry.lead}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Page>
  );
}
