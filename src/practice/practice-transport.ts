import { counter as counterContent } from '../content/counter.ts';
import { facilitiesContent } from '../content/facilities.ts';
import { matchPath } from '../domain/api-contract.ts';
import { errorBody } from '../domain/api-error.ts';
import { ApiHttpError } from '../domain/api-refusal.ts';
import type { AttemptGuard } from '../booking/attempt-guard.ts';
import { type BookingEndpoint, bookingEndpoints } from '../booking/booking-api.ts';
import { createCounterService } from '../booking/counter-service.ts';
import { createFacilityService } from '../booking/facility-service.ts';
import { SerialisedJson } from '../booking/serialised-json.ts';
import type { BookingStore } from '../booking/store.ts';

/** Answers a request as the API would, without sending it anywhere. */
export type Transport = (request: Request) => Promise<Response>;

const PRACTICE_ONLY_MESSAGE = '練習モードでは、この操作はできません。練習をおわってから、お試しください。';

/**
 * The practice bookings live on the learner's own device, so there is nobody else's booking to
 * guess at: every look-up by code + phone is let through.
 */
const everyTry: AttemptGuard = {
  async guard(_subjects, check) {
    return { allowed: true, value: (await check()).value };
  },
};

export interface PracticeEngineOptions {
  store: BookingStore;
  now?: () => Date;
  /**
   * The sample 公民館 exists to be booked in practice; a test of parity with a server that refuses
   * samples (the default deployment) turns this off.
   */
  sampleFacilitiesBookable?: boolean;
}

const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  new Response(body instanceof SerialisedJson ? body.text : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
  });

/** The body as the server's JSON parser reads it: none, JSON, or a 400. */
async function readBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiHttpError(400, 'bad_request');
  }
}

async function answerWith(endpoint: BookingEndpoint, params: Record<string, string>, request: Request): Promise<Response> {
  const url = new URL(request.url);
  const answered = await endpoint.answer({
    params,
    query: Object.fromEntries(url.searchParams),
    body: await readBody(request),
    authorization: request.headers.get('authorization') ?? undefined,
    idempotencyKey: request.headers.get('idempotency-key') ?? undefined,
    clientAddress: 'this-device',
  });
  return json(answered.body, answered.status, answered.replayed ? { 'Idempotent-Replayed': 'true' } : {});
}

/**
 * The practice mode's API: the server's booking services and endpoints (src/booking) over a
 * practice store, so a practice booking follows exactly the rules of a real one and is refused with
 * the same Japanese messages. A request no booking endpoint answers is refused here; none ever goes
 * to the network.
 */
export function createPracticeTransport({ store, now = () => new Date(), sampleFacilitiesBookable = true }: PracticeEngineOptions): Transport {
  const endpoints = bookingEndpoints(
    // The practice store is this tab's own: every change passes through these services.
    createCounterService({ content: counterContent, store, lookupGuard: everyTry, notifications: { mail: null, push: null }, now, seesEveryChange: true }),
    createFacilityService({ content: facilitiesContent, store, lookupGuard: everyTry, mail: null, now, sampleFacilitiesBookable, seesEveryChange: true }),
  );
  return async (request) => {
    const { pathname } = new URL(request.url);
    try {
      for (const endpoint of endpoints) {
        const params = endpoint.contract.method === request.method ? matchPath(endpoint.contract, pathname) : null;
        if (params) return await answerWith(endpoint, params, request);
      }
      return json(errorBody('not_found', PRACTICE_ONLY_MESSAGE), 404);
    } catch (error) {
      if (error instanceof ApiHttpError) return json(errorBody(error.code, error.message, error.fields), error.statusCode);
      console.error(error);
      return json(errorBody('internal_error'), 500);
    }
  };
}
