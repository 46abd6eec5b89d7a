import { http, HttpResponse } from 'msw';
import type { Health } from '../src/domain/health.ts';
import { createPracticeStore, type KeyValueStorage } from '../src/practice/practice-store.ts';
import { createPracticeTransport } from '../src/practice/practice-transport.ts';

/**
 * MSW handlers for the API, for component tests (`mocks/node.ts`) and front-end work without the
 * server (`npm run dev:mock`, `mocks/browser.ts`). The booking API is the practice mode's engine
 * (src/practice), so the mock answers with the server's own services, rules and messages; only the
 * health check is made up here.
 */
export function createHandlers(storage: KeyValueStorage) {
  const answer = createPracticeTransport({ store: createPracticeStore(storage, 'tsunagaru-togane:mock-data') });
  return [
    http.get('/api/v1/health', () =>
      HttpResponse.json<Health>({
        status: 'ok',
        version: 'mock',
        instance: 'mock',
        database: { engine: 'sqlite', status: 'ok', schemaVersion: 1 },
        content: { fingerprint: 'mock' },
        eventLoop: { delayMs: 0, utilization: 0 },
      }),
    ),
    http.all('/api/v1/*', ({ request }) => answer(request)),
  ];
}
