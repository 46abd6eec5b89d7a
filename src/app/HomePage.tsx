import { Link } from 'react-router';
import { useKioskMode } from '../client/kiosk-mode.ts';
import { TextSizeOffer } from '../features/settings/TextSizeOffer.tsx';
import { ButtonLink } from '../ui/Button.tsx';
import { Page } from '../ui/Page.tsx';
import { EntryIcon } from './EntryIcon.tsx';
import styles from './HomePage.module.css';
import { PORTAL_ENTRIES } from './portal-entries.ts';

export function HomePage() {
  // The kiosk is always 特大: no question about the text size there, and no smartphone class.
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
      {/* A smartphone class uses the learners' own phones: the city's kiosk has none to offer. */}
      {!kiosk && (
        <>
          <h2 className={styles.more}>スマホ講座で練習する</h2>
          <p>予約や納付書の読み取りを、本物と同じ画面で練習できます。実際の予約や支払いにはなりません。</p>
          <ButtonLink to="/practice" variant="secondary">
            スマホ講座の練習モード
          </ButtonLink>
        </>
      )}
    </Page>
  );
}
