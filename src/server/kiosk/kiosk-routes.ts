import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { kioskVerifiedSchema, KioskStatus } from '../../domain/kiosk-api.ts';
import { kioskContracts } from '../../domain/kiosk-contracts.ts';
import { ApiHttpError } from '../../domain/api-refusal.ts';
import { contractRoute } from '../route-helpers.ts';
import type { AttemptLimit } from '../../booking/attempt-guard.ts';
import type { Limits } from '../limits.ts';
import { matchesScryptHash } from '../scrypt-hash.ts';

/** Wrong PINs per client address: after 5 in 15 minutes, even the right PIN is refused for a while. */
export const KIOSK_PIN_LIMIT: AttemptLimit = { scope: 'kiosk-pin', max: 5, windowMs: 15 * 60_000 };

export const KIOSK_MESSAGES = {
  notConfigured: 'キオスクの設定がされていません。情報管理課にお問い合わせください。',
  wrongPin: '暗証番号が違います。もう一度入力してください。',
  tooManyFailures: '暗証番号の誤りが続いたため、しばらく受け付けません。15分ほど待ってから、もう一度お試しください。',
} as const;

/**
 * The staff PIN that switches a device into キオスクモード and out of it. The answer is only
 * 「合っています」: the kiosk flag lives on the device, so there is no token to steal.
 */
export function kioskRoutes(api: FastifyInstance, pinHash: string | null, limits: Limits): void {
  const anyone = () => ({});
  contractRoute(api, kioskContracts.status, anyone, () => ({ pinConfigured: pinHash !== null }) satisfies KioskStatus);

  contractRoute(api, kioskContracts.verifyPin, anyone, async ({ request, body: { pin } }) => {
    if (pinHash === null) throw new ApiHttpError(503, 'service_unavailable', KIOSK_MESSAGES.notConfigured);
    // The try is reserved before the slow scrypt comparison, so PINs sent all at once are counted.
    const outcome = await limits.guard([{ limit: KIOSK_PIN_LIMIT, subject: request.ip }], async () => {
      const matches = await matchesScryptHash(pin, pinHash);
      return { succeeded: matches, value: matches };
    });
    if (!outcome.allowed) throw new ApiHttpError(429, 'too_many_requests', KIOSK_MESSAGES.tooManyFailures);
    if (!outcome.value) throw new ApiHttpError(403, 'forbidden', KIOSK_MESSAGES.wrongPin);
    return { verified: true } satisfies z.infer<typeof kioskVerifiedSchema>;
  });
}
