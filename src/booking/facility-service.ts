import type { FacilitiesContent, Facility, Room } from '../domain/facilities.ts';
import type {
  FacilityBooking,
  FacilityBookingCreated,
  FacilityChoice,
  FacilityDay,
  FacilityQuote,
  FacilitySearchResult,
  NewFacilityBooking,
} from '../domain/facility-booking.ts';
import { cancelDeadline, provisionalDeadline } from '../domain/facility-rules.ts';
import { choiceSegments, FACILITY_MESSAGES, facilityDays, priceChoice } from '../domain/facility-answers.ts';
import { IDEMPOTENCY_MISMATCH_MESSAGE } from '../domain/api-error.ts';
import { ApiHttpError } from '../domain/api-refusal.ts';
import { DATE_RANGE_MESSAGES, isRequestableDay, rangeProblem } from '../domain/date-range.ts';
import type { ManagementLink } from '../domain/management-links.ts';
import { addDays, type IsoDate, japanClock } from '../domain/japan-time.ts';
import { deadlineNoticeDueAt, deadlineNoticeMail, facilityReminderDueAt, facilityReminderMail } from '../domain/facility-mail.ts';
import { createAnswerCache } from './answer-cache.ts';
import { createHoldKnowledge } from './hold-knowledge.ts';
import { type BookingRefusal, bookingRefusal } from './refusal.ts';
import type { AttemptGuard } from './attempt-guard.ts';
import { bookingLinks } from './booking-links.ts';
import { findByCodeAndPhone } from './lookup-by-phone.ts';
import type { BookedSegment, StoredFacilityBooking } from './facility-store.ts';
import { facilityMailFacts, type MailSettings, type NewOutboxMessage, outboxMessage } from './outbox.ts';
import { hashRequest, hashSecret, newManagementToken, newReservationCode } from './secrets.ts';
import { SerialisedJson } from './serialised-json.ts';
import type { BookingStore } from './store.ts';

const NOT_FOUND = new ApiHttpError(404, 'not_found', FACILITY_MESSAGES.notFound);
const TAKEN_FIELDS = [{ path: 'blockIds', message: FACILITY_MESSAGES.takenField }];
const TAKEN = () => new ApiHttpError(409, 'conflict', FACILITY_MESSAGES.taken, TAKEN_FIELDS);
const TAKEN_REFUSAL: BookingRefusal = bookingRefusal(409, 'conflict', FACILITY_MESSAGES.taken, TAKEN_FIELDS);
/** Where a new booking's Idempotency-Key and its kept answer belong. */
const CREATE_SCOPE = 'facilities.create';

export interface FacilityServiceDependencies {
  content: FacilitiesContent;
  store: BookingStore;
  /** Limits the look-up by code + phone (see LOOKUP_LIMITS in lookup-by-phone.ts), as at the counter. */
  lookupGuard: AttemptGuard;
  /** Null where no mail is sent: no mail server configured, or the practice mode (which sends nothing). */
  mail: MailSettings | null;
  now: () => Date;
  /** Whether facilities marked as samples take bookings (only a demonstration turns this on). */
  sampleFacilitiesBookable: boolean;
  /**
   * Whether every change of the bookings goes through this process (SQLite; the practice mode), so
   * a block it has seen held can be refused without a transaction (see hold-knowledge.ts).
   */
  seesEveryChange?: boolean;
}

/**
 * The rules of booking a facility, over the booking engine's port: the server's routes and the
 * practice mode's transport both answer with it.
 */
