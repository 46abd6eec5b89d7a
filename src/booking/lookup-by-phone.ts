import { ApiHttpError } from '../domain/api-refusal.ts';
import { LOOKUP_MESSAGES, type LookupDesk } from '../domain/booking-lookup.ts';
import type { AttemptGuard, AttemptLimit } from './attempt-guard.ts';
import type { BookingKind } from './link-store.ts';
import { secretsEqual } from './secrets.ts';

/**
 * The look-up by code + phone is the one door a guesser could try: wrong tries are limited per
 * client address (one budget for the counter's door and the facilities', so two doors are not twice
 * the guesses) and per booking (so many addresses cannot share out the guessing on one code).
 */
export const LOOKUP_LIMITS = {
  perAddress: { scope: 'lookup-address', max: 10, windowMs: 15 * 60_000 },
  perCode: { scope: 'lookup-code', max: 10, windowMs: 24 * 60 * 60_000 },
} as const satisfies Record<string, AttemptLimit>;

const NOT_FOUND = new ApiHttpError(404, 'not_found', LOOKUP_MESSAGES.notFound);

/**
 * The stored booking that `code` and `phone` (both normalised by lookupByPhoneSchema) open, under
 * the guessing limits. Refuses with 404 when the code is unknown or the phone is not the booking's
 * (the same answer, so neither is revealed), and 429 once the tries are used up. The phone is
 * compared in constant time; a booking whose personal data the retention job deleted has no phone
 * and opens for nobody.
 */
export async function findByCodeAndPhone<Stored extends { phone: string | null }>(
  guard: AttemptGuard,
  booking: { kind: BookingKind; desk: LookupDesk; find: (code: string) => Promise<Stored | null> },
  request: { code: string; phone: string; clientAddress: string },
): Promise<Stored> {
  const outcome = await guard.guard(
    [
      { limit: LOOKUP_LIMITS.perAddress, subject: request.clientAddress },
      { limit: LOOKUP_LIMITS.perCode, subject: `${booking.kind}:${request.code}` },
    ],
    async () => {
      const stored = await booking.find(request.code);
      const matches = stored !== null && stored.phone !== null && (await secretsEqual(request.phone, stored.phone));
      return { succeeded: matches, value: matches ? stored : null };
    },
  );
  if (!outcome.allowed) throw new ApiHttpError(429, 'too_many_requests', LOOKUP_MESSAGES.tooMany(booking.desk));
  if (!outcome.value) throw NOT_FOUND;
  return outcome.value;
}
