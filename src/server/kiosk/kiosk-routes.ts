import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { kioskPinSchema, kioskStatusSchema, kioskVerifiedSchema, type KioskStatus } from '../../domain/kiosk-api.ts';
import { ApiHttpError, parseBody } from '../../domain/api-refusal.ts';
import { jsonContent as json } from '../route-helpers.ts';
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
  api.get('/kiosk', (_request, reply) => reply.send({ pinConfigured: pinHash !== null } satisfies KioskStatus));

  api.post('/kiosk/session', async (request) => {
    if (pinHash === null) throw new ApiHttpError(503, 'service_unavailable', KIOSK_MESSAGES.notConfigured);
    const { pin } = parseBody(kioskPinSchema, request.body);
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

export const kioskPaths = {
  '/api/v1/kiosk': {
    get: {
      summary: 'キオスクモードを使えるか（職員の暗証番号がサーバーに設定されているか）',
      operationId: 'getKioskStatus',
      responses: { 200: { description: '設定の有無', content: json(kioskStatusSchema) } },
    },
  },
  '/api/v1/kiosk/session': {
    post: {
      summary: '職員の暗証番号を確かめる（端末をキオスクモードにする・終えるとき）',
      description:
        'キオスクモードは端末の設定で、データを守る鍵ではありません。暗証番号が合えば verified: true を返すだけです。誤りは同じアドレスから15分に5回までで、それを超えると正しい番号も429で断ります。',
      operationId: 'verifyKioskPin',
      requestBody: { required: true, content: json(kioskPinSchema) },
      responses: {
        200: { description: '暗証番号が合っている', content: json(kioskVerifiedSchema) },
        400: { description: '暗証番号の形が正しくない（6～12けたの数字）' },
        403: { description: '暗証番号が違う' },
        429: { description: '誤りが続いたため、しばらく受け付けない' },
        503: { description: 'サーバーに暗証番号が設定されていない（KIOSK_PIN_HASH）' },
      },
    },
  },
};
