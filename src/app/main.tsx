import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { isKioskMode } from '../client/kiosk-mode.ts';
import { isPracticeMode, subscribePracticeMode } from '../client/practice-mode.ts';
import { installPracticeTransport } from '../practice/install.ts';
import '../ui/base.css';
import { createPortalRouter } from './router.tsx';

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: 1 } },
});

// Answers from the server and from practice data must never mix: any change of mode empties the
// cache, without refetching, so no practice booking is ever asked of the server.
subscribePracticeMode(() => {
  void queryClient.cancelQueries();
  queryClient.clear();
});

installPracticeTransport();

async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  const app = (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={await createPortalRouter(window.location.pathname)} />
      </QueryClientProvider>
    </StrictMode>
  );
  // The build's page for this very address (src/app/prerender.tsx), drawn as anyone sees it: React
  // takes it over as it stands. Search words in the address, the practice mode and the kiosk change
  // what a screen draws, so those start afresh (React replaces the prerendered markup in one step).
  const sameScreen = root.dataset.prerendered === window.location.pathname && window.location.search === '';
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
}

void start();
