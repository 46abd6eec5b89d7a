import { z } from 'zod';
import { citizenText, emailSchema, nameKanaSchema, phoneSchema } from './citizen-fields.ts';
import type { DayAvailability } from './day-availability.ts';
import { GROUP_TYPES, type GroupType, RESIDENCIES, type Residency } from './facilities.ts';
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

export type FacilityBookingStatus = 'booked' | 'provisional' | 'cancelled' | 'released';

export const FACILITY_STATUS_LABELS: Record<FacilityBookingStatus, string> = {
  booked: '予約しています',
  provisional: '仮予約です（窓口での申し込みが必要です）',
  cancelled: '取り消しました',
  released: '申し込みの期限が過ぎたため、取り消されました',
};

/** The fee as the server computed it from content, with each block's part. */
export interface FacilityQuote {
  fee: number;
  lines: { blockId: string; label: string; perDay: number; days: number }[];
  /** True when the facility needs an in-person application: the booking is a 仮予約 until then. */
  provisional: boolean;
  /** The day an in-person application is due, for a provisional booking made now. */
  applyBy: string | null;
  /** The last day the booking can be cancelled in the portal. */
  cancelUntil: string;
}

/** A booking as the API returns it to the person holding its code and token. */
export interface FacilityBooking {
  code: string;
  facilityId: string;
  roomId: string;
  dates: string[];
  blockIds: string[];
  residency: Residency;
  group: GroupType;
  purpose: string;
  headCount: number;
  groupName: string;
  nameKana: string;
  phone: string;
  email: string | null;
  fee: number;
  status: FacilityBookingStatus;
  applyBy: string | null;
  cancelUntil: string;
  /** Set when the facility desk declined the 仮予約 (status 'cancelled'): the reason the citizen reads. */
  cityCancellationReason: string | null;
}

export interface FacilityBookingCreated {
  booking: FacilityBooking;
  /** Secret: shown once, kept on the device and in the management link; the server keeps a hash. */
  token: string;
}

export interface FacilityDay {
  date: string;
  availability: DayAvailability;
  closedReason: string | null;
  blocks: { id: string; free: boolean; bookable: boolean }[];
}

export interface FacilitySearchResult {
  facilityId: string;
  roomId: string;
  /** Blocks free on the day asked about (portal rooms only); null when no day was given or the room is booked elsewhere. */
  freeBlockIds: string[] | null;
}

/** `GET /facilities/search?purpose=&date=&block=&headCount=`. */
export const facilitySearchQuerySchema = z.object({
  purpose: z.string().max(40).optional(),
  date: z.string().refine(isIsoDate, '日付は 2026-12-01 の形で指定してください。').optional(),
  block: z.string().max(40).optional(),
  headCount: z.coerce.number().int().min(1, '人数は1以上にしてください。').max(10_000).optional(),
});
