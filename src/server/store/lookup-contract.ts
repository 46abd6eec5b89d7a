import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCounterService } from '../../booking/counter-service.ts';
import { createFacilityService } from '../../booking/facility-service.ts';
import { MAX_LINKS_PER_BOOKING } from '../../booking/link-store.ts';
import { LOOKUP_LIMITS } from '../../booking/lookup-by-phone.ts';
import { answer, counterBooking, facilityBooking, freshRoom, freshSlot } from '../../booking/store-contract.ts';
import { counter as counterContent } from '../../content/counter.ts';
import { facilitiesContent } from '../../content/facilities.ts';
import { ApiHttpError } from '../../domain/api-refusal.ts';
import { LOOKUP_MESSAGES } from '../../domain/booking-lookup.ts';
import { createLimits } from '../limits.ts';
import type { ServerStoreUnderTest } from './outbox-contract.ts';

const NOW = new Date('2026-11-24T01:00:00.000Z');
/** The phone as the form's schema leaves it (digits only), which is how the services store it. */
const PHONE = '0475501210';

/** The refusal a look-up gave, as status and message. */
async function refusal(attempt: Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await attempt;
  } catch (error) {
    if (error instanceof ApiHttpError) return { status: error.statusCode, message: error.message };
    throw error;
  }
  throw new Error('the look-up was not refused');
}

/**
 * The look-up by code + phone, for both kinds of booking, over each engine's real store and its real
 * limits (guarded_attempts): the guessing limits, the bound on management links and a refusal that
 * never says whether the code exists hold the same for the counter and the facilities. Addresses
 * are new in each test, as the PostgreSQL run shares one database between tests.
 */
export function describeLookupContract(name: string, makeStore: () => Promise<ServerStoreUnderTest>): void {
  describe(`the look-up by code + phone: ${name}`, () => {
    let subject: ServerStoreUnderTest;
    let services: ReturnType<typeof makeServices>;
    const address = () => `198.51.100.${crypto.randomUUID()}`;

    function makeServices() {
      const { store } = subject;
      const lookupGuard = createLimits(store.limits, () => NOW);
      const common = { store, lookupGuard, now: () => NOW };
      const counter = createCounterService({ ...common, content: counterContent, notifications: { mail: null, push: null } });
      const facilities = createFacilityService({ ...common, content: facilitiesContent, mail: null, sampleFacilitiesBookable: true });
      return {
        /** A booking of each kind, stored as the services store them, and its look-up. */
        kinds: [
          {
            kind: 'counter',
            book: async () => {
              const booking = counterBooking(freshSlot(), 5, { phone: PHONE });
              await store.counter.book(booking, null, answer);
              return booking;
            },
            lookUp: (code: string, phone: string, from: string) => counter.lookUpByPhone(code, phone, from),
            view: (code: string, token: string) => counter.view(code, token),
          },
          {
            kind: 'facility',
            book: async () => {
              const booking = facilityBooking(freshRoom(), ['2026-12-20'], ['09:00'], { phone: PHONE });
              await store.facilities.book(booking, null, answer);
              return booking;
            },
            lookUp: (code: string, phone: string, from: string) => facilities.lookUpByPhone(code, phone, from),
            view: (code: string, token: string) => facilities.view(code, token),
          },
        ] as const,
      };
    }

    beforeEach(async () => {
      subject = await makeStore();
      services = makeServices();
    });
    afterEach(() => subject.close());

    it('opens a booking of either kind with a link of its own; the owner’s link stays, and at most the limit are kept', async () => {
      for (const { book, lookUp, view } of services.kinds) {
        const booking = await book();
        const tokens: string[] = [];
        for (let index = 0; index <= MAX_LINKS_PER_BOOKING; index++) tokens.push((await lookUp(booking.code, PHONE, address())).token);
        const seen = await view(booking.code, tokens.at(-1) ?? '');
        expect(seen.links.map((link) => [link.openedBy, link.current])).toEqual([
          ['booking', false],
          ...Array.from({ length: MAX_LINKS_PER_BOOKING - 2 }, () => ['lookup', false]),
          ['lookup', true],
        ]);
        // The oldest found link was closed to keep the bound; the owner's never is.
        expect(await refusal(view(booking.code, tokens[0] ?? ''))).toMatchObject({ status: 404 });
      }
    });

    it('answers a wrong phone exactly as an unknown code, and a booking whose phone was deleted opens for nobody', async () => {
      for (const { kind, book, lookUp } of services.kinds) {
        const booking = await book();
        const wrongPhone = await refusal(lookUp(booking.code, '0475000000', address()));
        const unknownCode = await refusal(lookUp('ZZZZ9999', PHONE, address()));
        expect(wrongPhone, kind).toEqual({ status: 404, message: LOOKUP_MESSAGES.notFound });
        expect(unknownCode, kind).toEqual(wrongPhone);
      }
      const [counter, facility] = services.kinds;
      const counterBooked = await counter.book();
      const facilityBooked = await facility.book();
      await subject.store.counter.deletePersonalDataUpTo(counterBooked.slot.slice(0, 10), NOW.toISOString());
      await subject.store.facilities.deletePersonalDataUpTo('2026-12-20', NOW.toISOString());
      expect(await refusal(counter.lookUp(counterBooked.code, PHONE, address()))).toMatchObject({ status: 404 });
      expect(await refusal(facility.lookUp(facilityBooked.code, PHONE, address()))).toMatchObject({ status: 404 });
    });

    it('locks a booking’s code after the limit of wrong phones from many addresses, even for the right phone', async () => {
      for (const { kind, book, lookUp } of services.kinds) {
        const booking = await book();
        for (let index = 0; index < LOOKUP_LIMITS.perCode.max; index++) {
          expect((await refusal(lookUp(booking.code, `04750000${String(10 + index)}`, address()))).status, kind).toBe(404);
        }
        expect(await refusal(lookUp(booking.code, PHONE, address()))).toEqual({
          status: 429,
          message: LOOKUP_MESSAGES.tooMany(kind === 'counter' ? '市民課' : '予約した施設'),
        });
      }
    });

    it('gives one address one budget of wrong tries for both doors, and a burst checks no more than it', async () => {
      const [counter, facility] = services.kinds;
      const from = address();
      const half = LOOKUP_LIMITS.perAddress.max / 2;
      for (let index = 0; index < half; index++) expect((await refusal(counter.lookUp(`ZZZZ${String(2222 + index)}`, PHONE, from))).status).toBe(404);
      const burst = await Promise.all(
        Array.from({ length: 3 * half }, (_, index) => refusal(facility.lookUp(`YYYY${String(2222 + index)}`, PHONE, from)).then((refused) => refused.status)),
      );
      expect(burst.filter((status) => status === 404)).toHaveLength(half);
      expect(burst.filter((status) => status === 429)).toHaveLength(2 * half);
      const booking = await facility.book();
      expect((await refusal(facility.lookUp(booking.code, PHONE, from))).status).toBe(429);
      // Another address is not held back by this one's guesses.
      expect((await facility.lookUp(booking.code, PHONE, address())).booking.code).toBe(booking.code);
    });
  });
}
