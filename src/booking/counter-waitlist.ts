import type { CounterContent, VisitKind } from '../domain/counter.ts';
import { IDEMPOTENCY_MISMATCH_MESSAGE } from '../domain/api-error.ts';
import { ApiHttpError } from '../domain/api-refusal.ts';
import type { CounterReservationCreated } from '../domain/counter-reservation.ts';
import {
  type NewWaitlistRequest,
  offerHeldUntil,
  WAITLIST_MESSAGES,
  type WaitlistJoined,
  type WaitlistOffer,
  waitlistOfferMail,
} from '../domain/counter-waitlist.ts';
import { placeInLine, WAITLIST_PLACE_MESSAGES, type WaitlistLeft, type WaitlistPlace } from '../domain/counter-waitlist-place.ts';
import { japanClock } from '../domain/japan-time.ts';
import type { CounterWaitlistStore, OfferedEntry as SeatOfferEntry, StoredWaitlistEntry } from './counter-waitlist-store.ts';
import { type CounterMailSettings, type NewOutboxMessage, outboxMessage } from './outbox.ts';
import { hashRequest, hashSecret, newManagementToken, newReservationCode } from './secrets.ts';
import { offeredEntry, offerLink, offerRefused, prepareOffers, settleInRounds } from './waitlist-offers.ts';
import { offerLapsed } from '../domain/waitlist-queue.ts';

export interface CounterWaitlistDependencies {
  content: CounterContent;
  store: CounterWaitlistStore;
  mail: CounterMailSettings;
  now: () => Date;
  /** The counter service's checks of a booking request: the kind, the people, a slot that can be booked now ('YYYY-MM-DDTHH:MM'). */
  checkRequest: (request: NewWaitlistRequest) => { kind: VisitKind; slot: string };
  /** The day-before reminder for a booking, as the counter service writes it. */
  reminderFor: (email: string, booking: { code: string; slot: string; kindId: string; proxy: boolean }, bookedAt: Date) => NewOutboxMessage | null;
  /** A slot's seats changed (held, given back or booked): kept availability answers are out of date. */
  seatsChanged: () => void;
}

/**
 * キャンセル待ち over the store: joining a full slot's queue (with a link to the entry's own page:
 * its place in line, and leaving), offering freed seats (each with a mail holding a link with its
 * own secret), and the offer's page: look, accept in one tap, or decline.
 * Built only where mail is sent: without it nobody could hear of an offer.
 */
