import { setupWorker } from 'msw/browser';
import { createHandlers } from './handlers.ts';
import { sessionPracticeStore } from './practice-store.ts';

/** `npm run dev:mock`: the worker script is served by vite.config.ts, never shipped in a build. */
export async function startMockWorker(): Promise<void> {
  await setupWorker(...createHandlers(sessionPracticeStore('tsunagaru-togane:dev-mock-data'))).start({ onUnhandledRequest: 'bypass', quiet: false });
}
