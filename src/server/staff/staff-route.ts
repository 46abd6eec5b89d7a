import type { ApiContract } from '../../domain/api-contract.ts';
import type { StaffArea } from '../../domain/staff-roles.ts';
import type { ContractRequest } from '../route-helpers.ts';
import type { SignedIn } from './staff-auth.ts';

/** A contract of a route behind a staff session (src/domain/staff-contracts.ts). */
export type StaffContract = ApiContract & { staffSession: StaffArea | 'any' };

/** What a staff route's handler gets: the parts its contract's schemas have parsed, and who is signed in. */
export type StaffRequest<Contract extends ApiContract> = ContractRequest<Contract, { who: SignedIn }>;

/** Registers a route from its contract behind the session, role, Origin and CSRF checks (see staffRoutes). */
export type StaffRoute = <Contract extends StaffContract>(contract: Contract, handle: (input: StaffRequest<Contract>) => unknown) => void;
