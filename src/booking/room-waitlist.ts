import { IDEMPOTENCY_MISMATCH_MESSAGE } from '../domain/api-error.ts';
import { ApiHttpError } from '../domain/api-refusal.ts';
import type { FacilitiesContent, Facility, Room } from '../domain/facilities.ts';
import type { FacilityBookingCreated } from '../domain/facility-booking.ts';
import { japanClock } from '../domain/japan-time.ts';
import {
  type NewRoomWaitlistRequest,
  ROOM_WAITLIST_MESSAGES,
  roomOfferHeldUntil,
  roomOfferMail,
  type RoomWaitlistJoined,
  type RoomWaitlistOffer,
} from '../domain/room-waitlist.ts';
import { offerLapsed } from '../domain/waitlist-queue.ts';
import type { StoredFacilityBooking } from './facility-store.ts';
import { type NewOutboxMessage, outboxMessage, type WaitlistMailSettings } from './outbox.ts';
import type { RoomDay, RoomOfferedEntry, RoomWaitlistStore, StoredRoomWaitlistEntry } from './room-waitlist-store.ts';
import { hashRequest, hashSecret, newManagementToken, newReservationCode } from './secrets.ts';
import { offeredEntry, offerLink, offerRefused, prepareOffers, settleInRounds } from './waitlist-offers.ts';

export interface RoomWaitlistDependencies {
  content: FacilitiesContent;
  store: RoomWaitlistStore;
  mail: WaitlistMailSettings;
  now: () => Date;
  /** The facility service's checks of a booking request: the room, the rules, the head-count; the segments the blocks hold. */
  checkRequest: (request: NewRoomWaitlistRequest) => { facility: Facility; room: Room; blockIds: string[]; segments: string[] };
  /**
   * The booking an accepted offer becomes, as a booking of that room made at `at` would be (a 仮予約
   * with its deadline where the facility requires it), with its mails written ahead, and its public view.
   */
  bookingOf: (
    entry: StoredRoomWaitlistEntry,
    code: string,
    at: Date,
  ) => {
    stored: StoredFacilityBooking;
    mails: NewOutboxMessage[];
    created: (token: string) => FacilityBookingCreated;
  };
  /** Segments were held, freed or booked: kept availability answers are out of date. */
  segmentsChanged: () => void;
}

/**
 * キャンセル待ち for a room's blocks over the store: joining a room day's queue for blocks someone
 * booked, offering them when they free (each offer with a mail holding a link with its own secret),
 * and the offer's page: look, accept in one tap, or decline. Built only where mail is sent.
 */
