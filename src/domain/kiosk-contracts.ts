import type { ApiContract } from './api-contract.ts';
import { kioskPinSchema, kioskStatusSchema, kioskVerifiedSchema } from './kiosk-api.ts';

/**
 * The kiosk endpoints, one contract each, the same pattern as staff-contracts.ts: the kiosk setup
 * screen calls them, src/server/kiosk/kiosk-routes.ts registers them, the OpenAPI document shows them.
 */
export const kioskContracts = {
  status: {
    method: 'GET',
    path: '/api/v1/kiosk',
    summary: 'キオスクモードを使えるか（職員の暗証番号がサーバーに設定されているか）',
    answer: { status: 200, description: '設定の有無', schema: kioskStatusSchema },
    refusals: {},
  },
  verifyPin: {
    method: 'POST',
    path: '/api/v1/kiosk/session',
    summary:
      '職員の暗証番号を確かめる（端末をキオスクモードにする・終えるとき）。キオスクモードは端末の設定で、データを守る鍵ではありません。暗証番号が合えば verified: true を返すだけです。誤りは同じアドレスから15分に5回までで、それを超えると正しい番号も429で断ります。',
    body: kioskPinSchema,
    answer: { status: 200, description: '暗証番号が合っている', schema: kioskVerifiedSchema },
    refusals: {
      400: '暗証番号の形が正しくない（6～12けたの数字）',
      403: '暗証番号が違う',
      429: '誤りが続いたため、しばらく受け付けない',
      503: 'サーバーに暗証番号が設定されていない（KIOSK_PIN_HASH）',
    },
  },
} as const satisfies Record<string, ApiContract>;
