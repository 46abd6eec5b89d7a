import { queryOptions } from '@tanstack/react-query';
import type { ManagementLink } from '../../domain/management-links.ts';
import { createDeviceList, hasStringFields } from '../../client/device-list.ts';
import { callEndpoint } from '../../client/api-client.ts';
import { facilityContracts } from '../../domain/booking-contracts.ts';
import type { FacilityBooking, FacilityBookingCreated, FacilityChoice, FacilityDay, FacilityQuote, NewFacilityBooking } from '../../domain/facility-booking.ts';

const api = facilityContracts;

export function roomAvailabilityQuery(facilityId: string, roomId: string) {
  return queryOptions({
    queryKey: ['facilities', 'availability', facilityId, roomId],
    queryFn: async () => (await callEndpoint<{ days: FacilityDay[] }>(api.availability, { params: { facilityId, roomId } })).days,
    staleTime: 15_000,
  });
}

/** The fee always comes from the server, which computes it from the facility's content. */
export function quoteQuery(choice: FacilityChoice) {
  return queryOptions({
    queryKey: ['facilities', 'quote', choice],
    queryFn: () => callEndpoint<FacilityQuote>(api.quote, { body: choice }),
    retry: false,
  });
}

/** The booking and the devices it is open on, in one answer; the page reads both parts of it. */
export function bookingQuery(code: string, token: string) {
  return queryOptions({
    queryKey: ['facilities', 'booking', code],
    queryFn: () => callEndpoint<{ booking: FacilityBooking; links?: ManagementLink[] }>(api.view, { params: { code }, token }),
    retry: false,
  });
}

/** Closes every management link of the booking but this device's; returns those left. */
export async function closeOtherLinks(code: string, token: string) {
  return (await callEndpoint<{ links: ManagementLink[] }>(api.closeOtherLinks, { params: { code }, token })).links;
}

/** The same key for every retry of one confirmation, so a lost answer never books twice. */
export function createBooking(booking: NewFacilityBooking, idempotencyKey: string) {
  return callEndpoint<FacilityBookingCreated>(api.book, { body: booking, idempotencyKey });
}

export async function changeBooking(code: string, token: string, change: { dates: string[]; blockIds: string[] }) {
  return (await callEndpoint<{ booking: FacilityBooking }>(api.change, { params: { code }, token, body: change })).booking;
}

export async function cancelBooking(code: string, token: string) {
  return (await callEndpoint<{ booking: FacilityBooking }>(api.cancel, { params: { code }, token })).booking;
}

/** Finds a booking made elsewhere by its code and phone: the answer carries a token for this device. */
export function lookUpBooking(code: string, phone: string) {
  return callEndpoint<FacilityBookingCreated>(api.lookUp, { body: { code, phone } });
}

/** The facility bookings made on this device: enough to open them again. */
export interface SavedFacilityBooking {
  code: string;
  token: string;
  facilityId: string;
  roomId: string;
  firstDate: string;
}

export const savedFacilityBookings = createDeviceList(
  'tsunagaru-togane:facility-bookings',
  hasStringFields<SavedFacilityBooking>(['code', 'token', 'facilityId', 'roomId', 'firstDate']),
  (booking) => booking.firstDate,
);
