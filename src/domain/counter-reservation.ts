import { z } from 'zod';
import { emailSchema, nameKanaSchema, phoneSchema } from './citizen-fields.ts';
import { DAY_AVAILABILITIES } from './day-availability.ts';
import { pushSubscriptionSchema } from './push-notification.ts';
import { isIsoDate, parseTime } from './japan-time.ts';
import './validation.ts';

/**
 * What a citizen sends to book or change a MyNumber counter visit (the look-up: booking-lookup.ts). The same schemas check
 * the form in the browser and the body on the server, with the same Japanese messages.
 */
export const slotSchema = z.object({
  date: z.string().refine(isIsoDate, '日付を選んでください。'),
  time: z.string().refine((value) => parseTime(value) !== null, '時刻を選んでください。'),
});

export const newCounterReservationSchema = z.strictObject({
  kindId: z.string().min(1, '用件を選んでください。').max(40),
  slot: slotSchema,
  nameKana: nameKanaSchema,
  phone: phoneSchema,
  email: emailSchema.optional(),
  /** 「この携帯電話にお知らせを表示する」: the phone's push subscription, where the city offers push. */
  pushSubscription: pushSubscriptionSchema.optional(),
  people: z.number({ error: '人数を選んでください。' }).int().min(1, '人数を選んでください。').max(10),
  proxy: z.boolean({ error: '代理人が来るかどうかを選んでください。' }),
});

export const changeSlotSchema = z.strictObject({ slot: slotSchema });

export type NewCounterReservation = z.infer<typeof newCounterReservationSchema>;

// The answers below are schemas so the API's tests can check every answer against its contract
// (src/server/testing/contract-answers.ts) and the OpenAPI document can show them; the types are
// inferred from them. The browser only imports the types.

const answeredSlot = z.strictObject({ date: z.string(), time: z.string() });

/** A booking as the API returns it to the person holding its code and token. */
export const counterReservationSchema = z.strictObject({
  code: z.string(),
  kindId: z.string(),
  slot: answeredSlot,
  people: z.number().int(),
  proxy: z.boolean(),
  nameKana: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  status: z.enum(['booked', 'cancelled']),
  /** Set when the city cancelled the booking: the clerk's reason, which the citizen's page shows. */
  cityCancellationReason: z.string().nullable(),
  /** Set when the city moved the booking to its present time (a clerk, after a phone call): the time before. */
  cityMovedFrom: answeredSlot.nullable(),
});
export type CounterReservation = z.infer<typeof counterReservationSchema>;

export const counterReservationCreatedSchema = z.strictObject({
  reservation: counterReservationSchema,
  /** Secret: shown once, kept on the device and in the management link; the server keeps a hash. */
  token: z.string(),
});
export type CounterReservationCreated = z.infer<typeof counterReservationCreatedSchema>;

/** Availability as the API returns it: a day's mark and each slot's seats. */
export const counterDaySchema = z.strictObject({
  date: z.string(),
  availability: z.enum(DAY_AVAILABILITIES),
  /** Why the day is closed (土日, 祝日 …), for the text list. */
  closedReason: z.string().nullable(),
  slots: z.array(
    z.strictObject({
      time: z.string(),
      seatsLeft: z.number().int(),
      bookable: z.boolean(),
      /** Why the city closed this time (its closure's reason), or null where it did not. */
      closedReason: z.string().nullable(),
      /** Full, and キャンセル待ち can be joined (only where the city sends mail). */
      waitlist: z.boolean().optional(),
    }),
  ),
});
export type CounterDay = z.infer<typeof counterDaySchema>;

/** `GET /api/v1/counter/availability`. */
export const counterAvailabilitySchema = z.strictObject({
  days: z.array(counterDaySchema),
  /** The city sends e-mail (a mail server is configured): only then does the form ask for an address. */
  emailReminders: z.boolean(),
  /** The city sends Web Push (VAPID keys are configured): the key a phone subscribes to, or null. */
  pushPublicKey: z.string().nullable(),
  /** The push services the city sends to (empty without push): the browser offers only a subscription on one of them. */
  pushServiceHosts: z.array(z.string()),
});
export type CounterAvailability = z.infer<typeof counterAvailabilitySchema>;

/** The counter API's own messages, said alike by the server and the practice mode's mocks. */
export const COUNTER_MESSAGES = {
  notFound: '予約が見つかりませんでした。予約番号と、確認用の情報をお確かめください。',
  full: 'この時間は、ちょうど予約でいっぱいになりました。ほかの時間を選んでください。',
  fullField: 'この時間は予約でいっぱいです。',
  cancelled: 'この予約は取り消されています。',
  visitRecorded: 'この予約は、窓口で来庁の記録をつけたため、日時の変更や取り消しはできません。市民課へお問い合わせください。',
  unknownKind: '用件を一覧から選んでください。',
  tooManyPeople: (max: number) => `1回の予約は${String(max)}人までです。それより多いときは、分けて予約してください。`,
  tooLateToCancel: (start: string) => `${start}からの予約は、時間が近いため、このアプリでは取り消せません。市民課の窓口へご連絡ください。`,
} as const;
