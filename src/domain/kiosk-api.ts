import { z } from 'zod';
import { KIOSK_PIN_MESSAGE, KIOSK_PIN_PATTERN } from './kiosk.ts';
import './validation.ts';

/** The kiosk API's bodies (src/server/kiosk), apart from kiosk.ts so the home screen loads no zod. */
export const kioskPinSchema = z.object({
  pin: z.string().regex(KIOSK_PIN_PATTERN, KIOSK_PIN_MESSAGE),
});
export type KioskPinRequest = z.infer<typeof kioskPinSchema>;

export const kioskStatusSchema = z.object({
  pinConfigured: z.boolean().describe('サーバーに職員の暗証番号が設定されているか'),
});
export type KioskStatus = z.infer<typeof kioskStatusSchema>;

export const kioskVerifiedSchema = z.object({ verified: z.literal(true) });
