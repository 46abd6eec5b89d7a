import type { FastifyInstance } from 'fastify';
import { routePath } from '../domain/api-contract.ts';
import type { BookingEndpoint } from '../booking/booking-api.ts';
import { SerialisedJson } from '../booking/serialised-json.ts';
import { sendSerialisedJson } from './json-answer.ts';

/** A header sent twice arrives as an array: that is not a shape we read, so it is refused like a malformed one. */
function singleHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? '' : value;
}

/**
 * The booking endpoints as Fastify routes: the thin HTTP adapter of src/booking/booking-api.ts.
 * Fastify has parsed the JSON body; everything else is read and checked by the endpoint.
 */
export function bookingRoutes(api: FastifyInstance, endpoints: BookingEndpoint[]): void {
  for (const endpoint of endpoints) {
    const { contract } = endpoint;
    api.route({
      method: contract.method,
      url: routePath(contract),
      handler: async (request, reply) => {
        const answered = await endpoint.answer({
          params: request.params,
          query: request.query,
          body: request.body,
          authorization: singleHeader(request.headers.authorization),
          idempotencyKey: singleHeader(request.headers['idempotency-key']),
          clientAddress: request.ip,
        });
        if (answered.replayed) reply.header('Idempotent-Replayed', 'true');
        if (answered.body instanceof SerialisedJson) return sendSerialisedJson(request, reply, answered.status, answered.body);
        return reply.status(answered.status).send(answered.body);
      },
    });
  }
}
