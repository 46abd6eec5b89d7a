import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ServerConfig } from './config.ts';
import type { ContentPack } from './content.ts';
import { answerBadUrl, answerUnreadableRequest, ApiHttpError, installErrorHandlers } from './http-errors.ts';
import { buildOpenApiDocument } from './openapi.ts';
import { counterRoutes } from './counter/counter-routes.ts';
import { createCounterService } from './counter/counter-service.ts';
import { facilityRoutes } from './facilities/facility-routes.ts';
import { createFacilityService } from './facilities/facility-service.ts';
import { healthRoutes } from './routes/health.ts';
import { kioskRoutes } from './kiosk/kiosk-routes.ts';
import { installSecurityHeaders } from './security.ts';
import { installStaticFiles } from './static-files.ts';
import type { Store } from './store/store.ts';

export interface AppDependencies {
  config: ServerConfig;
  store: Store;
  content: ContentPack;
  version: string;
  /** The current instant; tests pass a fixed clock. */
  now?: () => Date;
}

/**
 * Logs say what happened, never who it happened to: only the method, the path without its query
 * string (a query could carry a phone number) and the status. No addresses, no headers, no bodies.
 */
function loggerOptions(level: ServerConfig['logLevel']): FastifyServerOptions['logger'] {
  return {
    level,
    serializers: {
      req: (request: { method: string; url: string; id: string }) => ({
        id: request.id,
        method: request.method,
        path: request.url.split('?')[0],
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
  };
}

export async function buildApp({ config, store, content, version, now = () => new Date() }: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestTimeout: 30_000,
    return503OnClosing: true,
    // Requests the HTTP parser cannot read still get our JSON error, not an empty 400.
    clientErrorHandler: answerUnreadableRequest,
    // A path that is not valid percent-encoding never reaches routing: answer it in our shape too.
    frameworkErrors: answerBadUrl,
  });
  installErrorHandlers(app);
  await installSecurityHeaders(app);

  await app.register(
    async (api) => {
      await api.register(rateLimit, {
        max: config.rateLimitPerMinute,
        timeWindow: '1 minute',
        errorResponseBuilder: () => new ApiHttpError(429, 'too_many_requests'),
      });
      api.addHook('onSend', async (_request, reply, payload) => {
        // Answers may carry personal data: no cache, shared or private, may keep them.
        reply.header('Cache-Control', 'no-store');
        return payload;
      });
      healthRoutes(api, store, content, version);
      counterRoutes(api, createCounterService({ content: content.counter, store, now }));
      facilityRoutes(api, createFacilityService({ content: content.facilities, store, now, sampleFacilitiesBookable: config.sampleFacilitiesBookable }), config.staffApiToken);
      kioskRoutes(api, config.kioskPinHash, now);
    },
    { prefix: '/api/v1' },
  );

  const openApiDocument = buildOpenApiDocument(version);
  app.get('/api/openapi.json', async (_request, reply) => reply.header('Cache-Control', 'no-cache').send(openApiDocument));

  await installStaticFiles(app, config.staticDir);
  return app;
}
