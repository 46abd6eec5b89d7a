import type { ApiContract } from '../domain/api-contract.ts';
import { ApiHttpError, parseRequestParts, type RequestParts } from '../domain/api-refusal.ts';
import { counterContracts, facilityContracts } from '../domain/booking-contracts.ts';
import { WAITLIST_MESSAGES } from '../domain/counter-waitlist.ts';
import { type HeaderReading, readIdempotencyKey, readManagementToken } from '../domain/request-headers.ts';
import type { CounterService } from './counter-service.ts';
import type { FacilityService } from './facility-service.ts';
import type { BookingRefusal } from './refusal.ts';

/**
 * The booking API answered once, for every transport: the server's Fastify routes and the practice
 * mode's in-browser transport both hand each request to these endpoints, which read it with the
 * contract's schemas, call the service and say what to answer. So a request is checked in the same
 * order, and refused with the same status and Japanese message, wherever it is sent.
 */

/** A request as a transport received it: nothing is checked yet. */
export interface ApiCall {
  params: unknown;
  query: unknown;
  body: unknown;
  /** The raw headers; undefined when absent. */
  authorization: string | undefined;
  idempotencyKey: string | undefined;
  /** The client's address, for the look-up's limit (the practice mode has one device). */
  clientAddress: string;
}

export interface ApiAnswer {
  status: number;
  /** The answer's JSON: a value, or already written out (a `SerialisedJson`, sent as it is). */
  body: unknown;
  /** A retry under the same Idempotency-Key got the first answer again (`Idempotent-Replayed`). */
  replayed: boolean;
}

export interface BookingEndpoint {
  contract: ApiContract;
  answer(call: ApiCall): Promise<ApiAnswer>;
}

interface Input<Contract extends ApiContract> extends RequestParts<Contract> {
  token: string | null;
  idempotencyKey: string | null;
  clientAddress: string;
}

function headerValue(reading: HeaderReading): string | null {
  if (!reading.ok) throw new ApiHttpError(400, 'bad_request', reading.message);
  return reading.value;
}

/** Headers first (they are checked before anything is read), then path, query and body. */
function readInput<Contract extends ApiContract>(contract: Contract, call: ApiCall): Input<Contract> {
  return {
    token: contract.managementToken ? headerValue(readManagementToken(call.authorization)) : null,
    idempotencyKey: contract.idempotencyKey ? headerValue(readIdempotencyKey(call.idempotencyKey)) : null,
    ...parseRequestParts(contract, call),
    clientAddress: call.clientAddress,
  };
}

/** An endpoint whose answer is what the service returns. */
function endpoint<Contract extends ApiContract>(contract: Contract, run: (input: Input<Contract>) => unknown): BookingEndpoint {
  return {
    contract,
    answer: async (call) => ({ status: contract.answer.status, body: await run(readInput(contract, call)), replayed: false }),
  };
}

/**
 * A booking: the service says whether the answer is a replay of the first one under the same key,
 * or refuses (a full slot, a taken block) with an answer rather than an exception.
 */
function bookingEndpoint<Contract extends ApiContract>(
  contract: Contract,
  run: (input: Input<Contract>) => Promise<{ created: unknown; replayed: boolean } | BookingRefusal>,
): BookingEndpoint {
  return {
    contract,
    async answer(call) {
      const outcome = await run(readInput(contract, call));
      if ('refused' in outcome) return { status: outcome.refused.status, body: outcome.refused.body, replayed: false };
      return { status: contract.answer.status, body: outcome.created, replayed: outcome.replayed };
    },
  };
}

/** キャンセル待ち where it is offered; elsewhere (no mail server, the practice mode) its endpoints say so. */
function waitlistOf(counter: CounterService): NonNullable<CounterService['waitlist']> {
  if (!counter.waitlist) throw new ApiHttpError(404, 'not_found', WAITLIST_MESSAGES.notOffered);
  return counter.waitlist;
}

/** The rooms' キャンセル待ち where it is offered; elsewhere its endpoints say so. */
function roomWaitlistOf(facilities: FacilityService): NonNullable<FacilityService['waitlist']> {
  if (!facilities.waitlist) throw new ApiHttpError(404, 'not_found', WAITLIST_MESSAGES.notOffered);
  return facilities.waitlist;
}

/** Every booking endpoint a citizen uses; the staff's desks are the server's own (src/server/staff/). */
export function bookingEndpoints(counter: CounterService, facilities: FacilityService): BookingEndpoint[] {
  const c = counterContracts;
  const f = facilityContracts;
  return [
    endpoint(c.availability, ({ query }) => counter.availability(query.from, query.to)),
    bookingEndpoint(c.book, ({ body, idempotencyKey }) => counter.create(body, idempotencyKey)),
    endpoint(c.lookUp, ({ body, clientAddress }) => counter.lookUpByPhone(body.code, body.phone, clientAddress)),
    endpoint(c.view, ({ params, token }) => counter.view(params.code, token)),
    endpoint(c.change, async ({ params, token, body }) => ({ reservation: await counter.change(params.code, token, body.slot) })),
    endpoint(c.cancel, async ({ params, token }) => ({ reservation: await counter.cancel(params.code, token) })),
    endpoint(c.closeOtherLinks, async ({ params, token }) => ({ links: await counter.closeOtherLinks(params.code, token) })),
    endpoint(c.waitlistJoin, ({ body }) => waitlistOf(counter).join(body)),
    endpoint(c.waitlistPlace, ({ token }) => waitlistOf(counter).place(token)),
    endpoint(c.waitlistLeave, ({ token }) => waitlistOf(counter).leave(token)),
    endpoint(c.waitlistOffer, ({ token }) => waitlistOf(counter).offer(token)),
    bookingEndpoint(c.waitlistAccept, ({ token, idempotencyKey }) => waitlistOf(counter).accept(token, idempotencyKey)),
    endpoint(c.waitlistDecline, ({ token }) => waitlistOf(counter).decline(token)),

    endpoint(f.search, async ({ query }) => ({
      results: await facilities.search({ purpose: query.purpose, date: query.date, blockId: query.block, headCount: query.headCount }),
    })),
    endpoint(f.availability, ({ params, query }) => facilities.availability(params.facilityId, params.roomId, query.from, query.to)),
    endpoint(f.quote, ({ body }) => facilities.quote(body)),
    bookingEndpoint(f.book, ({ body, idempotencyKey }) => facilities.create(body, idempotencyKey)),
    endpoint(f.lookUp, ({ body, clientAddress }) => facilities.lookUpByPhone(body.code, body.phone, clientAddress)),
    endpoint(f.view, ({ params, token }) => facilities.view(params.code, token)),
    endpoint(f.change, async ({ params, token, body }) => ({ booking: await facilities.change(params.code, token, body) })),
    endpoint(f.cancel, async ({ params, token }) => ({ booking: await facilities.cancel(params.code, token) })),
    endpoint(f.closeOtherLinks, async ({ params, token }) => ({ links: await facilities.closeOtherLinks(params.code, token) })),
    endpoint(f.waitlistJoin, ({ body }) => roomWaitlistOf(facilities).join(body)),
    endpoint(f.waitlistOffer, ({ token }) => roomWaitlistOf(facilities).offer(token)),
    bookingEndpoint(f.waitlistAccept, ({ token, idempotencyKey }) => roomWaitlistOf(facilities).accept(token, idempotencyKey)),
    endpoint(f.waitlistDecline, ({ token }) => roomWaitlistOf(facilities).decline(token)),
  ];
}
