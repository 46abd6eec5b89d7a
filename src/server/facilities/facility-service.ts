import { dayAvailability } from '../../domain/day-availability.ts';
import type { FacilitiesContent, Facility, Room } from '../../domain/facilities.ts';
import type {
  FacilityBooking,
  FacilityBookingCreated,
  FacilityChoice,
  FacilityDay,
  FacilityQuote,
  FacilitySearchResult,
  NewFacilityBooking,
} from '../../domain/facility-booking.ts';
import {
  blockFee,
  blockSegments,
  type BookingChoice,
  cancelDeadline,
  checkChoice,
  choiceProblemMessage,
  closedLabel,
  dayRefusal,
  facilityClosedReason,
  provisionalDeadline,
  totalFee,
} from '../../domain/facility-rules.ts';
import { addDays, daysBetween, type IsoDate, japanClock } from '../../domain/japan-time.ts';
import { createAnswerCache } from '../answer-cache.ts';
import { ApiHttpError } from '../http-errors.ts';
import { hashRequest, hashSecret, newManagementToken, newReservationCode, secretMatches } from '../secrets.ts';
import type { BookedSegment, StoredFacilityBooking } from '../store/facility-store.ts';
import type { Store } from '../store/store.ts';

const MAX_RANGE_DAYS = 62;
const NOT_FOUND = new ApiHttpError(404, 'not_found', '予約が見つかりませんでした。予約番号と、管理用のリンクをお確かめください。');
const TAKEN = () =>
  new ApiHttpError(409, 'conflict', '選んだ時間の一部が、ちょうどほかの方の予約で埋まりました。空き状況を見て、選び直してください。', [
    { path: 'blockIds', message: 'この時間は予約で埋まっています。' },
  ]);

export interface FacilityServiceDependencies {
  content: FacilitiesContent;
  store: Store;
  now: () => Date;
}

