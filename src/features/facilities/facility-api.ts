import { queryOptions } from '@tanstack/react-query';
import type { ManagementLink } from '../../domain/management-links.ts';
import { createDeviceList } from '../../client/device-list.ts';
import { requestJson } from '../../client/api-client.ts';
import type { FacilityBooking, FacilityBookingCreated, FacilityChoice, FacilityDay, FacilityQuote, NewFacilityBooking } from '../../domain/facility-booking.ts';

const BASE = '/api/v1/facilities';

export function roomAvailabilityQuery(facilityId: string, roomId: string) {
  return queryOptions({
    queryKey: ['facilities', 'availability', facilityId, roomId],
    queryFn: async () => (await requestJson<{ days: FacilityDay[] }>(`${BASE}/${facilityId}/rooms/${roomId}/availability`)).days,
    staleTime: 15_000,
  });
}

/** The fee always comes from the server, which computes it from the facility's content. */
export function quoteQuery(choice: FacilityChoice) {
  return queryOptions({
    queryKey: ['facilities', 'quote', choice],
    queryFn: () => requestJson<FacilityQuote>(`${BASE}/quote`, { method: 'POST', body: JSON.stringify(choice) }),
    retry: false,
  });
}

/** The booking and the devices it is open on, in one answer; the page reads both parts of it. */
export function bookingQuery(code: string, token: string) {
  return queryOptions({
    queryKey: ['facilities', 'booking', code],
    queryFn: () => requestJson<{ booking: FacilityBooking; links?: ManagementLink[] }>(`${BASE}/bookings/${code}`, { headers: { Authorization: `Bearer ${token}` } }),
    retry: false,
  });
}

/** Closes every management link of the booking but this device's; returns those left. */
export async function closeOtherLinks(code: string, token: string) {
  return (await requestJson<{ links: ManagementLink[] }>(`${BASE}/bookings/${code}/links`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } })).links;
}

/** The same key for every retry of one confirmation, so a lost answer never books twice. */
export function createBooking(booking: NewFacilityBooking, idempotencyKey: string) {
  return requestJson<FacilityBookingCreated>(`${BASE}/bookings`, { method: 'POST', headers: { 'Idempotency-Key': idempotencyKey }, body: JSON.stringify(booking) });
}

export async function changeBooking(code: string, token: string, change: { dates: string[]; blockIds: string[] }) {
  return (
    await requestJson<{ booking: FacilityBooking }>(`${BASE}/bookings/${code}`, { method: 'PATCH', headers: { Authorization: `Bearer ${token}` }, body: JSON.stringify(change) })
  ).booking;
}

export async function cancelBooking(code: string, token: string) {
  return (await requestJson<{ booking: FacilityBooking }>(`${BASE}/bookings/${code}`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } })).booking;
}

/** The facility bookings made on this device: enough to open them again. */
export interface SavedFacilityBooking {
  code: string;
  token: string;
  facilityId: string;
  roomId: string;
  firstDate: string;
}

function isSaved(value: unknown): value is SavedFacilityBooking {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['code', 'token', 'facilityId', 'roomId', 'firstDate'].every((field) => typeof record[field] === 'string');
}

export const savedFacilityBookings = createDeviceList('tsunagaru-togane:facility-bookings', isSaved, (booking) => booking.firstDate);
