import { http, HttpResponse } from 'msw';
import type { Health } from '../src/domain/health.ts';

/**
 * MSW handlers for the API: component tests (`mocks/node.ts`), front-end work without the server
 * (`npm run dev:mock`, `mocks/browser.ts`), and later the practice mode. They answer with the same
 * shapes as `src/server`, typed by the same domain types.
 */
export const handlers = [
  http.get('/api/v1/health', () =>
    HttpResponse.json<Health>({
      status: 'ok',
      version: 'mock',
      database: { status: 'ok', schemaVersion: 1 },
      content: { fingerprint: 'mock' },
    }),
  ),
];