export function createCounterWaitlist({ content, store, mail, now, checkRequest, reminderFor, seatsChanged }: CounterWaitlistDependencies) {
  const capacity = content.desksPerSlot;
  const kindName = (kindId: string) => content.visitKinds.find((kind) => kind.id === kindId)?.name ?? 'マイナンバーカードの手続き';

  /** A freed seat's offer mail, with its link's secret. */
  const offerMail = (heldUntil: Date, instant: Date) => (entry: SeatOfferEntry, token: string) =>
    outboxMessage(
      'waitlist-offer',
      waitlistOfferMail({
        slot: entry.slot,
        kindName: kindName(entry.kindId),
        counter: content,
        heldUntil,
        acceptUrl: offerLink(mail.waitlistOfferUrl, token),
      }),
      entry.email,
      instant,
    );

  /**
   * Lapsed offers give their seats back and free seats go to those waiting, in order. Too close to
   * the slot to hold a seat for anyone, no offer is made: the seat is then free for whoever books.
   */
  async function settleSlot(slot: string): Promise<void> {
    await settleInRounds(async () => {
      const instant = now();
      const heldUntil = offerHeldUntil(instant, slot, content);
      const offers = heldUntil ? await prepareOffers(heldUntil, offerMail(heldUntil, instant)) : [];
      const made = await store.settle(slot, capacity, instant.toISOString(), offers);
      seatsChanged();
      return { prepared: offers.length, made };
    });
  }

  type OfferedEntry = StoredWaitlistEntry & { state: WaitlistOffer['state']; tokenHash: string };

  const entryOf = (token: string | null): Promise<OfferedEntry> =>
    offeredEntry(token, (tokenHash) => store.findByOfferToken(tokenHash)) as Promise<OfferedEntry>;

  function offerView(entry: OfferedEntry, instant: Date): WaitlistOffer {
    const lapsed = offerLapsed(entry, instant);
    return {
      slot: { date: entry.slot.slice(0, 10), time: entry.slot.slice(11) },
      kindId: entry.kindId,
      people: entry.people,
      proxy: entry.proxy,
      state: lapsed ? 'expired' : entry.state,
      heldUntil: entry.heldUntil ?? instant.toISOString(),
    };
  }

  return {
    settleSlot,

    /** Every slot with a queue, from today on: lapsed offers pass down, seats the city added are offered. */
    async settleAll(): Promise<void> {
      for (const slot of await store.slotsWithQueue(`${japanClock(now()).date}T00:00`)) await settleSlot(slot);
    },

    /** Joins the queue; the answer carries the secret of the entry's own page (its place in line, leaving). */
    async join(request: NewWaitlistRequest): Promise<WaitlistJoined> {
      const { kind, slot } = checkRequest(request);
      const token = newManagementToken();
      const outcome = await store.join({
        slot,
        capacity,
        kindId: kind.id,
        people: request.people,
        proxy: request.proxy,
        nameKana: request.nameKana,
        phone: request.phone,
        email: request.email,
        tokenHash: await hashSecret(token),
        maxWaiting: content.waitlist.maxWaitingPerSlot,
        now: now().toISOString(),
      });
      if (!outcome.joined) throw offerRefused(409, WAITLIST_MESSAGES[outcome.refusal]);
      seatsChanged();
      return { slot: { date: slot.slice(0, 10), time: slot.slice(11) }, position: outcome.position, token };
    },

    /**
     * The entry's place in line, for the holder of its page's link. Once a seat is offered the link
     * finds nothing (the offer has its own link, by mail), nor once the entry has left.
     */
    async place(token: string | null): Promise<WaitlistPlace> {
      const found = token === null ? null : await store.findWithQueue(await hashSecret(token));
      const place = found ? placeInLine(found.queue, found.entry.id) : null;
      if (!found || place === null) throw offerRefused(404, WAITLIST_PLACE_MESSAGES.notFound);
      const { entry } = found;
      return {
        slot: { date: entry.slot.slice(0, 10), time: entry.slot.slice(11) },
        kindId: entry.kindId,
        people: entry.people,
        proxy: entry.proxy,
        place,
        holdMinutes: content.waitlist.holdMinutes,
      };
    },

    /** Leaves the queue: the entry and its contact data are deleted; those behind move up. */
    async leave(token: string | null): Promise<WaitlistLeft> {
      const left = token === null ? null : await store.leave(await hashSecret(token));
      if (!left) throw offerRefused(404, WAITLIST_PLACE_MESSAGES.notFound);
      // One fewer waiting may leave a free seat to the public.
      seatsChanged();
      return { slot: { date: left.slot.slice(0, 10), time: left.slot.slice(11) } };
    },

    /** The offer as its link's holder sees it; one found lapsed is passed down at once. */
    async offer(token: string | null): Promise<WaitlistOffer> {
      const entry = await entryOf(token);
      const view = offerView(entry, now());
      if (view.state === 'expired' && entry.state === 'offered') await settleSlot(entry.slot);
      return view;
    },

    /** One tap: the held seat becomes a booking with the details given at joining, and a management link of its own. */
    async accept(token: string | null, idempotencyKey: string | null): Promise<{ created: CounterReservationCreated; replayed: boolean }> {
      const entry = await entryOf(token);
      const idempotency = idempotencyKey ? { scope: 'counter.waitlist.accept', key: idempotencyKey, requestHash: await hashRequest(entry.tokenHash) } : null;
      for (let attempt = 0; attempt < 5; attempt++) {
        const instant = now();
        const code = newReservationCode();
        const managementToken = newManagementToken();
        const created: CounterReservationCreated = {
          token: managementToken,
          reservation: {
            code,
            kindId: entry.kindId,
            slot: { date: entry.slot.slice(0, 10), time: entry.slot.slice(11) },
            people: entry.people,
            proxy: entry.proxy,
            nameKana: entry.nameKana ?? '',
            phone: entry.phone ?? '',
            email: entry.email,
            status: 'booked',
            cityCancellationReason: null,
            cityMovedFrom: null,
          },
        };
        const reminder = entry.email ? reminderFor(entry.email, { code, slot: entry.slot, kindId: entry.kindId, proxy: entry.proxy }, instant) : null;
        const outcome = await store.accept(
          entry.tokenHash,
          { code, tokenHash: await hashSecret(managementToken), reminder, now: instant.toISOString() },
          idempotency,
          () => JSON.stringify(created),
        );
        if (outcome.replayed === true) return { created: JSON.parse(outcome.responseJson) as CounterReservationCreated, replayed: true };
        if (outcome.replayed === 'mismatch') throw new ApiHttpError(422, 'unprocessable', IDEMPOTENCY_MISMATCH_MESSAGE);
        if (outcome.value === 'booked') {
          seatsChanged();
          return { created, replayed: false };
        }
        if (outcome.value === 'not-found') throw offerRefused(404, WAITLIST_MESSAGES.offerNotFound);
        if (outcome.value === 'expired') {
          await settleSlot(entry.slot);
          throw offerRefused(409, WAITLIST_MESSAGES.expired);
        }
        if (outcome.value === 'not-offered') throw offerRefused(409, WAITLIST_MESSAGES['not-offered']);
      }
      throw new ApiHttpError(503, 'service_unavailable');
    },

    /** The seat goes back and on to the next in line at once. */
    async decline(token: string | null): Promise<WaitlistOffer> {
      const entry = await entryOf(token);
      const outcome = await store.decline(entry.tokenHash, now().toISOString());
      if (outcome === 'not-found') throw offerRefused(404, WAITLIST_MESSAGES.offerNotFound);
      if (outcome !== 'declined') {
        await settleSlot(entry.slot);
        throw offerRefused(409, WAITLIST_MESSAGES[outcome]);
      }
      await settleSlot(entry.slot);
      return offerView({ ...entry, state: 'declined' }, now());
    },
  };
}

export type CounterWaitlist = ReturnType<typeof createCounterWaitlist>;
