import type { FastifyInstance } from 'fastify';
import type { Health } from '../../domain/health.ts';
import { healthContracts } from '../../domain/health-contracts.ts';
import { contractRoute } from '../route-helpers.ts';
import type { ContentPack } from '../content.ts';
import type { Store } from '../store/store.ts';

export function healthRoutes(
  api: FastifyInstance,
  store: Store,
  content: ContentPack,
  server: { version: string; instance: string },
  load: () => { eventLoopDelay: number; eventLoopUtilized: number },
): void {
  contractRoute(
    api,
    healthContracts.health,
    () => ({}),
    async ({ reply }) => {
      const database = await store.checkHealth();
      const health: Health = {
        status: database.ok ? 'ok' : 'degraded',
        version: server.version,
        instance: server.instance,
        database: database.ok
          ? { engine: store.engine, status: 'ok', schemaVersion: database.schemaVersion }
          : { engine: store.engine, status: 'error', schemaVersion: null },
        content: { fingerprint: content.fingerprint },
        eventLoop: eventLoopFigures(load()),
      };
      if (!database.ok) reply.status(503);
      return health;
    },
  );
}

/** Rounded for a monitor; under-pressure reports an infinite delay when no sample could be taken. */
function eventLoopFigures(load: { eventLoopDelay: number; eventLoopUtilized: number }): Health['eventLoop'] {
  return {
    delayMs: Number.isFinite(load.eventLoopDelay) ? Math.round(load.eventLoopDelay * 10) / 10 : null,
    utilization: Math.min(1, Math.max(0, Math.round(load.eventLoopUtilized * 1000) / 1000)),
  };
}
