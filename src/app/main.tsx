import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { subscribePracticeMode } from '../client/practice-mode.ts';
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

function start(): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={createPortalRouter()} />
      </QueryClientProvider>
    </StrictMode>,
  );
}

start();
