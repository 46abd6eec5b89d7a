import { hostname } from 'node:os';
import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ServerConfig } from './config.ts';
import type { ContentPack } from './content.ts';
import { errorBody } from '../domain/api-error.ts';
import { ApiHttpError } from '../domain/api-refusal.ts';
import { answerBadUrl, answerUnreadableRequest, installErrorHandlers } from './http-errors.ts';
import { apiContracts, buildOpenApiDocument } from './openapi.ts';
import { createCounterService } from '../booking/counter-service.ts';
import { bookingEndpoints } from '../booking/booking-api.ts';
import { bookingRoutes } from './booking-routes.ts';
import { createFacilityService } from '../booking/facility-service.ts';
import { healthRoutes } from './routes/health.ts';
import { kioskRoutes } from './kiosk/kiosk-routes.ts';
import { createLimits, rateLimitStore } from './limits.ts';
import { loggedPath } from './log-paths.ts';
import { COMPRESS_THRESHOLD_BYTES, JSON_ENCODINGS } from './json-answer.ts';
import { installSecurityHeaders } from './security.ts';
import { staffAccounts } from './staff/staff-accounts.ts';
import { staffAuth } from './staff/staff-auth.ts';
import { staffDesk } from './staff/staff-desk.ts';
import { staffPasskeys } from './staff/staff-passkeys.ts';
import { staffRoutes } from './staff/staff-routes.ts';
import { installStaticFiles } from './static-files.ts';
import type { Store } from './store/store.ts';

/** How often lapsed キャンセル待ち offers are passed down (an offer read or answered is settled at once). */
const WAITLIST_SWEEP_MS = 60_000;
export interface AppDependencies {
  config: ServerConfig;
  store: Store;
  content: ContentPack;
  version: string;
  /** Which server process answers, for health: the host name, and the worker's number under WORKERS. */
  instance?: string;
  /** The current instant; tests pass a fixed clock. */
  now?: () => Date;
  /** Where log lines go (standard output when unset); tests read them. */
  logStream?: { write(line: string): void };
}

/**
 * Logs say what happened, never who it happened to: only the method, the path without its query
 * string and with booking codes and tokens masked (see log-paths.ts), and the status. No addresses,
 * no headers, no bodies.
 */