export function createRoomWaitlist({ content, store, mail, now, checkRequest, bookingOf, segmentsChanged }: RoomWaitlistDependencies) {
  const roomOf = (day: RoomDay) => {
    const facility = content.facilities.find((candidate) => candidate.id === day.facilityId);
    const room = facility?.rooms.find((candidate) => candidate.id === day.roomId);
    return facility && room ? { facility, room } : null;
  };

  const offerMail = (heldUntil: Date, instant: Date) => (entry: RoomOfferedEntry, token: string) => {
    const place = roomOf(entry);
    if (!place) throw new Error(`部屋 ${entry.facilityId}/${entry.roomId} が内容にありません。`);
    return outboxMessage(
      'room-waitlist-offer',
      roomOfferMail({ ...place, date: entry.date, blockIds: entry.blockIds, heldUntil, acceptUrl: offerLink(mail.waitlistOfferUrl, token) }),
      entry.email,
      instant,
    );
  };

  /**
   * Lapsed offers free their segments and free segments go to those waiting, in order. Too close to
   * the day to hold anything for anyone (or a room no longer in content), no offer is made.
   */
  async function settleDay(day: RoomDay): Promise<void> {
    const place = roomOf(day);
    await settleInRounds(async () => {
      const instant = now();
      const heldUntil = place ? roomOfferHeldUntil(instant, day.date, place.room, content.waitlist.holdMinutes) : null;
      const offers = heldUntil ? await prepareOffers(heldUntil, offerMail(heldUntil, instant)) : [];
      const made = await store.settle(day, instant.toISOString(), offers);
      segmentsChanged();
      return { prepared: offers.length, made };
    });
  }

  type Offered = StoredRoomWaitlistEntry & { tokenHash: string };
  const entryOf = (token: string | null): Promise<Offered> => offeredEntry(token, (tokenHash) => store.findByOfferToken(tokenHash));

  function offerView(entry: StoredRoomWaitlistEntry, instant: Date): RoomWaitlistOffer {
    return {
      facilityId: entry.facilityId,
      roomId: entry.roomId,
      date: entry.date,
      blockIds: entry.blockIds,
      headCount: entry.headCount,
      state: offerLapsed(entry, instant) ? 'expired' : entry.state === 'waiting' ? 'offered' : entry.state,
      heldUntil: entry.heldUntil ?? instant.toISOString(),
    };
  }

  return {
    settleDay,

    /** Every room day with a queue, from today on: lapsed offers pass down, and what was freed is offered. */
    async settleAll(): Promise<void> {
      for (const day of await store.daysWithQueue(japanClock(now()).date)) await settleDay(day);
    },

    async join(request: NewRoomWaitlistRequest): Promise<RoomWaitlistJoined> {
      const { facility, room, blockIds, segments } = checkRequest(request);
      const date = request.dates[0] ?? '';
      const outcome = await store.join({
        facilityId: facility.id,
        roomId: room.id,
        date,
        blockIds,
        segments,
        residency: request.residency,
        group: request.group,
        headCount: request.headCount,
        purpose: request.purpose,
        groupName: request.groupName,
        nameKana: request.nameKana,
        phone: request.phone,
        email: request.email,
        maxWaiting: content.waitlist.maxWaitingPerDay,
        now: now().toISOString(),
      });
      if (!outcome.joined) throw offerRefused(409, ROOM_WAITLIST_MESSAGES[outcome.refusal]);
      return { facilityId: facility.id, roomId: room.id, date, blockIds, position: outcome.position };
    },

    /** The offer as its link's holder sees it; one found lapsed is passed down at once. */
    async offer(token: string | null): Promise<RoomWaitlistOffer> {
      const entry = await entryOf(token);
      const view = offerView(entry, now());
      if (view.state === 'expired' && entry.state === 'offered') await settleDay(entry);
      return view;
    },

    /** One tap: the held segments become a booking with the details given at joining, and a management link of its own. */
    async accept(token: string | null, idempotencyKey: string | null): Promise<{ created: FacilityBookingCreated; replayed: boolean }> {
      const entry = await entryOf(token);
      const idempotency = idempotencyKey ? { scope: 'facilities.waitlist.accept', key: idempotencyKey, requestHash: await hashRequest(entry.tokenHash) } : null;
      for (let attempt = 0; attempt < 5; attempt++) {
        const instant = now();
        const managementToken = newManagementToken();
        const { stored, mails, created } = bookingOf(entry, newReservationCode(), instant);
        const answer = created(managementToken);
        const outcome = await store.accept(
          entry.tokenHash,
          {
            code: stored.code,
            tokenHash: await hashSecret(managementToken),
            fee: stored.fee,
            status: stored.status === 'provisional' ? 'provisional' : 'booked',
            provisionalUntil: stored.provisionalUntil,
            applyBy: stored.applyBy,
            mails,
            now: instant.toISOString(),
          },
          idempotency,
          () => JSON.stringify(answer),
        );
        if (outcome.replayed === true) return { created: JSON.parse(outcome.responseJson) as FacilityBookingCreated, replayed: true };
        if (outcome.replayed === 'mismatch') throw new ApiHttpError(422, 'unprocessable', IDEMPOTENCY_MISMATCH_MESSAGE);
        if (outcome.value === 'booked') {
          segmentsChanged();
          return { created: answer, replayed: false };
        }
        if (outcome.value === 'not-found') throw offerRefused(404, ROOM_WAITLIST_MESSAGES.offerNotFound);
        if (outcome.value === 'expired') {
          await settleDay(entry);
          throw offerRefused(409, ROOM_WAITLIST_MESSAGES.expired);
        }
        if (outcome.value === 'not-offered') throw offerRefused(409, ROOM_WAITLIST_MESSAGES['not-offered']);
      }
      throw new ApiHttpError(503, 'service_unavailable');
    },

    /** The segments go back and on to the next in line at once. */
    async decline(token: string | null): Promise<RoomWaitlistOffer> {
      const entry = await entryOf(token);
      const outcome = await store.decline(entry.tokenHash, now().toISOString());
      if (outcome === 'not-found') throw offerRefused(404, ROOM_WAITLIST_MESSAGES.offerNotFound);
      await settleDay(entry);
      if (outcome !== 'declined') throw offerRefused(409, ROOM_WAITLIST_MESSAGES[outcome]);
      return offerView({ ...entry, state: 'declined' }, now());
    },
  };
}

export type RoomWaitlist = ReturnType<typeof createRoomWaitlist>;
