import { queryOptions } from '@tanstack/react-query';
import { requestJson } from '../../client/api-client.ts';
import type { ManagementLink } from '../../domain/management-links.ts';
import type { CounterDay, CounterReservation, CounterReservationCreated, NewCounterReservation } from '../../domain/counter-reservation.ts';

const BASE = '/api/v1/counter';

export function availabilityQuery() {
  return queryOptions({
    queryKey: ['counter', 'availability'],
    queryFn: async () => (await requestJson<{ days: CounterDay[] }>(`${BASE}/availability`)).days,
    staleTime: 15_000,
  });
}

/** The booking and the devices it is open on, in one answer; the page reads both parts of it. */
export function reservationQuery(code: string, token: string) {
  return queryOptions({
    queryKey: ['counter', 'reservation', code],
    queryFn: () =>
      requestJson<{ reservation: CounterReservation; links?: ManagementLink[] }>(`${BASE}/reservations/${code}`, { headers: { Authorization: `Bearer ${token}` } }),
    retry: false,
  });
}

/** Closes every management link of the booking but this device's; returns those left. */
export async function closeOtherLinks(code: string, token: string) {
  return (await requestJson<{ links: ManagementLink[] }>(`${BASE}/reservations/${code}/links`, { method: 'DELETE', headers: { Authorization: `Bearer ${token}` } })).links;
}

/** The same key for every retry of one confirmation, so a lost answer never books twice. */
export function createReservation(booking: NewCounterReservation, idempotencyKey: string) {
  return requestJson<CounterReservationCreated>(`${BASE}/reservations`, {
    method: 'POST',
    headers: { 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify(booking),
  });
}

export async function changeReservation(code: string, token: string, slot: { date: string; time: string }) {
  return (
    await requestJson<{ reservation: CounterReservation }>(`${BASE}/reservations/${code}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}` },
      body: JSON.stringify({ slot }),
    })
  ).reservation;
}

export async function cancelReservation(code: string, token: string) {
  return (
    await requestJson<{ reservation: CounterReservation }>(`${BASE}/reservations/${code}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${token}` },
    })
  ).reservation;
}

export function lookUpReservation(code: string, phone: string) {
  return requestJson<CounterReservationCreated>(`${BASE}/reservations/lookup`, { method: 'POST', body: JSON.stringify({ code, phone }) });
}
