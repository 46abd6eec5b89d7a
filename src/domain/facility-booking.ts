import { z } from 'zod';
import { citizenText, emailSchema, nameKanaSchema, phoneSchema } from './citizen-fields.ts';
import { DAY_AVAILABILITIES } from './day-availability.ts';
import { GROUP_TYPES, RESIDENCIES } from './facilities.ts';
import { isIsoDate } from './japan-time.ts';
import './validation.ts';

/**
 * What a citizen sends to see the fee of, book, or change a facility booking. The same schemas check
 * the form in the browser and the body on the server. The fee is never sent: the server computes it.
 */
const idField = (message: string) => z.string({ error: message }).min(1, message).max(40);
const datesField = z
  .array(z.string().refine(isIsoDate, '日付を選んでください。'))
  .min(1, '日にちを選んでください。')
  .max(31, '一度に予約できるのは31日までです。');
const blockIdsField = z.array(z.string().min(1).max(40)).min(1, '使う時間（区分）を選んでください。').max(12);

export const facilityChoiceSchema = z.strictObject({
  facilityId: idField('施設を選んでください。'),
  roomId: idField('部屋を選んでください。'),
  dates: datesField,
  blockIds: blockIdsField,
  residency: z.enum(RESIDENCIES, { error: '市内か市外かを選んでください。' }),
  group: z.enum(GROUP_TYPES, { error: '使う方の区分（一般・学生・中学生以下）を選んでください。' }),
});

export const facilityApplicantSchema = z.strictObject({
  purpose: citizenText()
    .transform((value) => value.normalize('NFKC').trim())
    .pipe(z.string().min(1, '使う目的を入力してください（例：自治会の会議）。').max(100, '使う目的は100文字以内で入力してください。')),
  headCount: z.number({ error: '使う人数を入力してください。' }).int('使う人数は数字で入力してください。').min(1, '使う人数を入力してください。').max(10_000),
  groupName: citizenText()
    .transform((value) => value.normalize('NFKC').trim())
    .pipe(z.string().max(60, '団体名は60文字以内で入力してください。')),
  nameKana: nameKanaSchema,
  phone: phoneSchema,
  email: emailSchema.optional(),
});

export const newFacilityBookingSchema = z.strictObject({ ...facilityChoiceSchema.shape, ...facilityApplicantSchema.shape });
export const changeFacilityBookingSchema = facilityChoiceSchema.pick({ dates: true, blockIds: true });

export type FacilityChoice = z.infer<typeof facilityChoiceSchema>;
export type NewFacilityBooking = z.infer<typeof newFacilityBookingSchema>;

export const FACILITY_BOOKING_STATUSES = ['booked', 'provisional', 'cancelled', 'released'] as const;
export type FacilityBookingStatus = (typeof FACILITY_BOOKING_STATUSES)[number];

export const FACILITY_STATUS_LABELS: Record<FacilityBookingStatus, string> = {
  booked: '予約しています',
  provisional: '仮予約です（窓口での申し込みが必要です）',
  cancelled: '取り消しました',
  released: '申し込みの期限が過ぎたため、取り消されました',
};

// The answers below are schemas so the API's tests can check every answer against its contract
// (src/server/testing/contract-answers.ts) and the OpenAPI document can show them; the types are
// inferred from them. The browser only imports the types.

/** The fee as the server computed it from content, with each block's part. */
export const facilityQuoteSchema = z.strictObject({
  fee: z.number().int(),
  lines: z.array(z.strictObject({ blockId: z.string(), label: z.string(), perDay: z.number().int(), days: z.number().int() })),
  /** True when the facility needs an in-person application: the booking is a 仮予約 until then. */
  provisional: z.boolean(),
  /** The day an in-person application is due, for a provisional booking made now. */
  applyBy: z.string().nullable(),
  /** The last day the booking can be cancelled in the portal. */
  cancelUntil: z.string(),
});
export type FacilityQuote = z.infer<typeof facilityQuoteSchema>;

/** A booking as the API returns it to the person holding its code and token. */
export const facilityBookingSchema = z.strictObject({
  code: z.string(),
  facilityId: z.string(),
  roomId: z.string(),
  dates: z.array(z.string()),
  blockIds: z.array(z.string()),
  residency: z.enum(RESIDENCIES),
  group: z.enum(GROUP_TYPES),
  purpose: z.string(),
  headCount: z.number().int(),
  groupName: z.string(),
  nameKana: z.string(),
  phone: z.string(),
  email: z.string().nullable(),
  fee: z.number().int(),
  status: z.enum(FACILITY_BOOKING_STATUSES),
  applyBy: z.string().nullable(),
  cancelUntil: z.string(),
  /** Set when the facility desk declined the 仮予約 (status 'cancelled'): the reason the citizen reads. */
  cityCancellationReason: z.string().nullable(),
});
export type FacilityBooking = z.infer<typeof facilityBookingSchema>;

export const facilityBookingCreatedSchema = z.strictObject({
  booking: facilityBookingSchema,
  /** Secret: shown once, kept on the device and in the management link; the server keeps a hash. */
  token: z.string(),
});
export type FacilityBookingCreated = z.infer<typeof facilityBookingCreatedSchema>;

export const facilityDaySchema = z.strictObject({
  date: z.string(),
  availability: z.enum(DAY_AVAILABILITIES),
  closedReason: z.string().nullable(),
  /** `waitlist`: taken by a booking and open for キャンセル待ち (only where it is offered). */
  blocks: z.array(z.strictObject({ id: z.string(), free: z.boolean(), bookable: z.boolean(), waitlist: z.boolean().optional() })),
});
export type FacilityDay = z.infer<typeof facilityDaySchema>;

export const facilitySearchResultSchema = z.strictObject({
  facilityId: z.string(),
  roomId: z.string(),
  /** Blocks free on the day asked about (portal rooms only); null when no day was given or the room is booked elsewhere. */
  freeBlockIds: z.array(z.string()).nullable(),
});
export type FacilitySearchResult = z.infer<typeof facilitySearchResultSchema>;

/** `GET /facilities/search?purpose=&date=&block=&headCount=`. */
export const facilitySearchQuerySchema = z.object({
  purpose: z.string().max(40).optional(),
  date: z.string().refine(isIsoDate, '日付は 2026-12-01 の形で指定してください。').optional(),
  block: z.string().max(40).optional(),
  headCount: z.coerce.number().int().min(1, '人数は1以上にしてください。').max(10_000).optional(),
});
