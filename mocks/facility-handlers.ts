import { http } from 'msw';
import { z } from 'zod';
import { rangeProblem } from '../src/domain/date-range.ts';
import { dateRangeQuerySchema } from '../src/domain/day-availability.ts';
import type { FacilitiesContent, Facility, Room } from '../src/domain/facilities.ts';
import { choiceSegments, FACILITY_MESSAGES, facilityDays, priceChoice } from '../src/domain/facility-answers.ts';
import {
  changeFacilityBookingSchema,
  type FacilityBooking,
  type FacilityBookingCreated,
  type FacilityChoice,
  facilityChoiceSchema,
  type FacilitySearchResult,
  facilitySearchQuerySchema,
  newFacilityBookingSchema,
} from '../src/domain/facility-booking.ts';
import { cancelDeadline, provisionalDeadline } from '../src/domain/facility-rules.ts';
import { addDays, type IsoDate, japanClock } from '../src/domain/japan-time.ts';
import { answer, bearerToken, codeParam, idempotencyKey, jsonBody, once, parse, PracticeError, query } from './practice-http.ts';
import { type PracticeData, type PracticeFacilityBooking, type PracticeStore, practiceCode, practiceToken } from './practice-store.ts';

const BASE = '/api/v1/facilities';
const roomParamsSchema = z.object({ facilityId: z.string().max(40), roomId: z.string().max(40) });

/**
 * The facilities API (src/server/facilities) over practice data: the same paths, bodies, rules, fees
 * from content and Japanese messages; no two practice bookings share a block.
 */
