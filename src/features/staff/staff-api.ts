import { queryOptions } from '@tanstack/react-query';
import { ApiRequestError, callEndpoint } from '../../client/api-client.ts';
import { type ApiContract, callPath } from '../../domain/api-contract.ts';
import type {
  AuditEntry,
  BookedFacilityBooking,
  CounterClosure,
  CounterDeskBooking,
  DayDesksListing,
  ProvisionalFacilityBooking,
  StaffAccountListing,
  StaffSessionAnswer,
  StaffSessionListing,
} from '../../domain/staff-api.ts';
import { staffContracts as api } from '../../domain/staff-contracts.ts';
import type { StaffFigures } from '../../domain/staff-figures.ts';
import type { DaySheet, RoomBlock } from '../../domain/room-blocks.ts';
import type { StaffPasskeyListing } from '../../domain/staff-passkeys.ts';
import type { StaffRole } from '../../domain/staff-roles.ts';
import type { UndeliveredMail } from '../../domain/undelivered-mail.ts';

/**
 * The staff screens' calls, each through its contract (src/domain/staff-contracts.ts). The session
 * lives in an HttpOnly cookie the page cannot read; every change also sends the session's CSRF
 * token in a header, which another site cannot know.
 */
export const staffSessionKey = ['staff', 'session'] as const;

export const staffSessionQuery = () =>
  queryOptions({
    queryKey: staffSessionKey,
    queryFn: async (): Promise<StaffSessionAnswer | null> => {
      try {
        return await callEndpoint<StaffSessionAnswer>(api.session);
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
    retry: false,
  });

export function signIn(loginName: string, password: string): Promise<StaffSessionAnswer> {
  return callEndpoint<StaffSessionAnswer>(api.signIn, { body: { loginName, password } });
}

/** What a change sends besides the CSRF token: its path parameters and body. */
export interface StaffCall {
  params?: Record<string, string>;
  body?: unknown;
}

/** A change made as the signed-in clerk. */
export function staffChange(csrfToken: string, contract: ApiContract, call: StaffCall = {}): Promise<unknown> {
  return callEndpoint(contract, { ...call, csrfToken });
}

/** A list a staff screen shows: fetched again after each change (use-staff-action.ts), never retried on failure. */
const staffList = <T>(key: readonly string[], contract: ApiContract, query?: Record<string, string>) =>
  queryOptions({ queryKey: ['staff', ...key], queryFn: () => callEndpoint<T>(contract, { query }), retry: false });

export const counterDayQuery = (date: string) => staffList<{ bookings: CounterDeskBooking[] }>(['counter', date], api.counterDay, { date });

export const figuresQuery = (month: string) => staffList<StaffFigures>(['figures', month], api.figures, { month });

/** The same figures as a file: a plain link, which sends the session cookie like any page of this site. */
export const figuresCsvHref = (month: string) => callPath(api.figuresCsv, {}, { month });

export const closuresQuery = () => staffList<{ closures: CounterClosure[] }>(['closures'], api.closures);

export const dayDesksQuery = () => staffList<DayDesksListing>(['desks'], api.dayDesks);

export const provisionalQuery = () => staffList<{ bookings: ProvisionalFacilityBooking[] }>(['provisional'], api.provisional);

export const bookedFacilitiesQuery = () => staffList<{ bookings: BookedFacilityBooking[] }>(['booked-facilities'], api.bookedFacilities);

export const roomBlocksQuery = () => staffList<{ blocks: RoomBlock[] }>(['room-blocks'], api.roomBlocks);

export const daySheetQuery = (facilityId: string, roomId: string, date: string) =>
  staffList<DaySheet>(['day-sheet', facilityId, roomId, date], api.daySheet, { facilityId, roomId, date });

export const accountsQuery = () => staffList<{ accounts: StaffAccountListing[] }>(['accounts'], api.accounts);

export const sessionsQuery = () => staffList<{ sessions: StaffSessionListing[] }>(['sessions'], api.sessions);

export const undeliveredMailQuery = () => staffList<{ mails: UndeliveredMail[] }>(['undelivered-mail'], api.undeliveredMail);
export const passkeysQuery = () => staffList<{ passkeys: StaffPasskeyListing[] }>(['passkeys'], api.passkeys);

export const auditQuery = () => staffList<{ entries: AuditEntry[] }>(['audit'], api.audit);

export type NewAccount = { loginName: string; displayName: string; role: StaffRole; password: string };