/** The rules of booking a facility, between the HTTP routes and the store. */
export function createFacilityService({ content, store, now }: FacilityServiceDependencies) {
  function portalRoom(facilityId: string, roomId: string): { facility: Facility; room: Room } {
    const facility = content.facilities.find((candidate) => candidate.id === facilityId);
    const room = facility?.rooms.find((candidate) => candidate.id === roomId);
    if (!facility || !room) throw new ApiHttpError(404, 'not_found', '施設または部屋が見つかりませんでした。');
    if (facility.route.kind !== 'portal') {
      throw new ApiHttpError(422, 'unprocessable', `${facility.name}は、このアプリでは予約できません。施設のページで予約の方法をご覧ください。`);
    }
    return { facility, room };
  }

  function segmentsOf(facility: Facility, choice: BookingChoice): BookedSegment[] {
    const blocks = facility.blocks.filter((block) => choice.blockIds.includes(block.id));
    return choice.dates.flatMap((date) => blocks.flatMap((block) => blockSegments(facility.blocks, block).map((segment) => ({ date, segment }))));
  }

  /** Checks the choice against the rules and prices it from content; the client never sends a fee. */
  function priced(choice: FacilityChoice): { facility: Facility; room: Room; dates: IsoDate[]; quote: FacilityQuote } {
    const { facility, room } = portalRoom(choice.facilityId, choice.roomId);
    const clock = japanClock(now());
    const problem = checkChoice(choice, facility, room, clock);
    if (problem) {
      const message = choiceProblemMessage(problem);
      throw new ApiHttpError(422, 'unprocessable', message, [{ path: problem.kind === 'day' ? 'dates' : problem.kind.includes('block') ? 'blockIds' : 'dates', message }]);
    }
    const dates = [...new Set(choice.dates)].sort();
    const blockIds = facility.blocks.map((block) => block.id).filter((id) => choice.blockIds.includes(id));
    const first = dates[0] ?? clock.date;
    const lines = blockIds.map((blockId) => ({
      blockId,
      label: facility.blocks.find((block) => block.id === blockId)?.label ?? blockId,
      perDay: blockFee(room, blockId, choice.residency, choice.group) ?? 0,
      days: dates.length,
    }));
    const fee = totalFee(room, { dates, blockIds }, choice.residency, choice.group) ?? 0;
    const applyBy = facility.inPersonApplication ? provisionalDeadline(clock, first, facility.inPersonApplication.withinDays).date : null;
    return { facility, room, dates, quote: { fee, lines, provisional: applyBy !== null, applyBy, cancelUntil: cancelDeadline(first, facility) } };
  }

  function publicView(stored: StoredFacilityBooking): FacilityBooking {
    const facility = content.facilities.find((candidate) => candidate.id === stored.facilityId);
    // A provisional booking past its deadline is released, whether or not the hourly job has run yet.
    const expired = stored.status === 'provisional' && (stored.provisionalUntil ?? '') <= now().toISOString();
    return {
      code: stored.code,
      facilityId: stored.facilityId,
      roomId: stored.roomId,
      dates: stored.dates,
      blockIds: stored.blockIds,
      residency: stored.residency,
      group: stored.group,
      purpose: stored.purpose ?? '',
      headCount: stored.headCount,
      groupName: stored.groupName ?? '',
      nameKana: stored.nameKana ?? '',
      phone: stored.phone ?? '',
      email: stored.email,
      fee: stored.fee,
      status: expired ? 'released' : stored.status,
      applyBy: stored.applyBy,
      cancelUntil: facility ? cancelDeadline(stored.dates[0] ?? '', facility) : (stored.dates[0] ?? ''),
    };
  }

  async function findWithToken(code: string, token: string | null): Promise<StoredFacilityBooking> {
    const stored = await store.facilities.find(code);
    if (!stored || token === null || !secretMatches(token, stored.tokenHash)) throw NOT_FOUND;
    return stored;
  }

  async function days(facility: Facility, room: Room, first: IsoDate, last: IsoDate): Promise<FacilityDay[]> {
    const clock = japanClock(now());
    const held = await store.facilities.heldSegments(facility.id, room.id, first, last, now().toISOString());
    const result: FacilityDay[] = [];
    for (let date = first; date <= last; date = addDays(date, 1)) {
      const closed = facilityClosedReason(date, facility.closed);
      if (closed) {
        result.push({ date, availability: 'closed', closedReason: closedLabel(closed), blocks: [] });
        continue;
      }
      const inWindow = dayRefusal(date, clock.date, facility, room) === null;
      const blocks = facility.blocks.map((block) => {
        const free = blockSegments(facility.blocks, block).every((segment) => !held.has(`${date}T${segment}`));
        return { id: block.id, free, bookable: inWindow && free };
      });
      result.push({
        date,
        availability: inWindow ? dayAvailability(blocks.map((block) => (block.free ? 1 : 0)), 1) : 'closed',
        closedReason: inWindow ? null : '受付期間の外です',
        blocks,
      });
    }
    return result;
  }

  const availabilityCache = createAnswerCache<FacilityDay[]>();

  return {
    async availability(facilityId: string, roomId: string, from: IsoDate | undefined, to: IsoDate | undefined): Promise<FacilityDay[]> {
      const { facility, room } = portalRoom(facilityId, roomId);
      const instant = now();
      const today = japanClock(instant).date;
      const first = from ?? addDays(today, 1);
      const last = to ?? addDays(first, 34);
      const span = daysBetween(first, last);
      if (span < 0 || span > MAX_RANGE_DAYS) {
        throw new ApiHttpError(400, 'validation_failed', `期間は${String(MAX_RANGE_DAYS)}日以内で、始まりを終わりより前にしてください。`);
      }
      const cacheKey = `${facilityId}/${roomId}/${first}/${last}/${today}`;
      const cached = availabilityCache.get(cacheKey, instant.getTime());
      if (cached) return cached;
      const answer = await days(facility, room, first, last);
      availabilityCache.set(cacheKey, answer, instant.getTime());
      return answer;
    },

    /** Rooms for a purpose and head-count; with a date, the portal rooms' free blocks that day. */
    async search(query: { purpose?: string | undefined; date?: IsoDate | undefined; blockId?: string | undefined; headCount?: number | undefined }): Promise<FacilitySearchResult[]> {
      const results: FacilitySearchResult[] = [];
      for (const facility of content.facilities) {
        for (const room of facility.rooms) {
          if (query.purpose && !room.purposes.includes(query.purpose)) continue;
          if (query.headCount && room.capacity < query.headCount) continue;
          if (!query.date || facility.route.kind !== 'portal') {
            results.push({ facilityId: facility.id, roomId: room.id, freeBlockIds: null });
            continue;
          }
          const [day] = await days(facility, room, query.date, query.date);
          const freeBlockIds = (day?.blocks ?? []).filter((block) => block.bookable && (!query.blockId || block.id === query.blockId)).map((block) => block.id);
          if (freeBlockIds.length > 0) results.push({ facilityId: facility.id, roomId: room.id, freeBlockIds });
        }
      }
      return results;
    },

    quote(choice: FacilityChoice): FacilityQuote {
      return priced(choice).quote;
    },

    async create(request: NewFacilityBooking, idempotencyKey: string | null): Promise<{ created: FacilityBookingCreated; replayed: boolean }> {
      const { facility, room, dates, quote } = priced(request);
      if (request.headCount > room.capacity) {
        throw new ApiHttpError(400, 'validation_failed', undefined, [{ path: 'headCount', message: `${room.name}は${String(room.capacity)}人までです。` }]);
      }
      const blockIds = quote.lines.map((line) => line.blockId);
      const segments = segmentsOf(facility, { dates, blockIds });
      const idempotency = idempotencyKey ? { scope: 'facilities.create', key: idempotencyKey, requestHash: hashRequest(request) } : null;
      const provisionalUntil = facility.inPersonApplication
        ? provisionalDeadline(japanClock(now()), dates[0] ?? '', facility.inPersonApplication.withinDays).expiresAt.toISOString()
        : null;

      for (let attempt = 0; attempt < 5; attempt++) {
        const token = newManagementToken();
        const stored: StoredFacilityBooking = {
          code: newReservationCode(),
          tokenHash: hashSecret(token),
          facilityId: facility.id,
          roomId: room.id,
          dates,
          blockIds,
          residency: request.residency,
          group: request.group,
          headCount: request.headCount,
          fee: quote.fee,
          status: provisionalUntil ? 'provisional' : 'booked',
          provisionalUntil,
          applyBy: quote.applyBy,
          purpose: request.purpose,
          groupName: request.groupName,
          nameKana: request.nameKana,
          phone: request.phone,
          email: request.email ? request.email : null,
        };
        const created: FacilityBookingCreated = { booking: publicView(stored), token };
        const outcome = await store.facilities.book(
          { ...stored, purpose: request.purpose, groupName: request.groupName, nameKana: request.nameKana, phone: request.phone, segments, now: now().toISOString() },
          idempotency,
          () => JSON.stringify(created),
        );
        if (outcome.replayed === true) return { created: JSON.parse(outcome.responseJson) as FacilityBookingCreated, replayed: true };
        if (outcome.replayed === 'mismatch') {
          throw new ApiHttpError(422, 'unprocessable', '同じ操作番号で、ちがう内容が送られました。画面を読み込み直して、もう一度お試しください。');
        }
        if (outcome.value === 'booked') {
          availabilityCache.invalidate();
          return { created, replayed: false };
        }
        if (outcome.value === 'taken') throw TAKEN();
      }
      throw new ApiHttpError(503, 'service_unavailable');
    },

    async view(code: string, token: string | null): Promise<FacilityBooking> {
      return publicView(await findWithToken(code, token));
    },

    async change(code: string, token: string | null, change: { dates: string[]; blockIds: string[] }): Promise<FacilityBooking> {
      const stored = await findWithToken(code, token);
      const { facility } = portalRoom(stored.facilityId, stored.roomId);
      if (!facility.changesAllowed) {
        throw new ApiHttpError(422, 'unprocessable', `${facility.name}の予約は変更できません。取り消してから、あらためて予約してください。`);
      }
      if (japanClock(now()).date > cancelDeadline(stored.dates[0] ?? '', facility)) {
        throw new ApiHttpError(422, 'unprocessable', '使う日が近いため、このアプリでは変更できません。施設へご連絡ください。');
      }
      const { dates, quote } = priced({ facilityId: stored.facilityId, roomId: stored.roomId, residency: stored.residency, group: stored.group, ...change });
      const blockIds = quote.lines.map((line) => line.blockId);
      const outcome = await store.facilities.move(code, { dates, blockIds, segments: segmentsOf(facility, { dates, blockIds }), fee: quote.fee }, now().toISOString());
      if (outcome === 'taken') throw TAKEN();
      if (outcome === 'not-active') throw new ApiHttpError(409, 'conflict', 'この予約は取り消されています。');
      availabilityCache.invalidate();
      return publicView((await store.facilities.find(code)) ?? stored);
    },

    async cancel(code: string, token: string | null): Promise<FacilityBooking> {
      const stored = await findWithToken(code, token);
      const current = publicView(stored);
      if (current.status === 'cancelled' || current.status === 'released') return current;
      if (japanClock(now()).date > current.cancelUntil) {
        throw new ApiHttpError(422, 'unprocessable', '使う日が近いため、このアプリでは取り消せません。施設へご連絡ください。');
      }
      await store.facilities.cancel(code, now().toISOString());
      availabilityCache.invalidate();
      return publicView((await store.facilities.find(code)) ?? stored);
    },

    /** Staff record the in-person application: the provisional booking becomes a booking. */
    async confirm(code: string): Promise<FacilityBooking> {
      const outcome = await store.facilities.confirm(code, now().toISOString());
      availabilityCache.invalidate();
      const stored = await store.facilities.find(code);
      if (!stored) throw NOT_FOUND;
      if (outcome === 'not-provisional') throw new ApiHttpError(409, 'conflict', 'この予約は仮予約ではないか、申し込みの期限が過ぎています。');
      return publicView(stored);
    },
  };
}

export type FacilityService = ReturnType<typeof createFacilityService>;
