import { useEffect, useRef } from 'react';
import { Link, type Location, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useKioskMode } from '../client/kiosk-mode.ts';
import { portalContact } from '../content/city.ts';
import { PracticeBanner } from '../features/practice/PracticeBanner.tsx';
import { PhoneLink } from '../ui/PhoneLink.tsx';
import { TextSizeToggle } from '../ui/TextSizeToggle.tsx';
import { KioskSession } from '../features/kiosk/KioskSession.tsx';
import { KioskStaffLink } from '../features/kiosk/KioskStaffLink.tsx';
import { StartOverButton } from '../features/kiosk/StartOverButton.tsx';
import styles from './Layout.module.css';
import { OfflineBanner } from './OfflineBanner.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';

/** After each navigation (not the first load), start screen readers at the new page's heading. */
function useFocusHeadingOnNavigation(): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [pathname]);
}

/**
 * The key under which a page's scroll position is kept. React Router keys an entry by location.key,
 * but every fresh page load (a bookmark, a shared link) starts with the same key, 'default': a load
 * would land at the position where the tab's previous load was left. That entry gets this load's own key.
 */
const THIS_LOAD = `load-${String(performance.timeOrigin)}`;
function scrollKey(location: Location): string {
  return location.key === 'default' ? THIS_LOAD : location.key;
}

export function Layout() {
  useFocusHeadingOnNavigation();
  const kiosk = useKioskMode();
  const shell = (
    <div className={styles.shell}>
      <a href="#main" className={styles.skipLink}>
        本文へ移動
      </a>
      <header className={styles.header}>
        <Link to="/" className={styles.brand}>
          <img src="/favicon.svg" alt="" width="32" height="32" />
          つながる東金
        </Link>
        {kiosk ? <StartOverButton /> : <TextSizeToggle />}
      </header>
      <PracticeBanner />
      <OfflineBanner />
      <main id="main" tabIndex={-1} className={styles.main}>
        <Outlet />
      </main>
      <footer className={styles.footer}>
        <p>
          東金市 市民ポータル「つながる東金」
          <br />
          お問い合わせ：{portalContact.name}（電話 <PhoneLink phone={portalContact.phone} />）
        </p>
        {kiosk && <KioskStaffLink />}
        <p>
          <Link to="/accessibility" className={styles.footerLink}>
            ウェブアクセシビリティ方針
          </Link>
        </p>
      </footer>
      <UpdatePrompt />
      <ScrollRestoration getKey={scrollKey} />
    </div>
  );
  // On the city's kiosk: 特大, 「最初から」, and the reset after inactivity (src/features/kiosk).
  return kiosk ? <KioskSession>{shell}</KioskSession> : shell;
}
