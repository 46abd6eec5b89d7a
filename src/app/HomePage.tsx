import { Link } from 'react-router';
import { useKioskMode } from '../client/kiosk-mode.ts';
import { TextSizeOffer } from '../features/settings/TextSizeOffer.tsx';
import { Page } from '../ui/Page.tsx';
import { EntryIcon } from './EntryIcon.tsx';
import styles from './HomePage.module.css';
import { PORTAL_ENTRIES } from './portal-entries.ts';

export function HomePage() {
  // The kiosk is always 特大: no question about the text size there.
  const kiosk = useKioskMode();
  return (
    <Page heading="何をしますか">
      {!kiosk && <TextSizeOffer />}
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
