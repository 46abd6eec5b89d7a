import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiContract } from '../../domain/api-contract.ts';
import type { RequestParts } from '../../domain/api-refusal.ts';
import type { StaffArea } from '../../domain/staff-roles.ts';
import type { SignedIn } from './staff-auth.ts';

/** A contract of a route behind a staff session (src/domain/staff-contracts.ts). */
export type StaffContract = ApiContract & { staffSession: StaffArea | 'any' };

/** What a staff route's handler gets: the parts its contract's schemas have parsed, and who is signed in. */
export interface StaffRequest<Contract extends ApiContract> extends RequestParts<Contract> {
  who: SignedIn;
  request: FastifyRequest;
  reply: FastifyReply;
}

/** Registers a route from its contract behind the session, role, Origin and CSRF checks (see staffRoutes). */
export type StaffRoute = <Contract extends StaffContract>(contract: Contract, handle: (input: StaffRequest<Contract>) => unknown) => void;
