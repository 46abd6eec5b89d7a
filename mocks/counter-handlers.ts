import { http } from 'msw';
import { rangeProblem } from '../src/domain/date-range.ts';
import type { CounterContent } from '../src/domain/counter.ts';
import { checkSlot, counterDays, SLOT_REFUSAL_MESSAGES } from '../src/domain/counter-calendar.ts';
import {
  changeSlotSchema,
  COUNTER_MESSAGES,
  type CounterReservation,
  type CounterReservationCreated,
  lookupByPhoneSchema,
  newCounterReservationSchema,
} from '../src/domain/counter-reservation.ts';
import { dateRangeQuerySchema } from '../src/domain/day-availability.ts';
import { addDays, formatTime, japanClock, parseTime, timeKey } from '../src/domain/japan-time.ts';
import { answer, bearerToken, codeParam, idempotencyKey, jsonBody, once, parse, PracticeError, query } from './practice-http.ts';
import { type PracticeCounterBooking, type PracticeData, type PracticeStore, practiceCode, practiceToken } from './practice-store.ts';

const BASE = '/api/v1/counter';

function publicView({ token: _token, slot, ...booking }: PracticeCounterBooking): CounterReservation {
  return { ...booking, slot: { date: slot.slice(0, 10), time: slot.slice(11) } };
}

/**
 * The MyNumber counter API (src/server/counter) over practice data: the same paths, bodies,
 * validation, rules and Japanese messages; nothing reaches the server.
 */
export function counterHandlers(content: CounterContent, store: PracticeStore, now: () => Date = () => new Date()) {
  const capacity = content.desksPerSlot;
  const fullError = () => new PracticeError(409, 'conflict', COUNTER_MESSAGES.full, [{ path: 'slot', message: COUNTER_MESSAGES.fullField }]);

  function requireBookableSlot(slot: { date: string; time: string }): string {
    const start = parseTime(slot.time) ?? -1;
    const refusal = checkSlot(slot.date, start, japanClock(now()), content);
    if (refusal) throw new PracticeError(422, 'unprocessable', SLOT_REFUSAL_MESSAGES[refusal], [{ path: 'slot', message: SLOT_REFUSAL_MESSAGES[refusal] }]);
    return `${slot.date}T${timeKey(start)}`;
  }

  const seatsTaken = (data: PracticeData, slot: string) => data.counter.filter((booking) => booking.status === 'booked' && booking.slot === slot).length;

  function findWithToken(data: PracticeData, code: string, token: string | null): PracticeCounterBooking {
    const booking = data.counter.find((candidate) => candidate.code === code);
    if (!booking || token === null || booking.token !== token) throw new PracticeError(404, 'not_found', COUNTER_MESSAGES.notFound);
    return booking;
  }

  return [
    http.get(`${BASE}/availability`, ({ request }) =>
      answer(() => {
        const range = parse(dateRangeQuerySchema, query(request));
        const clock = japanClock(now());
        const first = range.from ?? clock.date;
        const last = range.to ?? addDays(clock.date, content.bookAheadDays);
        const problem = rangeProblem(first, last, clock.date);
        if (problem) throw new PracticeError(400, 'validation_failed', problem);
        const taken = new Map<string, { booked: number; capacity: number }>();
        for (const booking of store.read().counter) {
          if (booking.status !== 'booked') continue;
          taken.set(booking.slot, { booked: (taken.get(booking.slot)?.booked ?? 0) + 1, capacity });
        }
        return { days: counterDays(first, last, clock, content, taken) };
      }),
    ),

    http.post(`${BASE}/reservations`, ({ request }) =>
      answer(async () => {
        const raw = await jsonBody(request);
        const key = idempotencyKey(request);
        const body = parse(newCounterReservationSchema, raw);
        const kind = content.visitKinds.find((candidate) => candidate.id === body.kindId);
        if (!kind) throw new PracticeError(400, 'validation_failed', undefined, [{ path: 'kindId', message: COUNTER_MESSAGES.unknownKind }]);
        if (body.people > content.maxPeople) {
          throw new PracticeError(400, 'validation_failed', undefined, [{ path: 'people', message: COUNTER_MESSAGES.tooManyPeople(content.maxPeople) }]);
        }
        const slot = requireBookableSlot(body.slot);
        return once(store, 'counter.create', key, body, (data): CounterReservationCreated => {
          if (seatsTaken(data, slot) >= capacity) throw fullError();
          const booking: PracticeCounterBooking = {
            code: practiceCode(),
            token: practiceToken(),
            kindId: kind.id,
            slot,
            people: body.people,
            proxy: body.proxy,
            nameKana: body.nameKana,
            phone: body.phone,
            email: body.email ? body.email : null,
            status: 'booked',
          };
          data.counter.push(booking);
          return { reservation: publicView(booking), token: booking.token };
        });
      }, 201),
    ),

    http.post(`${BASE}/reservations/lookup`, ({ request }) =>
      answer(async () => {
        const raw = await jsonBody(request);
        const body = parse(lookupByPhoneSchema, raw);
        const data = store.read();
        const booking = data.counter.find((candidate) => candidate.code === body.code);
        if (!booking || booking.phone !== body.phone) throw new PracticeError(404, 'not_found', COUNTER_MESSAGES.notFound);
        booking.token = practiceToken();
        store.write(data);
        return { reservation: publicView(booking), token: booking.token };
      }),
    ),

    http.get(`${BASE}/reservations/:code`, ({ request, params }) =>
      answer(() => ({ reservation: publicView(findWithToken(store.read(), codeParam(params.code), bearerToken(request))) })),
    ),

    http.patch(`${BASE}/reservations/:code`, ({ request, params }) =>
      answer(async () => {
        const raw = await jsonBody(request);
        const body = parse(changeSlotSchema, raw);
        const data = store.read();
        const booking = findWithToken(data, codeParam(params.code), bearerToken(request));
        if (booking.status !== 'booked') throw new PracticeError(409, 'conflict', COUNTER_MESSAGES.cancelled);
        requireBookableSlot({ date: booking.slot.slice(0, 10), time: booking.slot.slice(11) });
        const target = requireBookableSlot(body.slot);
        if (target !== booking.slot) {
          if (seatsTaken(data, target) >= capacity) throw fullError();
          booking.slot = target;
          store.write(data);
        }
        return { reservation: publicView(booking) };
      }),
    ),

    http.delete(`${BASE}/reservations/:code`, ({ request, params }) =>
      answer(() => {
        const data = store.read();
        const booking = findWithToken(data, codeParam(params.code), bearerToken(request));
        if (booking.status === 'cancelled') return { reservation: publicView(booking) };
        const start = parseTime(booking.slot.slice(11)) ?? 0;
        if (checkSlot(booking.slot.slice(0, 10), start, japanClock(now()), content) === 'too-late') {
          throw new PracticeError(422, 'unprocessable', COUNTER_MESSAGES.tooLateToCancel(formatTime(start)));
        }
        booking.status = 'cancelled';
        store.write(data);
        return { reservation: publicView(booking) };
      }),
    ),
  ];
}