export function facilityHandlers(content: FacilitiesContent, store: PracticeStore, now: () => Date = () => new Date()) {
  const taken = () => new PracticeError(409, 'conflict', FACILITY_MESSAGES.taken, [{ path: 'blockIds', message: FACILITY_MESSAGES.takenField }]);

  function portalRoom(facilityId: string, roomId: string): { facility: Facility; room: Room } {
    const facility = content.facilities.find((candidate) => candidate.id === facilityId);
    const room = facility?.rooms.find((candidate) => candidate.id === roomId);
    if (!facility || !room) throw new PracticeError(404, 'not_found', FACILITY_MESSAGES.roomNotFound);
    if (facility.route.kind !== 'portal') throw new PracticeError(422, 'unprocessable', FACILITY_MESSAGES.notPortal(facility.name));
    return { facility, room };
  }

  function priced(choice: FacilityChoice) {
    const { facility, room } = portalRoom(choice.facilityId, choice.roomId);
    const result = priceChoice(choice, facility, room, japanClock(now()));
    if (!result.ok) throw new PracticeError(422, 'unprocessable', result.message, [{ path: result.path, message: result.message }]);
    return { facility, room, dates: result.dates, quote: result.quote };
  }

  /** A provisional booking past its deadline is released, as on the server. */
  const isActive = (booking: PracticeFacilityBooking) =>
    booking.status === 'booked' || (booking.status === 'provisional' && (booking.provisionalUntil ?? '') > now().toISOString());

  function held(data: PracticeData, facilityId: string, roomId: string, except?: string): Set<string> {
    return new Set(
      data.facilities
        .filter((booking) => booking.facilityId === facilityId && booking.roomId === roomId && booking.code !== except && isActive(booking))
        .flatMap((booking) => booking.segments),
    );
  }

  function publicView({ token: _token, provisionalUntil: _until, segments: _segments, ...booking }: PracticeFacilityBooking): FacilityBooking {
    const facility = content.facilities.find((candidate) => candidate.id === booking.facilityId);
    const expired = booking.status === 'provisional' && (_until ?? '') <= now().toISOString();
    return {
      ...booking,
      status: expired ? 'released' : booking.status,
      cancelUntil: facility ? cancelDeadline(booking.dates[0] ?? '', facility) : (booking.dates[0] ?? ''),
    };
  }

  function findWithToken(data: PracticeData, code: string, token: string | null): PracticeFacilityBooking {
    const booking = data.facilities.find((candidate) => candidate.code === code);
    if (!booking || token === null || booking.token !== token) throw new PracticeError(404, 'not_found', FACILITY_MESSAGES.notFound);
    return booking;
  }

  const segmentKeys = (facility: Facility, dates: IsoDate[], blockIds: string[]) =>
    choiceSegments(facility, dates, blockIds).map(({ date, segment }) => `${date}T${segment}`);

  return [
    http.get(`${BASE}/search`, ({ request }) =>
      answer(() => {
        const search = parse(facilitySearchQuerySchema, query(request));
        const data = store.read();
        const clock = japanClock(now());
        const results: FacilitySearchResult[] = [];
        for (const facility of content.facilities) {
          for (const room of facility.rooms) {
            if (search.purpose && !room.purposes.includes(search.purpose)) continue;
            if (search.headCount && room.capacity < search.headCount) continue;
            if (!search.date || facility.route.kind !== 'portal') {
              results.push({ facilityId: facility.id, roomId: room.id, freeBlockIds: null });
              continue;
            }
            const [day] = facilityDays(facility, room, search.date, search.date, clock, held(data, facility.id, room.id));
            const freeBlockIds = (day?.blocks ?? []).filter((block) => block.bookable && (!search.block || block.id === search.block)).map((block) => block.id);
            if (freeBlockIds.length > 0) results.push({ facilityId: facility.id, roomId: room.id, freeBlockIds });
          }
        }
        return { results };
      }),
    ),

    http.get(`${BASE}/:facilityId/rooms/:roomId/availability`, ({ request, params }) =>
      answer(() => {
        const ids = parse(roomParamsSchema, params);
        const range = parse(dateRangeQuerySchema, query(request));
        const { facility, room } = portalRoom(ids.facilityId, ids.roomId);
        const clock = japanClock(now());
        const first = range.from ?? addDays(clock.date, 1);
        const last = range.to ?? addDays(first, 34);
        const problem = rangeProblem(first, last, clock.date);
        if (problem) throw new PracticeError(400, 'validation_failed', problem);
        return { days: facilityDays(facility, room, first, last, clock, held(store.read(), facility.id, room.id)) };
      }),
    ),

    http.post(`${BASE}/quote`, ({ request }) => answer(async () => priced(parse(facilityChoiceSchema, await jsonBody(request))).quote)),

    http.post(`${BASE}/bookings`, ({ request }) =>
      answer(async () => {
        const key = idempotencyKey(request);
        const body = parse(newFacilityBookingSchema, await jsonBody(request));
        const { facility, room, dates, quote } = priced(body);
        if (body.headCount > room.capacity) {
          throw new PracticeError(400, 'validation_failed', undefined, [{ path: 'headCount', message: FACILITY_MESSAGES.tooManyPeople(room.name, room.capacity) }]);
        }
        const blockIds = quote.lines.map((line) => line.blockId);
        const segments = segmentKeys(facility, dates, blockIds);
        return once(store, 'facilities.create', key, body, (data): FacilityBookingCreated => {
          const holding = held(data, facility.id, room.id);
          if (segments.some((segment) => holding.has(segment))) throw taken();
          const provisionalUntil = facility.inPersonApplication
            ? provisionalDeadline(japanClock(now()), dates[0] ?? '', facility.inPersonApplication.withinDays).expiresAt.toISOString()
            : null;
          const booking: PracticeFacilityBooking = {
            code: practiceCode(),
            token: practiceToken(),
            facilityId: facility.id,
            roomId: room.id,
            dates,
            blockIds,
            residency: body.residency,
            group: body.group,
            purpose: body.purpose,
            headCount: body.headCount,
            groupName: body.groupName,
            nameKana: body.nameKana,
            phone: body.phone,
            email: body.email ? body.email : null,
            fee: quote.fee,
            status: provisionalUntil ? 'provisional' : 'booked',
            applyBy: quote.applyBy,
            provisionalUntil,
            segments,
          };
          data.facilities.push(booking);
          return { booking: publicView(booking), token: booking.token };
        });
      }, 201),
    ),

    http.get(`${BASE}/bookings/:code`, ({ request, params }) =>
      answer(() => ({ booking: publicView(findWithToken(store.read(), codeParam(params.code), bearerToken(request))) })),
    ),

    http.patch(`${BASE}/bookings/:code`, ({ request, params }) =>
      answer(async () => {
        const change = parse(changeFacilityBookingSchema, await jsonBody(request));
        const data = store.read();
        const booking = findWithToken(data, codeParam(params.code), bearerToken(request));
        const { facility } = portalRoom(booking.facilityId, booking.roomId);
        if (!facility.changesAllowed) throw new PracticeError(422, 'unprocessable', FACILITY_MESSAGES.noChanges(facility.name));
        if (japanClock(now()).date > cancelDeadline(booking.dates[0] ?? '', facility)) throw new PracticeError(422, 'unprocessable', FACILITY_MESSAGES.tooLateToChange);
        const { dates, quote } = priced({ facilityId: booking.facilityId, roomId: booking.roomId, residency: booking.residency, group: booking.group, ...change });
        if (!isActive(booking)) throw new PracticeError(409, 'conflict', FACILITY_MESSAGES.cancelled);
        const blockIds = quote.lines.map((line) => line.blockId);
        const segments = segmentKeys(facility, dates, blockIds);
        const holding = held(data, facility.id, booking.roomId, booking.code);
        if (segments.some((segment) => holding.has(segment))) throw taken();
        Object.assign(booking, { dates, blockIds, segments, fee: quote.fee });
        store.write(data);
        return { booking: publicView(booking) };
      }),
    ),

    http.delete(`${BASE}/bookings/:code`, ({ request, params }) =>
      answer(() => {
        const data = store.read();
        const booking = findWithToken(data, codeParam(params.code), bearerToken(request));
        const current = publicView(booking);
        if (current.status === 'cancelled' || current.status === 'released') return { booking: current };
        if (japanClock(now()).date > current.cancelUntil) throw new PracticeError(422, 'unprocessable', FACILITY_MESSAGES.tooLateToCancel);
        booking.status = 'cancelled';
        store.write(data);
        return { booking: publicView(booking) };
      }),
    ),
  ];
}
