import type { CounterContent, VisitKind } from '../domain/counter.ts';
import { IDEMPOTENCY_MISMATCH_MESSAGE } from '../domain/api-error.ts';
import { ApiHttpError } from '../domain/api-refusal.ts';
import { rangeProblem } from '../domain/date-range.ts';
import { checkSlot, counterDays, SLOT_REFUSAL_MESSAGES } from '../domain/counter-calendar.ts';
import {
  COUNTER_MESSAGES,
  type CounterDay,
  type CounterReservation,
  type CounterReservationCreated,
  type NewCounterReservation,
} from '../domain/counter-reservation.ts';
import type { ManagementLink } from '../domain/management-links.ts';
import { addDays, formatTime, type IsoDate, japanClock, parseTime, timeKey } from '../domain/japan-time.ts';
import { type CounterMailFacts, movedByCityMail, reminderDueAt, reminderMail } from '../domain/counter-mail.ts';
import { isAllowedPushEndpoint } from '../domain/push-service-hosts.ts';
import { type CounterPushFacts, movedByCityPush, PUSH_SUBSCRIPTION_REFUSED, type PushSubscriptionJson, reminderPush } from '../domain/push-notification.ts';
import { STAFF_MOVE_MESSAGES, staffMoveRefusal } from '../domain/staff-move.ts';
import { createAnswerCache } from './answer-cache.ts';
import { createCounterWaitlist } from './counter-waitlist.ts';
import { createHoldKnowledge } from './hold-knowledge.ts';
import { type BookingRefusal, bookingRefusal } from './refusal.ts';
import type { AttemptGuard } from './attempt-guard.ts';
import { findByCodeAndPhone } from './lookup-by-phone.ts';
import { bookingLinks } from './booking-links.ts';
import type { CityMove, SlotSeats, StoredCounterReservation } from './counter-store.ts';
import { type BookingContact, counterNotices, type NewOutboxMessage, type NotificationSettings } from './outbox.ts';
import { hashRequest, hashSecret, newManagementToken, newReservationCode } from './secrets.ts';
import { SerialisedJson } from './serialised-json.ts';
import type { BookingStore } from './store.ts';

const NOT_FOUND = new ApiHttpError(404, 'not_found', COUNTER_MESSAGES.notFound);
/** Where a new booking's Idempotency-Key and its kept answer belong. */
const CREATE_SCOPE = 'counter.create';

export interface CounterServiceDependencies {
  content: CounterContent;
  store: BookingStore;
  /** Limits the look-up by code + phone (see LOOKUP_LIMITS in lookup-by-phone.ts). */
  lookupGuard: AttemptGuard;
  /**
   * How the city tells citizens about their bookings: by mail, by push, each null where it is not
   * configured; both null in the practice mode, which sends nothing.
   */
  notifications: NotificationSettings;
  now: () => Date;
  /**
   * Whether every change of the bookings goes through this process (SQLite; the practice mode), so
   * a slot it has seen full can be refused without a transaction (see hold-knowledge.ts).
   */
  seesEveryChange?: boolean;
}

/**
 * The rules of booking the MyNumber counter, over the booking engine's port: the server's routes and
 * the practice mode's transport both answer with it.
 */
