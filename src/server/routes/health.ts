import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { healthSchema, type Health } from '../../domain/health.ts';
import type { ContentPack } from '../content.ts';
import type { Store } from '../store/store.ts';

export const healthPaths = {
  '/api/v1/health': {
    get: {
      summary: 'サーバーとデータベースの状態',
      operationId: 'getHealth',
      responses: {
        200: { description: '正常', content: { 'application/json': { schema: z.toJSONSchema(healthSchema) } } },
        503: {
          description: 'データベースに接続できない、またはサーバーが混み合って応答できない',
          content: { 'application/json': { schema: z.toJSONSchema(healthSchema) } },
        },
      },
    },
  },
};

export function healthRoutes(
  api: FastifyInstance,
  store: Store,
  content: ContentPack,
  server: { version: string; instance: string },
  load: () => { eventLoopDelay: number; eventLoopUtilized: number },
): void {
  api.get('/health', async (_request, reply) => {
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
    return reply.status(database.ok ? 200 : 503).send(health);
  });
}

/** Rounded for a monitor; under-pressure reports an infinite delay when no sample could be taken. */
function eventLoopFigures(load: { eventLoopDelay: number; eventLoopUtilized: number }): Health['eventLoop'] {
  return {
    delayMs: Number.isFinite(load.eventLoopDelay) ? Math.round(load.eventLoopDelay * 10) / 10 : null,
    utilization: Math.min(1, Math.max(0, Math.round(load.eventLoopUtilized * 1000) / 1000)),
  };
}
