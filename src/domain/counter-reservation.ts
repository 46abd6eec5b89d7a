import { z } from 'zod';
import { containsIndividualNumber, INDIVIDUAL_NUMBER_MESSAGE } from './individual-number.ts';
import { isIsoDate, parseTime } from './japan-time.ts';
import './validation.ts';

/**
 * What a citizen sends to book, look up or change a MyNumber counter visit. The same schemas check
 * the form in the browser and the body on the server, with the same Japanese messages.
 * Every text field refuses a 12-digit 個人番号 first: the portal never needs it.
 */
function citizenText() {
  return z.string().refine((value) => !containsIndividualNumber(value), INDIVIDUAL_NUMBER_MESSAGE);
}

/** Hiragana typed by the citizen becomes katakana, so the clerk's list reads one way. */
function toKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096]/g, (kana) => String.fromCharCode(kana.charCodeAt(0) + 0x60));
}

export const nameKanaSchema = citizenText()
  .transform((value) => toKatakana(value.normalize('NFKC').trim().replace(/\s+/g, ' ')))
  .pipe(
    z
      .string()
      .min(1, 'お名前をカタカナで入力してください（例：トウガネ タロウ）。')
      .max(40, 'お名前は40文字以内で入力してください。')
      .regex(/^[\u30a1-\u30fcー ]+$/, 'お名前はカタカナで入力してください（例：トウガネ タロウ）。'),
  );

export const phoneSchema = citizenText()
  .transform((value) => value.normalize('NFKC').replace(/[\s\-()‐－ー]/g, ''))
  .pipe(z.string().regex(/^0\d{9,10}$/, '電話番号は数字で入力してください（例：0475-00-0000）。'));

export const emailSchema = citizenText()
  .transform((value) => value.normalize('NFKC').trim())
  .pipe(
    z.union([
      z.literal(''),
      z.email('メールアドレスの形が正しくありません（例：togane@example.jp）。').max(254, 'メールアドレスが長すぎます。'),
    ]),
  );

export const slotSchema = z.object({
  date: z.string().refine(isIsoDate, '日付を選んでください。'),
  time: z.string().refine((value) => parseTime(value) !== null, '時刻を選んでください。'),
});

/** 8 letters and digits without look-alikes (no 0/O, 1/I/L); hyphens and spaces are ignored. */
export const RESERVATION_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const reservationCodeSchema = citizenText()
  .transform((value) => value.normalize('NFKC').toUpperCase().replace(/[\s\-ー－]/g, ''))
  .pipe(z.string().regex(/^[2-9A-HJ-KMNP-Z]{8}$/, '予約番号は8文字の英数字です（例：ABCD-2345）。'));

export function formatReservationCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export const newCounterReservationSchema = z.strictObject({
  kindId: z.string().min(1, '用件を選んでください。').max(40),
  slot: slotSchema,
  nameKana: nameKanaSchema,
  phone: phoneSchema,
  email: emailSchema.optional(),
  people: z.number({ error: '人数を選んでください。' }).int().min(1, '人数を選んでください。').max(10),
  proxy: z.boolean({ error: '代理人が来るかどうかを選んでください。' }),
});

export const lookupByPhoneSchema = z.strictObject({ code: reservationCodeSchema, phone: phoneSchema });
export const changeSlotSchema = z.strictObject({ slot: slotSchema });

export type NewCounterReservation = z.infer<typeof newCounterReservationSchema>;

/** A booking as the API returns it to the person holding its code and token. */
export interface CounterReservation {
  code: string;
  kindId: string;
  slot: { date: string; time: string };
  people: number;
  proxy: boolean;
  nameKana: string;
  phone: string;
  email: string | null;
  status: 'booked' | 'cancelled';
}

export interface CounterReservationCreated {
  reservation: CounterReservation;
  /** Secret: shown once, kept on the device and in the management link; the server keeps a hash. */
  token: string;
}

/** Availability as the API returns it: a day's mark and each slot's seats. */
export interface CounterDay {
  date: string;
  availability: 'open' | 'few' | 'full' | 'closed';
  /** Why the day is closed (土日, 祝日 …), for the text list. */
  closedReason: string | null;
  slots: { time: string; seatsLeft: number; bookable: boolean }[];
}
