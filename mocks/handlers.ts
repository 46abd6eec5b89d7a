import { http, HttpResponse } from 'msw';
import { counter } from '../src/content/counter.ts';
import { facilitiesContent } from '../src/content/facilities.ts';
import type { Health } from '../src/domain/health.ts';
import { counterHandlers } from './counter-handlers.ts';
import { facilityHandlers } from './facility-handlers.ts';
import type { PracticeStore } from './practice-store.ts';

/**
 * MSW handlers for the API: component tests (`mocks/node.ts`), front-end work without the server
 * (`npm run dev:mock`, `mocks/browser.ts`), and the practice mode (`mocks/practice.ts`). They answer
 * with the same shapes, rules and messages as `src/server`, from the same domain code, over the
 * practice data in `store`.
 */
export function createHandlers(store: PracticeStore, now: () => Date = () => new Date()) {
  return [
    http.get('/api/v1/health', () =>
      HttpResponse.json<Health>({
        status: 'ok',
        version: 'mock',
        database: { engine: 'sqlite', status: 'ok', schemaVersion: 1 },
        content: { fingerprint: 'mock' },
        eventLoop: { delayMs: 0, utilization: 0 },
      }),
    ),
    ...counterHandlers(counter, store, now),
    ...facilityHandlers(facilitiesContent, store, now),
  ];
}