export function createFacilityService({
  content,
  store,
  lookupGuard,
  mail,
  now,
  sampleFacilitiesBookable,
  seesEveryChange = false,
}: FacilityServiceDependencies) {
  const links = bookingLinks(store.links, 'facility', now);
  // Segments this process has seen held, for the fast refusal; null where another process may free one.
  const heldSegments = seesEveryChange ? createHoldKnowledge() : null;
  const segmentKey = (facilityId: string, roomId: string, dateAndSegment: string) => `${facilityId}/${roomId}/${dateAndSegment}`;
  function portalRoom(facilityId: string, roomId: string): { facility: Facility; room: Room } {
    const facility = content.facilities.find((candidate) => candidate.id === facilityId);
    const room = facility?.rooms.find((candidate) => candidate.id === roomId);
    if (!facility || !room) throw new ApiHttpError(404, 'not_found', FACILITY_MESSAGES.roomNotFound);
    if (facility.route.kind !== 'portal') {
      throw new ApiHttpError(422, 'unprocessable', FACILITY_MESSAGES.notPortal(facility.name));
    }
    return { facility, room };
  }

  function segmentsOf(facility: Facility, choice: { dates: IsoDate[]; blockIds: string[] }): BookedSegment[] {
    return choiceSegments(facility, choice.dates, choice.blockIds);
  }

  /** Checks the choice against the rules and prices it from content; the client never sends a fee. */
  function priced(choice: FacilityChoice): { facility: Facility; room: Room; dates: IsoDate[]; quote: FacilityQuote } {
    const { facility, room } = portalRoom(choice.facilityId, choice.roomId);
    const priced = priceChoice(choice, facility, room, japanClock(now()));
    if (!priced.ok) throw new ApiHttpError(422, 'unprocessable', priced.message, [{ path: priced.path, message: priced.message }]);
    return { facility, room, dates: priced.dates, quote: priced.quote };
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
      cityCancellationReason: stored.cityCancellationReason ?? null,
    };
  }

  /**
   * The mails written ahead for a booking as it stands after a change at `at`: a booking's reminder
   * the day before its first day; a 仮予約's notice before its application deadline (its reminder
   * comes with the confirmation, as a 仮予約 not applied for lapses before its day). None without an
   * address or a mail server, or once their time has passed.
   */
  function mailsAhead(
    booking: Pick<StoredFacilityBooking, 'code' | 'facilityId' | 'roomId' | 'dates' | 'blockIds' | 'status' | 'applyBy' | 'email'>,
    at: Date,
  ): NewOutboxMessage[] {
    const facts = mail && booking.email ? facilityMailFacts(content, mail, booking) : null;
    if (!facts || !booking.email) return [];
    if (booking.status === 'booked') {
      const due = facilityReminderDueAt(booking.dates[0] ?? '', content.mail, at);
      return due ? [outboxMessage('facility-reminder', facilityReminderMail(facts), booking.email, due)] : [];
    }
    if (booking.status === 'provisional' && booking.applyBy) {
      const due = deadlineNoticeDueAt(booking.applyBy, content.mail, at);
      return due ? [outboxMessage('facility-deadline', deadlineNoticeMail(facts, booking.applyBy), booking.email, due)] : [];
    }
    return [];
  }

  async function findWithToken(code: string, token: string | null): Promise<StoredFacilityBooking & { linkId: number }> {
    const linkId = await links.open(code, token);
    const stored = linkId === null ? null : await store.facilities.find(code);
    if (!stored || linkId === null) throw NOT_FOUND;
    return { ...stored, linkId };
  }

  async function days(facility: Facility, room: Room, first: IsoDate, last: IsoDate): Promise<FacilityDay[]> {
    const instant = now();
    const since = heldSegments?.since() ?? 0;
    const held = await store.facilities.heldSegments(facility.id, room.id, first, last, instant.toISOString());
    const clock = japanClock(instant);
    heldSegments?.remember(
      [...held].map((segment) => segmentKey(facility.id, room.id, segment)),
      since,
      clock.date,
    );
    return facilityDays(facility, room, first, last, clock, held);
  }

  // The answer is kept as written JSON: transports send it without serialising it again.
  const availabilityCache = createAnswerCache<SerialisedJson>();

  /** Something may have freed a segment: kept answers and known holds are out of date. */
  function segmentsFreed(): void {
    availabilityCache.invalidate();
    heldSegments?.freed();
  }

  return {
    /** A room's availability answer (`{ days }`), written out once per cached answer. */
    async availability(facilityId: string, roomId: string, from: IsoDate | undefined, to: IsoDate | undefined): Promise<SerialisedJson> {
      const { facility, room } = portalRoom(facilityId, roomId);
      const instant = now();
      const today = japanClock(instant).date;
      const first = from ?? addDays(today, 1);
      const last = to ?? addDays(first, 34);
      const problem = rangeProblem(first, last, today);
      if (problem) throw new ApiHttpError(400, 'validation_failed', problem);
      const cacheKey = `${facilityId}/${roomId}/${first}/${last}/${today}`;
      const cached = availabilityCache.get(cacheKey, instant.getTime());
      if (cached) return cached;
      const answer = SerialisedJson.of({ days: await days(facility, room, first, last) });
      availabilityCache.set(cacheKey, answer, instant.getTime());
      return answer;
    },

    /** Rooms for a purpose and head-count; with a date, the portal rooms' free blocks that day. */
    async search(query: {
      purpose?: string | undefined;
      date?: IsoDate | undefined;
      blockId?: string | undefined;
      headCount?: number | undefined;
    }): Promise<FacilitySearchResult[]> {
      if (query.date && !isRequestableDay(query.date, japanClock(now()).date)) throw new ApiHttpError(400, 'validation_failed', DATE_RANGE_MESSAGES.window);
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

    /**
     * A taken block is answered with a refusal, not thrown: it is the busy path when many race for
     * one block. A block this process has seen held is refused before any transaction, unless the
     * request carries an Idempotency-Key (its first answer, kept by the store, may be a booking).
     */
    async create(request: NewFacilityBooking, idempotencyKey: string | null): Promise<{ created: FacilityBookingCreated; replayed: boolean } | BookingRefusal> {
      const { facility, room, dates, quote } = priced(request);
      // A sample stands in for a room that does not exist: nobody may turn up to use it.
      if (facility.sample && !sampleFacilitiesBookable) throw new ApiHttpError(409, 'conflict', FACILITY_MESSAGES.sample(facility.name));
      if (request.headCount > room.capacity) {
        throw new ApiHttpError(400, 'validation_failed', undefined, [
          { path: 'headCount', message: FACILITY_MESSAGES.tooManyPeople(room.name, room.capacity) },
        ]);
      }
      const blockIds = quote.lines.map((line) => line.blockId);
      const segments = segmentsOf(facility, { dates, blockIds });
      const keys = segments.map((segment) => segmentKey(facility.id, room.id, `${segment.date}T${segment.segment}`));
      // As at the counter (counter-service.ts create): with an Idempotency-Key, refused at once only when
      // the store keeps no answer under the key; this process's own booking is seen taken once committed.
      const knownTaken = async () =>
        heldSegments !== null &&
        keys.some((key) => heldSegments.isHeld(key, japanClock(now()).date)) &&
        (idempotencyKey === null || !(await store.hasIdempotentAnswer(CREATE_SCOPE, idempotencyKey)));
      if (await knownTaken()) return TAKEN_REFUSAL;
      const idempotency = idempotencyKey ? { scope: CREATE_SCOPE, key: idempotencyKey, requestHash: await hashRequest(request) } : null;
      const provisionalUntil = facility.inPersonApplication
        ? provisionalDeadline(japanClock(now()), dates[0] ?? '', facility.inPersonApplication.withinDays).expiresAt.toISOString()
        : null;

      for (let attempt = 0; attempt < 5; attempt++) {
        const token = newManagementToken();
        const stored: StoredFacilityBooking = {
          code: newReservationCode(),
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
        const tokenHash = await hashSecret(token);
        // Again after the awaits: meanwhile another request may have booked the block.
        if (await knownTaken()) return TAKEN_REFUSAL;
        const since = heldSegments?.since() ?? 0;
        const instant = now();
        const outcome = await store.facilities.book(
          {
            ...stored,
            purpose: request.purpose,
            groupName: request.groupName,
            nameKana: request.nameKana,
            phone: request.phone,
            segments,
            tokenHash,
            mails: mailsAhead(stored, instant),
            now: instant.toISOString(),
          },
          idempotency,
          () => JSON.stringify(created),
        );
        if (outcome.replayed === true) return { created: JSON.parse(outcome.responseJson) as FacilityBookingCreated, replayed: true };
        if (outcome.replayed === 'mismatch') {
          throw new ApiHttpError(422, 'unprocessable', IDEMPOTENCY_MISMATCH_MESSAGE);
        }
        if (outcome.value === 'booked') {
          availabilityCache.invalidate();
          // This booking holds its segments now (a 仮予約 until a midnight after today at the earliest).
          if (provisionalUntil === null || provisionalUntil > instant.toISOString()) heldSegments?.remember(keys, since, japanClock(instant).date);
          return { created, replayed: false };
        }
        // Which of the segments is held is not said: nothing is remembered.
        if (outcome.value === 'taken') return TAKEN_REFUSAL;
      }
      throw new ApiHttpError(503, 'service_unavailable');
    },

    async view(code: string, token: string | null): Promise<{ booking: FacilityBooking; links: ManagementLink[] }> {
      const stored = await findWithToken(code, token);
      return { booking: publicView(stored), links: await links.list(code, stored.linkId) };
    },

    /**
     * The fallback when the link is lost (booked on another phone, at the kiosk): code + phone, with
     * tries limited as at the counter. The device gets a link of its own; the others keep working.
     */
    async lookUpByPhone(code: string, phone: string, clientAddress: string): Promise<FacilityBookingCreated> {
      const stored = await findByCodeAndPhone(
        lookupGuard,
        { kind: 'facility', desk: '予約した施設', find: (wanted) => store.facilities.find(wanted) },
        { code, phone, clientAddress },
      );
      return { booking: publicView(stored), token: await links.addFound(code) };
    },

    /** Closes every management link of the booking but the one in hand. */
    async closeOtherLinks(code: string, token: string | null): Promise<ManagementLink[]> {
      const stored = await findWithToken(code, token);
      await links.closeOthers(code, stored.linkId);
      return links.list(code, stored.linkId);
    },

    async change(code: string, token: string | null, change: { dates: string[]; blockIds: string[] }): Promise<FacilityBooking> {
      const stored = await findWithToken(code, token);
      const { facility } = portalRoom(stored.facilityId, stored.roomId);
      if (!facility.changesAllowed) {
        throw new ApiHttpError(422, 'unprocessable', FACILITY_MESSAGES.noChanges(facility.name));
      }
      if (japanClock(now()).date > cancelDeadline(stored.dates[0] ?? '', facility)) {
        throw new ApiHttpError(422, 'unprocessable', FACILITY_MESSAGES.tooLateToChange);
      }
      const { dates, quote } = priced({ facilityId: stored.facilityId, roomId: stored.roomId, residency: stored.residency, group: stored.group, ...change });
      const blockIds = quote.lines.map((line) => line.blockId);
      const instant = now();
      const outcome = await store.facilities.move(
        code,
        { dates, blockIds, segments: segmentsOf(facility, { dates, blockIds }), fee: quote.fee },
        instant.toISOString(),
        mailsAhead({ ...stored, dates, blockIds }, instant),
      );
      if (outcome === 'taken') throw TAKEN();
      if (outcome === 'not-active') throw new ApiHttpError(409, 'conflict', FACILITY_MESSAGES.cancelled);
      // The old segments are free now.
      segmentsFreed();
      return publicView((await store.facilities.find(code)) ?? stored);
    },

    async cancel(code: string, token: string | null): Promise<FacilityBooking> {
      const stored = await findWithToken(code, token);
      const current = publicView(stored);
      if (current.status === 'cancelled' || current.status === 'released') return current;
      if (japanClock(now()).date > current.cancelUntil) {
        throw new ApiHttpError(422, 'unprocessable', FACILITY_MESSAGES.tooLateToCancel);
      }
      await store.facilities.cancel(code, now().toISOString());
      segmentsFreed();
      return publicView((await store.facilities.find(code)) ?? stored);
    },

    /** The facility desk freed segments (a declined 仮予約): kept answers and known holds are out of date. */
    facilitiesChangedByStaff: segmentsFreed,

    /** Staff record the in-person application: the provisional booking becomes a booking. */
    async confirm(code: string): Promise<FacilityBooking> {
      const before = await store.facilities.find(code);
      if (!before) throw NOT_FOUND;
      const instant = now();
      // Applied for: the deadline notice goes, and the booking's reminder comes, with the confirmation.
      const [reminder = null] = mailsAhead({ ...before, status: 'booked' }, instant);
      const outcome = await store.facilities.confirm(code, instant.toISOString(), reminder);
      availabilityCache.invalidate();
      const stored = await store.facilities.find(code);
      if (!stored) throw NOT_FOUND;
      if (outcome === 'not-provisional') throw new ApiHttpError(409, 'conflict', 'この予約は仮予約ではないか、申し込みの期限が過ぎています。');
      return publicView(stored);
    },
  };
}

export type FacilityService = ReturnType<typeof createFacilityService>;
