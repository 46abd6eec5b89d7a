import { startMockWorker } from './browser.ts';

/**
 * The page's entry in `npm run dev:mock` (vite.config.ts points index.html here): the mock API
 * starts before the app, so the app's first requests are answered, and src/ never imports mocks/.
 */
await startMockWorker();
await import('../src/app/main.tsx');