export function createCounterService({ content, store, lookupGuard, notifications, now, seesEveryChange = false }: CounterServiceDependencies) {
  const { mail, push } = notifications;
  const links = bookingLinks(store.links, 'counter', now);
  const capacity = content.desksPerSlot;

  // Keyed by the minute too: slots close as time passes. The answer is kept as written JSON.
  const availabilityCache = createAnswerCache<SerialisedJson>();
  // Full slots this process has seen, for the fast refusal; null where another process may free a seat.
  const fullSlots = seesEveryChange ? createHoldKnowledge() : null;

  function publicView(stored: StoredCounterReservation): CounterReservation {
    return {
      code: stored.code,
      kindId: stored.kindId,
      slot: { date: stored.slot.slice(0, 10), time: stored.slot.slice(11) },
      people: stored.people,
      proxy: stored.proxy,
      nameKana: stored.nameKana ?? '',
      phone: stored.phone ?? '',
      email: stored.email,
      status: stored.status,
      cityCancellationReason: stored.cityCancellationReason,
      cityMovedFrom: stored.cityMovedFrom ? { date: stored.cityMovedFrom.slice(0, 10), time: stored.cityMovedFrom.slice(11) } : null,
    };
  }

  function requireBookableSlot(slot: { date: string; time: string }): string {
    const start = parseTime(slot.time) ?? -1;
    const refusal = checkSlot(slot.date, start, japanClock(now()), content);
    if (refusal) throw new ApiHttpError(422, 'unprocessable', SLOT_REFUSAL_MESSAGES[refusal], [{ path: 'slot', message: SLOT_REFUSAL_MESSAGES[refusal] }]);
    return `${slot.date}T${timeKey(start)}`;
  }

  async function findWithToken(code: string, token: string | null): Promise<StoredCounterReservation & { linkId: number }> {
    const linkId = await links.open(code, token);
    const stored = linkId === null ? null : await store.counter.find(code);
    if (!stored || linkId === null) throw NOT_FOUND;
    return { ...stored, linkId };
  }

  /**
   * The day-before reminders of a booking at `slot`, one per channel the citizen chose: none when
   * they chose none, the city sends none that way, or it was booked after the reminder's time.
   */
  function remindersFor(booking: { code: string; slot: string; kindId: string; proxy: boolean } & BookingContact, bookedAt: Date): NewOutboxMessage[] {
    const due = reminderDueAt(booking.slot, content.reminderTime, bookedAt);
    return due ? counterNotices(content, notifications, booking, 'reminder', { mail: reminderMail, push: reminderPush }, due) : [];
  }

  /**
   * The subscription as stored with the booking (JSON), or null when none was given or push is not
   * offered (then it is not kept: contact data is kept only to be used). The schema checked its
   * shape; the endpoint must also be on a push service of the list, and the key a point of the
   * curve, or no message could ever be encrypted to it.
   */
  async function pushContact(subscription: PushSubscriptionJson | undefined): Promise<string | null> {
    if (!subscription || !push) return null;
    const refused = new ApiHttpError(400, 'validation_failed', undefined, [{ path: 'pushSubscription', message: PUSH_SUBSCRIPTION_REFUSED }]);
    // The server will make a request to the endpoint: only ever to a push service of the list.
    if (!isAllowedPushEndpoint(subscription.endpoint, push.serviceHosts)) throw refused;
    try {
      const point = Uint8Array.from(atob(subscription.keys.p256dh.replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));
      await crypto.subtle.importKey('raw', point, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
    } catch {
      throw refused;
    }
    return JSON.stringify(subscription);
  }

  /**
   * Moves a booking to `target` (already checked against the caller's slot rule) in one store
   * transaction; `byCity` says whether a clerk moved it, and with which notice.
   */
  async function moveTo(stored: StoredCounterReservation, target: string, byCity: (instant: Date) => CityMove | undefined): Promise<CounterReservation> {
    const instant = now();
    const reminders = remindersFor({ ...stored, slot: target }, instant);
    const outcome = await store.counter.move(stored.code, target, capacity, instant.toISOString(), reminders, byCity(instant));
    // The old slot's seat is free now: the first waiting for it gets it.
    if (outcome === 'moved') {
      seatsFreed();
      await offerFreedSeat(stored.slot);
    }
    if (outcome === 'full') throw fullError();
    if (outcome === 'not-booked') throw new ApiHttpError(409, 'conflict', COUNTER_MESSAGES.cancelled);
    if (outcome === 'visit-recorded') throw new ApiHttpError(409, 'conflict', COUNTER_MESSAGES.visitRecorded);
    return publicView((await store.counter.find(stored.code)) ?? stored);
  }

  const fullFields = [{ path: 'slot', message: COUNTER_MESSAGES.fullField }];
  const fullError = () => new ApiHttpError(409, 'conflict', COUNTER_MESSAGES.full, fullFields);
  const FULL: BookingRefusal = bookingRefusal(409, 'conflict', COUNTER_MESSAGES.full, fullFields);

  /**
   * The store refuses a seat when the slot holds as many bookings as the day's desks (the content's,
   * unless the administrator set that day's), or when the counter closed it (a closed slot holds 0,
   * and a trigger keeps it at 0 while closed).
   */
  function storeRefuses(seats: SlotSeats): boolean {
    return seats.booked + (seats.waiting ?? 0) >= (seats.dayDesks ?? capacity) || seats.capacity === 0;
  }

  /** Something may have freed a seat: kept answers and known full slots are out of date. */
  function seatsFreed(): void {
    availabilityCache.invalidate();
    fullSlots?.freed();
  }

  /** The checks every booking request passes, whether it books or joins キャンセル待ち: the slot as the store keys it. */
  function checkRequest(request: NewCounterReservation): { kind: VisitKind; slot: string } {
    const kind = content.visitKinds.find((candidate) => candidate.id === request.kindId);
    if (!kind) throw new ApiHttpError(400, 'validation_failed', undefined, [{ path: 'kindId', message: COUNTER_MESSAGES.unknownKind }]);
    if (request.people > content.maxPeople) {
      throw new ApiHttpError(400, 'validation_failed', undefined, [{ path: 'people', message: COUNTER_MESSAGES.tooManyPeople(content.maxPeople) }]);
    }
    return { kind, slot: requireBookableSlot(request.slot) };
  }

  // キャンセル待ち only where mail is sent (an offer must reach the citizen) and the store keeps a queue.
  const waitlist =
    mail && store.counterWaitlist
      ? createCounterWaitlist({
          content,
          store: store.counterWaitlist,
          mail,
          now,
          checkRequest,
          // The queue's contact is the e-mail address only, so an accepted offer's booking has at most its mail reminder.
          reminderFor: (email, booking, bookedAt) => remindersFor({ ...booking, email, pushSubscription: null }, bookedAt)[0] ?? null,
          seatsChanged: seatsFreed,
        })
      : null;

  /**
   * A seat of `slot` was freed: it goes to the first in its queue. The change itself is committed
   * already; if this fails, the minute's sweep (settleAll) offers the seat instead, and until then
   * nobody else can take it (the queue keeps free seats from the public).
   */
  async function offerFreedSeat(slot: string): Promise<void> {
    await waitlist?.settleSlot(slot).catch(() => undefined);
  }

  return {
    /** Whether bookings get e-mail: the form offers the address field only then. */
    sendsMail: mail !== null,

    /** キャンセル待ち, or null where it is not offered (no mail server; the practice mode). */
    waitlist,

    /** The availability answer (`{ days, emailReminders, pushPublicKey, pushServiceHosts }`), written out once per cached answer. */
    async availability(from: IsoDate | undefined, to: IsoDate | undefined): Promise<SerialisedJson> {
      const instant = now();
      const clock = japanClock(instant);
      const first = from ?? clock.date;
      const last = to ?? addDays(clock.date, content.bookAheadDays);
      const problem = rangeProblem(first, last, clock.date);
      if (problem) throw new ApiHttpError(400, 'validation_failed', problem);
      const cacheKey = `${first}/${last}/${clock.date}T${String(clock.minutes)}`;
      const cached = availabilityCache.get(cacheKey, instant.getTime());
      if (cached) return cached;
      const since = fullSlots?.since() ?? 0;
      const seats = await store.counter.bookedSeats(first, last);
      fullSlots?.remember(
        [...seats].filter(([, held]) => storeRefuses(held)).map(([slot]) => slot),
        since,
        clock.date,
      );
      const days: CounterDay[] = counterDays(first, last, clock, content, seats, waitlist && { maxWaiting: content.waitlist.maxWaitingPerSlot });
      const answer = SerialisedJson.of({
        days,
        emailReminders: mail !== null,
        pushPublicKey: push?.publicKey ?? null,
        pushServiceHosts: push?.serviceHosts ?? [],
      });
      availabilityCache.set(cacheKey, answer, instant.getTime());
      return answer;
    },

    /**
     * A full slot is answered with a refusal, not thrown: it is the busy path when many race for
     * the last seats. A slot this process has seen full is refused before any transaction; with an
     * Idempotency-Key, only when the store keeps no answer under the key (a kept answer is a booking,
     * replayed by the transaction). That read is enough: a slot is seen full only after the store said
     * so, when every booking of its seats had committed with its answer, and a seat freed since clears
     * what was seen (hold-knowledge.ts).
     */
    async create(
      request: NewCounterReservation,
      idempotencyKey: string | null,
    ): Promise<{ created: CounterReservationCreated; replayed: boolean } | BookingRefusal> {
      const { kind, slot } = checkRequest(request);
      const knownFull = async () =>
        fullSlots !== null &&
        fullSlots.isHeld(slot, japanClock(now()).date) &&
        (idempotencyKey === null || !(await store.hasIdempotentAnswer(CREATE_SCOPE, idempotencyKey)));
      if (await knownFull()) return FULL;
      const idempotency = idempotencyKey ? { scope: CREATE_SCOPE, key: idempotencyKey, requestHash: await hashRequest(request) } : null;
      const pushSubscription = await pushContact(request.pushSubscription);

      for (let attempt = 0; attempt < 5; attempt++) {
        const token = newManagementToken();
        const code = newReservationCode();
        const instant = now();
        const stamp = instant.toISOString();
        const created: CounterReservationCreated = {
          token,
          reservation: {
            code,
            kindId: kind.id,
            slot: { date: request.slot.date, time: slot.slice(11) },
            people: request.people,
            proxy: request.proxy,
            nameKana: request.nameKana,
            phone: request.phone,
            email: request.email ? request.email : null,
            status: 'booked',
            cityCancellationReason: null,
            cityMovedFrom: null,
          },
        };
        const reminders = remindersFor({ code, slot, kindId: kind.id, proxy: request.proxy, email: created.reservation.email, pushSubscription }, instant);
        const tokenHash = await hashSecret(token);
        // Again after the awaits: meanwhile another request may have found the slot full.
        if (await knownFull()) return FULL;
        const since = fullSlots?.since() ?? 0;
        const outcome = await store.counter.book(
          {
            code,
            tokenHash,
            kindId: kind.id,
            slot,
            capacity,
            people: request.people,
            proxy: request.proxy,
            nameKana: request.nameKana,
            phone: request.phone,
            email: created.reservation.email,
            pushSubscription,
            reminders,
            now: stamp,
          },
          idempotency,
          () => JSON.stringify(created),
        );
        if (outcome.replayed === false && outcome.value === 'booked') availabilityCache.invalidate();
        if (outcome.replayed === true) return { created: JSON.parse(outcome.responseJson) as CounterReservationCreated, replayed: true };
        if (outcome.replayed === 'mismatch') {
          throw new ApiHttpError(422, 'unprocessable', IDEMPOTENCY_MISMATCH_MESSAGE);
        }
        if (outcome.value === 'booked') return { created, replayed: false };
        if (outcome.value === 'full') {
          fullSlots?.remember([slot], since, japanClock(instant).date);
          return FULL;
        }
      }
      throw new ApiHttpError(503, 'service_unavailable');
    },

    /**
     * The desk changed the counter outside this service (a clerk's cancel, a closure or its
     * reopening): what is kept is out of date.
     */
    counterChangedByStaff(): void {
      seatsFreed();
    },

    async view(code: string, token: string | null): Promise<{ reservation: CounterReservation; links: ManagementLink[] }> {
      const stored = await findWithToken(code, token);
      return { reservation: publicView(stored), links: await links.list(code, stored.linkId) };
    },

    /**
     * The fallback when the link is lost: code + phone, with tries limited (see lookup-by-phone.ts).
     * The device gets a link of its own; the links already given keep working.
     */
    async lookUpByPhone(code: string, phone: string, clientAddress: string): Promise<CounterReservationCreated> {
      const stored = await findByCodeAndPhone(
        lookupGuard,
        { kind: 'counter', desk: '市民課', find: (wanted) => store.counter.find(wanted) },
        { code, phone, clientAddress },
      );
      return { reservation: publicView(stored), token: await links.addFound(code) };
    },

    /** Closes every management link of the booking but the one in hand. */
    async closeOtherLinks(code: string, token: string | null): Promise<ManagementLink[]> {
      const stored = await findWithToken(code, token);
      await links.closeOthers(code, stored.linkId);
      return links.list(code, stored.linkId);
    },

    async change(code: string, token: string | null, slot: { date: string; time: string }): Promise<CounterReservation> {
      const stored = await findWithToken(code, token);
      if (stored.status !== 'booked') throw new ApiHttpError(409, 'conflict', COUNTER_MESSAGES.cancelled);
      requireBookableSlot({ date: stored.slot.slice(0, 10), time: stored.slot.slice(11) });
      return moveTo(stored, requireBookableSlot(slot), () => undefined);
    },

    /**
     * A clerk moves a booking after a phone call: the same move as the citizen's change (the new
     * seat taken before the old one is freed, the desks of the slot enforced by the store, the
     * reminder moved), but under the clerk's slot rule (staffMoveRefusal: no cut-off before the
     * slot, any present slot), and recorded for the citizen's page with the city's notice by mail.
     * Returns the slots before and after ('YYYY-MM-DDTHH:MM').
     */
    async moveByCity(code: string, slot: { date: string; time: string }, accountId: number): Promise<{ from: string; to: string }> {
      const stored = await store.counter.find(code);
      if (!stored) throw NOT_FOUND;
      if (stored.status !== 'booked') throw new ApiHttpError(409, 'conflict', COUNTER_MESSAGES.cancelled);
      const start = parseTime(slot.time) ?? -1;
      const refusal = staffMoveRefusal(slot.date, start, japanClock(now()), content);
      if (refusal) throw new ApiHttpError(422, 'unprocessable', STAFF_MOVE_MESSAGES[refusal], [{ path: 'slot', message: STAFF_MOVE_MESSAGES[refusal] }]);
      const target = `${slot.date}T${timeKey(start)}`;
      if (target === stored.slot) throw new ApiHttpError(409, 'conflict', 'いまと同じ日時です。ほかの日時を選んでください。');
      await moveTo(stored, target, (instant) => {
        const texts = {
          mail: (facts: CounterMailFacts) => movedByCityMail(facts, stored.slot),
          push: (facts: CounterPushFacts) => movedByCityPush(facts, stored.slot),
        };
        return { accountId, notices: counterNotices(content, notifications, { ...stored, slot: target }, 'city-move', texts, instant) };
      });
      return { from: stored.slot, to: target };
    },

    async cancel(code: string, token: string | null): Promise<CounterReservation> {
      const stored = await findWithToken(code, token);
      if (stored.status === 'cancelled') return publicView(stored);
      const start = parseTime(stored.slot.slice(11)) ?? 0;
      const clock = japanClock(now());
      if (checkSlot(stored.slot.slice(0, 10), start, clock, content) === 'too-late') {
        throw new ApiHttpError(422, 'unprocessable', COUNTER_MESSAGES.tooLateToCancel(formatTime(start)));
      }
      const outcome = await store.counter.cancel(code, now().toISOString(), []);
      if (outcome === 'visit-recorded') throw new ApiHttpError(409, 'conflict', COUNTER_MESSAGES.visitRecorded);
      seatsFreed();
      await offerFreedSeat(stored.slot);
      return publicView((await store.counter.find(code)) ?? stored);
    },
  };
}

export type CounterService = ReturnType<typeof createCounterService>;
