import { setupWorker } from 'msw/browser';
import { handlers } from './handlers.ts';

/** `npm run dev:mock`: the worker script is served by vite.config.ts, never shipped in a build. */
export async function startMockWorker(): Promise<void> {
  await setupWorker(...handlers).start({ onUnhandledRequest: 'bypass', quiet: false });
}