function loggerOptions(level: ServerConfig['logLevel'], stream: AppDependencies['logStream']): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    serializers: {
      req: (request: { method: string; url: string; id: string }) => ({
        id: request.id,
        method: request.method,
        path: loggedPath(request.url),
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
  };
}

/** The paths the rate limit does not count: those whose contract says so (the health check). */
const notRateLimitedPaths = new Set(apiContracts.filter((contract) => contract.notRateLimited).map((contract) => contract.path));

export async function buildApp({
  config,
  store,
  content,
  version,
  instance = hostname(),
  now = () => new Date(),
  logStream,
}: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel, logStream),
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
  // First, so that every answer carries them, a 503 under pressure too.
  await installSecurityHeaders(app);
  // A stuck event loop answers 503 (with Retry-After) rather than queueing requests it cannot serve.
  await app.register(underPressure, {
    maxEventLoopDelay: config.maxEventLoopDelayMs,
    retryAfter: 10,
    pressureHandler: (_request, reply) => {
      void reply.status(503).header('Retry-After', '10').send(errorBody('service_unavailable'));
    },
  });
  const limits = createLimits(store.limits, now);
  // JSON answers above 1 KB (availability, the OpenAPI document) travel compressed; static files
  // arrive precompressed, which this hook leaves alone. Request bodies are never inflated: the API
  // reads small JSON only, and inflating is a way to turn a small request into a large one.
  // The availability answers are kept written out and compressed by the booking routes (json-answer.ts).
  await app.register(compress, { threshold: COMPRESS_THRESHOLD_BYTES, encodings: [...JSON_ENCODINGS], globalDecompression: false });

  await app.register(
    async (api) => {
      // Answers may carry personal data: no cache, shared or private, may keep them. Set before the
      // rate limit's hook, which may answer 429 itself; no API route sets its own Cache-Control.
      api.addHook('onRequest', (_request, reply, done) => {
        reply.header('Cache-Control', 'no-store');
        done();
      });
      await api.register(rateLimit, {
        max: config.rateLimitPerMinute,
        // Counted in the database: a restart or a second instance does not reset anyone's count.
        store: rateLimitStore(limits),
        timeWindow: '1 minute',
        // Health is what monitors and load balancers poll: it must report the database's state even when
        // the database that holds the counts cannot be reached. Its work is one small read, and
        // under-pressure still sheds it when the event loop is stuck.
        allowList: (request) => notRateLimitedPaths.has(request.url),
        errorResponseBuilder: () => new ApiHttpError(429, 'too_many_requests'),
      });
      healthRoutes(api, store, content, { version, instance }, () => app.memoryUsage());
      const notifications = {
        mail: config.mail
          ? {
              bookingsUrl: new URL('/mynumber/reservations', config.mail.publicUrl).href,
              waitlistOfferUrl: new URL('/mynumber/waitlist', config.mail.publicUrl).href,
            }
          : null,
        push: config.push ? { publicKey: config.push.publicKey, serviceHosts: config.push.allowedHosts } : null,
      };
      // SQLite is served by this one process (WORKERS > 1 is refused on it): every change of a booking
      // passes here, so slots seen full can be refused without a transaction. Not so with PostgreSQL.
      const seesEveryChange = store.engine === 'sqlite';
      const counter = createCounterService({ content: content.counter, store, lookupGuard: limits, notifications, now, seesEveryChange });
      const facilities = createFacilityService({
        content: content.facilities,
        store,
        lookupGuard: limits,
        mail: config.mail
          ? {
              bookingsUrl: new URL('/facilities/bookings', config.mail.publicUrl).href,
              waitlistOfferUrl: new URL('/facilities/waitlist', config.mail.publicUrl).href,
            }
          : null,
        now,
        sampleFacilitiesBookable: config.sampleFacilitiesBookable,
        seesEveryChange,
      });
      bookingRoutes(api, bookingEndpoints(counter, facilities));
      const waitlists = [counter.waitlist, facilities.waitlist].flatMap((waitlist) => (waitlist ? [waitlist] : []));
      if (waitlists.length > 0) {
        // キャンセル待ち: offers whose time is up pass down, and what the desk freed (a clerk's cancel,
        // more desks, a room unblocked, a 仮予約 lapsed) goes to those waiting. Every instance sweeps;
        // each queue is settled under its slot's or room's lock, so two sweeps never offer one thing twice.
        const sweep = setInterval(() => {
          for (const waitlist of waitlists) waitlist.settleAll().catch((error: unknown) => api.log.error({ err: error }, 'waitlist sweep failed'));
        }, WAITLIST_SWEEP_MS);
        sweep.unref();
        api.addHook('onClose', (_instance, done) => {
          clearInterval(sweep);
          done();
        });
      }
      const auth = staffAuth(store.staff, config.staff, now);
      staffRoutes(api, {
        auth,
        accounts: staffAccounts(store.staff, now),
        desk: staffDesk({
          store,
          counter: content.counter,
          facilities: content.facilities,
          counterService: counter,
          facilityService: facilities,
          notifications,
          now,
        }),
        store: store.staff,
        idleMinutes: config.staff.idleMs / 60_000,
        passkeys: config.staffPasskeys && staffPasskeys(store.staff, auth, config.staffPasskeys, now),
        now,
      });
      kioskRoutes(api, config.kioskPinHash, limits);
    },
    { prefix: '/api/v1' },
  );

  const openApiDocument = buildOpenApiDocument(version);
  app.get('/api/openapi.json', async (_request, reply) => reply.header('Cache-Control', 'no-cache').send(openApiDocument));

  await installStaticFiles(app, config.staticDir);
  return app;
}
