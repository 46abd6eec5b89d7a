import { createElement, type ReactNode, Suspense, use, useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useKioskMode } from '../client/kiosk-mode.ts';
import { portalContact } from '../content/city.ts';
import { PracticeBanner } from '../features/practice/PracticeBanner.tsx';
import { PhoneLink } from '../ui/PhoneLink.tsx';
import { TextSizeToggle } from '../ui/TextSizeToggle.tsx';
import styles from './Layout.module.css';
import { OfflineBanner } from './OfflineBanner.tsx';
import { preloadable } from './preloadable.ts';
import { ScreenErrorBoundary } from './ScreenErrorBoundary.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';
import { useScrollRestoration } from './useScrollRestoration.ts';

/** After each navigation (not the first load), start screen readers at the new page's heading. */
function useFocusHeadingOnNavigation(): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    // Without scrolling: the scroll is useScrollRestoration's (the top for a new screen, the place left for 戻る).
    document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
  }, [pathname]);
}

/** The kiosk's parts, fetched only on a kiosk (src/app/start-app.tsx loads them before the first render there). */
export const kioskFrame = preloadable(async () => (await import('../features/kiosk/KioskFrame.tsx')).KioskFrame);

function OnKiosk({ frame }: { frame: (headerAction: ReactNode, footerExtra: ReactNode) => ReactNode }) {
  // The same component object on every render (the module's export, kept once it has arrived).
  return createElement(kioskFrame.loaded() ?? use(kioskFrame.load()), { frame });
}

export function Layout() {
  useFocusHeadingOnNavigation();
  useScrollRestoration();
  const { pathname } = useLocation();
  const kiosk = useKioskMode();
  const frame = (headerAction: ReactNode, footerExtra: ReactNode) => (
    <div className={styles.shell}>
      <a href="#main" className={styles.skipLink}>
        本文へ移動
      </a>
      <header className={styles.header}>
        <Link to="/" className={styles.brand}>
          <img src="/favicon.svg" alt="" width="32" height="32" />
          つながる東金
        </Link>
        {headerAction}
      </header>
      <PracticeBanner />
      <OfflineBanner />
      <main id="main" tabIndex={-1} className={styles.main}>
        {/* A screen's failure stays inside the frame; the Suspense keeps the last screen while the next one's code arrives. */}
        <ScreenErrorBoundary at={pathname}>
          <Suspense fallback={null}>
            <Outlet />
          </Suspense>
        </ScreenErrorBoundary>
      </main>
      <footer className={styles.footer}>
        <p>
          東金市 市民ポータル「つながる東金」
          <br />
          お問い合わせ：{portalContact.name}（電話 <PhoneLink phone={portalContact.phone} />）
        </p>
        {footerExtra}
        <p>
          <Link to="/accessibility" className={styles.footerLink}>
            ウェブアクセシビリティ方針
          </Link>
        </p>
      </footer>
      <UpdatePrompt />
    </div>
  );
  if (!kiosk) return frame(<TextSizeToggle />, null);
  // On the city's kiosk: 特大, 「最初から」, and the reset after inactivity (src/features/kiosk).
  return (
    <Suspense fallback={null}>
      <OnKiosk frame={frame} />
    </Suspense>
  );
}
