// First, before any module that builds a zod schema.
import '../client/zod-without-eval.ts';
import { StrictMode, startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { isKioskMode } from '../client/kiosk-mode.ts';
import { isPracticeMode } from '../client/practice-mode.ts';
import { installPracticeTransport } from '../practice/install.ts';
import { kioskFrame } from './Layout.tsx';
import { loadScreensOf, PortalRoutes } from './router.tsx';

/**
 * The app, loaded by src/app/main.tsx once the page is on screen: finds the address's screen and
 * takes over the prerendered page (or draws the shell's address afresh).
 */

installPracticeTransport();

export async function startApp(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  // The address's screen (and on a kiosk its parts) before the first render, so it is drawn whole.
  await Promise.all([loadScreensOf(window.location.pathname), isKioskMode() ? kioskFrame.load().catch(() => undefined) : undefined]);
  const app = (
    <StrictMode>
      <BrowserRouter>
        <PortalRoutes />
      </BrowserRouter>
    </StrictMode>
  );
  // The build's page for this very address (src/app/prerender.tsx), drawn as anyone sees it: React
  // takes it over as it stands. Search words in the address, the practice mode and the kiosk change
  // what a screen draws, so those start afresh (React replaces the prerendered markup in one step).
  const sameScreen = root.dataset.prerendered === window.location.pathname && window.location.search === '';
  // In a transition, React works in slices and lets a tap through between them, instead of one long task.
  startTransition(() => {
    if (sameScreen && !isPracticeMode() && !isKioskMode()) {
      hydrateRoot(root, app, {
        onRecoverableError(error) {
          // React has drawn the screen afresh; say so, since it means the prerender and the browser disagree.
          console.error('The prerendered page and the app disagree:', error);
        },
      });
    } else {
      createRoot(root).render(app);
    }
  });
}
