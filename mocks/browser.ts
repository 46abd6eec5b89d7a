import { setupWorker } from 'msw/browser';
import { createHandlers } from './handlers.ts';

/** `npm run dev:mock`: the worker script is served by vite.config.ts, never shipped in a build. */
export async function startMockWorker(): Promise<void> {
  await setupWorker(...createHandlers(window.sessionStorage)).start({ onUnhandledRequest: 'bypass', quiet: false });
}
