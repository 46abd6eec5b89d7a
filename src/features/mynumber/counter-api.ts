import { queryOptions } from '@tanstack/react-query';
import { callEndpoint } from '../../client/api-client.ts';
import { counterContracts } from '../../domain/booking-contracts.ts';
import type { ManagementLink } from '../../domain/management-links.ts';
import type { CounterAvailability, CounterReservation, CounterReservationCreated, NewCounterReservation } from '../../domain/counter-reservation.ts';
import type { NewWaitlistRequest, WaitlistJoined, WaitlistOffer } from '../../domain/counter-waitlist.ts';
import type { WaitlistLeft, WaitlistPlace } from '../../domain/counter-waitlist-place.ts';

const api = counterContracts;

export function availabilityQuery() {
  return queryOptions({
    queryKey: ['counter', 'availability'],
    queryFn: () => callEndpoint<CounterAvailability>(api.availability),
    staleTime: 15_000,
  });
}

/** The booking and the devices it is open on, in one answer; the page reads both parts of it. */
export function reservationQuery(code: string, token: string) {
  return queryOptions({
    queryKey: ['counter', 'reservation', code],
    queryFn: () => callEndpoint<{ reservation: CounterReservation; links?: ManagementLink[] }>(api.view, { params: { code }, token }),
    retry: false,
  });
}

/** Closes every management link of the booking but this device's; returns those left. */
export async function closeOtherLinks(code: string, token: string) {
  return (await callEndpoint<{ links: ManagementLink[] }>(api.closeOtherLinks, { params: { code }, token })).links;
}

/** The same key for every retry of one confirmation, so a lost answer never books twice. */
export function createReservation(booking: NewCounterReservation, idempotencyKey: string) {
  return callEndpoint<CounterReservationCreated>(api.book, { body: booking, idempotencyKey });
}

export async function changeReservation(code: string, token: string, slot: { date: string; time: string }) {
  return (await callEndpoint<{ reservation: CounterReservation }>(api.change, { params: { code }, token, body: { slot } })).reservation;
}

export async function cancelReservation(code: string, token: string) {
  return (await callEndpoint<{ reservation: CounterReservation }>(api.cancel, { params: { code }, token })).reservation;
}

export function lookUpReservation(code: string, phone: string) {
  return callEndpoint<CounterReservationCreated>(api.lookUp, { body: { code, phone } });
}

/** Joins キャンセル待ち for a full slot, with the same details as a booking (the address required). */
export function joinWaitlist(request: NewWaitlistRequest) {
  return callEndpoint<WaitlistJoined>(api.waitlistJoin, { body: request });
}

/** The place in line behind the link given at joining (its secret from the link's #token=). */
export function waitlistPlaceQuery(token: string) {
  return queryOptions({
    queryKey: ['counter', 'waitlist-place', token],
    queryFn: () => callEndpoint<WaitlistPlace>(api.waitlistPlace, { token }),
    retry: false,
  });
}

/** Leaves the queue: the entry and its contact data are deleted. */
export function leaveWaitlist(token: string) {
  return callEndpoint<WaitlistLeft>(api.waitlistLeave, { token });
}

/** The offer behind a mail's link (its secret from the link's #token=). */
export function waitlistOfferQuery(token: string) {
  return queryOptions({
    queryKey: ['counter', 'waitlist-offer', token],
    queryFn: () => callEndpoint<WaitlistOffer>(api.waitlistOffer, { token }),
    retry: false,
  });
}

/** One tap: the held seat becomes a booking; the same key for every retry, so a lost answer never books twice. */
export function acceptWaitlistOffer(token: string, idempotencyKey: string) {
  return callEndpoint<CounterReservationCreated>(api.waitlistAccept, { token, idempotencyKey });
}

export function declineWaitlistOffer(token: string) {
  return callEndpoint<WaitlistOffer>(api.waitlistDecline, { token });
}
