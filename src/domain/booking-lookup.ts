import { z } from 'zod';
import { phoneSchema, reservationCodeSchema } from './citizen-fields.ts';

/**
 * Finding a booking again by its code and the phone number given with it, when its management link
 * is lost (booked on another phone, at the kiosk, the link deleted). The same rules for the counter
 * and the facilities: the code and the phone are read as the citizen types them (full-width digits,
 * hyphens, spaces, lower case), and a refusal never says whether the code exists.
 */
export const lookupByPhoneSchema = z.strictObject({ code: reservationCodeSchema, phone: phoneSchema });

/** Whom a citizen calls when the look-up is locked: the desk that holds their booking. */
export type LookupDesk = '市民課' | '予約した施設';

export const LOOKUP_MESSAGES = {
  /** A wrong code and a wrong phone are the same answer, so a guesser learns nothing from it. */
  notFound: '予約が見つかりませんでした。予約番号と、予約のときの電話番号をお確かめください。',
  tooMany: (desk: LookupDesk) => `確認の誤りが続いたため、しばらく受け付けません。時間をおいてお試しいただくか、${desk}へお電話ください。`,
} as const;
