import { queryOptions } from '@tanstack/react-query';
import { ApiRequestError, requestJson } from '../../client/api-client.ts';
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
import type { StaffFigures } from '../../domain/staff-figures.ts';
import type { StaffRole } from '../../domain/staff-roles.ts';

/**
 * The staff screens' calls. The session lives in an HttpOnly cookie the page cannot read; every
 * change also sends the session's CSRF token in a header, which another site cannot know.
 */
export const staffSessionKey = ['staff', 'session'] as const;

export const staffSessionQuery = () =>
  queryOptions({
    queryKey: staffSessionKey,
    queryFn: async (): Promise<StaffSessionAnswer | null> => {
      try {
        return await requestJson<StaffSessionAnswer>('/api/v1/staff/session');
      } catch (error) {
        if (error instanceof ApiRequestError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: Infinity,
    retry: false,
  });

export function signIn(loginName: string, password: string): Promise<StaffSessionAnswer> {
  return requestJson<StaffSessionAnswer>('/api/v1/staff/session', { method: 'POST', body: JSON.stringify({ loginName, password }) });
}

/** A change made as the signed-in clerk. */
export function staffChange(csrfToken: string, method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
  return requestJson(`/api/v1/staff${path}`, {
    method,
    headers: { 'X-CSRF-Token': csrfToken },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

export const counterDayQuery = (date: string) =>
  queryOptions({
    queryKey: ['staff', 'counter', date],
    queryFn: () => requestJson<{ bookings: CounterDeskBooking[] }>(`/api/v1/staff/counter/bookings?date=${date}`),
    retry: false,
  });

export const figuresQuery = (month: string) =>
  queryOptions({
    queryKey: ['staff', 'figures', month],
    queryFn: () => requestJson<StaffFigures>(`/api/v1/staff/figures?month=${month}`),
    retry: false,
  });

/** The same figures as a file: a plain link, which sends the session cookie like any page of this site. */
export const figuresCsvHref = (month: string) => `/api/v1/staff/figures.csv?month=${month}`;

export const closuresQuery = () =>
  queryOptions({ queryKey: ['staff', 'closures'], queryFn: () => requestJson<{ closures: CounterClosure[] }>('/api/v1/staff/counter/closures'), retry: false });

export const dayDesksQuery = () =>
  queryOptions({ queryKey: ['staff', 'desks'], queryFn: () => requestJson<DayDesksListing>('/api/v1/staff/counter/desks'), retry: false });

export const provisionalQuery = () =>
  queryOptions({
    queryKey: ['staff', 'provisional'],
    queryFn: () => requestJson<{ bookings: ProvisionalFacilityBooking[] }>('/api/v1/staff/facilities/provisional'),
    retry: false,
  });

export const bookedFacilitiesQuery = () =>
  queryOptions({
    queryKey: ['staff', 'booked-facilities'],
    queryFn: () => requestJson<{ bookings: BookedFacilityBooking[] }>('/api/v1/staff/facilities/booked'),
    retry: false,
  });

export const accountsQuery = () =>
  queryOptions({ queryKey: ['staff', 'accounts'], queryFn: () => requestJson<{ accounts: StaffAccountListing[] }>('/api/v1/staff/accounts'), retry: false });

export const sessionsQuery = () =>
  queryOptions({ queryKey: ['staff', 'sessions'], queryFn: () => requestJson<{ sessions: StaffSessionListing[] }>('/api/v1/staff/sessions'), retry: false });

export const auditQuery = () =>
  queryOptions({ queryKey: ['staff', 'audit'], queryFn: () => requestJson<{ entries: AuditEntry[] }>('/api/v1/staff/audit'), retry: false });

export type NewAccount = { loginName: string; displayName: string; role: StaffRole; password: string };
