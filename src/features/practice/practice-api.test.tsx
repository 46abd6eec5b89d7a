import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError, requestJson } from '../../client/api-client.ts';
import { createDeviceList } from '../../client/device-list.ts';
import { clearPracticeData, endPractice, isPracticeMode, startPractice } from '../../client/practice-mode.ts';
import { counter } from '../../content/counter.ts';
import type { CounterDay, CounterReservation, CounterReservationCreated } from '../../domain/counter-reservation.ts';
import type { FacilityBooking, FacilityBookingCreated, FacilityDay, FacilityQuote } from '../../domain/facility-booking.ts';

/**
 * The practice mode end to end below the screens: requestJson in practice mode is answered by the
 * practice engine (the server's booking services over practice data), and never calls fetch.
 */
const fetchSpy = vi.spyOn(globalThis, 'fetch');

beforeEach(() => {
  fetchSpy.mockClear();
  startPractice();
});
afterEach(() => {
  endPractice();
  expect(fetchSpy).not.toHaveBeenCalled();
});

const post = (body: unknown, headers: Record<string, string> = {}) => ({ method: 'POST', headers, body: JSON.stringify(body) });
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function freeCounterSlot(): Promise<{ date: string; time: string }> {
  const { days } = await requestJson<{ days: CounterDay[] }>('/api/v1/counter/availability');
  for (const day of days) {
    const slot = day.slots.find((candidate) => candidate.bookable);
    if (slot) return { date: day.date, time: slot.time };
  }
  throw new Error('no free slot');
}

const visitor = (slot: { date: string; time: string }) => ({
  kindId: 'card-pickup',
  slot,
  nameKana: 'とうがね はなこ',
  phone: '0475-50-1210',
  people: 1,
  proxy: false,
});

async function refusal(call: Promise<unknown>): Promise<ApiRequestError> {
  const error = await call.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ApiRequestError)) throw new Error('expected the practice API to refuse');
  return error;
}

describe('the counter in practice mode', () => {
  it('books up to the desks of a slot, then refuses like the server, and a cancellation frees the seat', async () => {
    const slot = await freeCounterSlot();
    const booked: CounterReservationCreated[] = [];
    for (let seat = 0; seat < counter.desksPerSlot; seat += 1) {
      booked.push(await requestJson<CounterReservationCreated>('/api/v1/counter/reservations', post(visitor(slot))));
    }
    expect(booked[0]?.reservation).toMatchObject({ nameKana: 'トウガネ ハナコ', phone: '0475501210', status: 'booked', slot });
    const full = await refusal(requestJson('/api/v1/counter/reservations', post(visitor(slot))));
    expect(full.status).toBe(409);
    expect(full.message).toBe('この時間は、ちょうど予約でいっぱいになりました。ほかの時間を選んでください。');

    const first = booked[0];
    if (!first) throw new Error('no booking');
    const cancelled = await requestJson<{ reservation: CounterReservation }>(`/api/v1/counter/reservations/${first.reservation.code}`, {
      method: 'DELETE',
      headers: bearer(first.token),
    });
    expect(cancelled.reservation.status).toBe('cancelled');
    await requestJson('/api/v1/counter/reservations', post(visitor(slot)));
  });

  it('books once per Idempotency-Key and refuses another body under the same key', async () => {
    const slot = await freeCounterSlot();
    const key = { 'Idempotency-Key': '3d5e7f90-1a2b-4c3d-8e4f-5a6b7c8d9e0f' };
    const once = await requestJson<CounterReservationCreated>('/api/v1/counter/reservations', post(visitor(slot), key));
    const again = await requestJson<CounterReservationCreated>('/api/v1/counter/reservations', post(visitor(slot), key));
    expect(again.reservation.code).toBe(once.reservation.code);
    const other = await refusal(requestJson('/api/v1/counter/reservations', post({ ...visitor(slot), people: 2 }, key)));
    expect(other.status).toBe(422);
  });

  it('checks the form with the same schema and Japanese messages, and hides a booking from a wrong token', async () => {
    const slot = await freeCounterSlot();
    const invalid = await refusal(requestJson('/api/v1/counter/reservations', post({ ...visitor(slot), nameKana: '' })));
    expect(invalid.code).toBe('validation_failed');
    expect(invalid.fields).toContainEqual({ path: 'nameKana', message: 'お名前をカタカナで入力してください（例：トウガネ タロウ）。' });

    const { reservation } = await requestJson<CounterReservationCreated>('/api/v1/counter/reservations', post(visitor(slot)));
    const hidden = await refusal(requestJson(`/api/v1/counter/reservations/${reservation.code}`, { headers: bearer('x'.repeat(43)) }));
    expect(hidden.status).toBe(404);
    const found = await requestJson<CounterReservationCreated>('/api/v1/counter/reservations/lookup', post({ code: reservation.code, phone: '0475501210' }));
    expect(found.reservation.code).toBe(reservation.code);
  });
});

