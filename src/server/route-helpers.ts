import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ApiContract, routePath } from '../domain/api-contract.ts';
import { parseRequestParts, type RequestParts } from '../domain/api-refusal.ts';

/** What a route's handler gets: the request's parts as its contract's schemas parsed them, and what `admit` found. */
export type ContractRequest<Contract extends ApiContract, Admitted> = RequestParts<Contract> &
  Admitted & {
    request: FastifyRequest;
    reply: FastifyReply;
  };

/**
 * Registers a route from its contract (src/domain/*-contracts.ts): the method and path come from
 * there. `admit` runs first (a staff session, say, so a stranger learns nothing from a 400), then the
 * contract's schemas read params, query and body. The answer is sent with the contract's status
 * unless the handler sets another (the health check's 503).
 */
export function contractRoute<Contract extends ApiContract, Admitted extends object>(
  api: FastifyInstance,
  contract: Contract,
  admit: (request: FastifyRequest) => Admitted | Promise<Admitted>,
  handle: (input: ContractRequest<Contract, Admitted>) => unknown,
): void {
  api.route({
    method: contract.method,
    url: routePath(contract),
    handler: async (request, reply) => {
      const admitted = await admit(request);
      const parts = parseRequestParts(contract, request);
      reply.status(contract.answer.status);
      return handle({ ...parts, ...admitted, request, reply });
    },
  });
}