describe('facilities in practice mode', () => {
  const choice = (date: string, blockIds: string[]) => ({
    facilityId: 'sample-kominkan',
    roomId: 'meeting',
    dates: [date],
    blockIds,
    residency: 'resident',
    group: 'general',
  });
  const applicant = { purpose: '練習', headCount: 5, groupName: '', nameKana: 'トウガネ ハナコ', phone: '0475501210' };

  async function freeDay(): Promise<string> {
    const { days } = await requestJson<{ days: FacilityDay[] }>('/api/v1/facilities/sample-kominkan/rooms/meeting/availability');
    const day = days.find((candidate) => candidate.blocks.every((block) => block.bookable));
    if (!day) throw new Error('no free day');
    return day.date;
  }

  it('prices from content, never lets two bookings share a block (全日 covers 午前), and changes and cancels', async () => {
    const date = await freeDay();
    const quote = await requestJson<FacilityQuote>('/api/v1/facilities/quote', post(choice(date, ['morning'])));
    expect(quote.fee).toBe(600);
    const { booking, token } = await requestJson<FacilityBookingCreated>('/api/v1/facilities/bookings', post({ ...choice(date, ['morning']), ...applicant }));
    expect(booking).toMatchObject({ fee: 600, status: 'booked' });

    const overlap = await refusal(requestJson('/api/v1/facilities/bookings', post({ ...choice(date, ['all-day']), ...applicant })));
    expect(overlap.status).toBe(409);
    expect(overlap.message).toBe('選んだ時間の一部が、ちょうどほかの方の予約で埋まりました。空き状況を見て、選び直してください。');
    const { days } = await requestJson<{ days: FacilityDay[] }>(`/api/v1/facilities/sample-kominkan/rooms/meeting/availability?from=${date}&to=${date}`);
    expect(days[0]?.blocks.find((block) => block.id === 'morning')?.bookable).toBe(false);

    const changed = await requestJson<{ booking: FacilityBooking }>(`/api/v1/facilities/bookings/${booking.code}`, {
      method: 'PATCH',
      headers: bearer(token),
      body: JSON.stringify({ dates: [date], blockIds: ['afternoon'] }),
    });
    expect(changed.booking.blockIds).toEqual(['afternoon']);
    await requestJson('/api/v1/facilities/bookings', post({ ...choice(date, ['morning']), ...applicant }));

    const cancelled = await requestJson<{ booking: FacilityBooking }>(`/api/v1/facilities/bookings/${booking.code}`, {
      method: 'DELETE',
      headers: bearer(token),
    });
    expect(cancelled.booking.status).toBe('cancelled');
    await requestJson('/api/v1/facilities/bookings', post({ ...choice(date, ['afternoon']), ...applicant }));
  });

  it('refuses a room that is not booked in the portal, with the same message', async () => {
    const refused = await refusal(requestJson('/api/v1/facilities/togane-arena/rooms/main-arena/availability'));
    expect(refused.status).toBe(422);
    expect(refused.message).toBe('東金アリーナは、このアプリでは予約できません。施設のページで予約の方法をご覧ください。');
  });
});

describe('the practice data', () => {
  const list = createDeviceList(
    'tsunagaru-togane:test-bookings',
    (value): value is { code: string } => typeof value === 'object' && value !== null,
    (item) => item.code,
  );

  it('keeps practice bookings out of the real list, and the reset and leaving remove them', async () => {
    list.save({ code: 'PRACTICE' });
    expect(list.find('PRACTICE')).toBeDefined();

    const slot = await freeCounterSlot();
    const { reservation, token } = await requestJson<CounterReservationCreated>('/api/v1/counter/reservations', post(visitor(slot)));
    clearPracticeData();
    expect(isPracticeMode()).toBe(true);
    expect(list.find('PRACTICE')).toBeUndefined();
    expect((await refusal(requestJson(`/api/v1/counter/reservations/${reservation.code}`, { headers: bearer(token) }))).status).toBe(404);

    list.save({ code: 'PRACTICE' });
    endPractice();
    expect(isPracticeMode()).toBe(false);
    expect(list.find('PRACTICE')).toBeUndefined();
    expect(window.localStorage.getItem('tsunagaru-togane:test-bookings')).toBeNull();
    expect(Object.keys(window.sessionStorage)).toEqual([]);
    startPractice();
  });
});
