import { z } from 'zod';
import { isoDateSchema, phoneNumberSchema, provenanceSchema } from './city.ts';
import { formatTime, parseTime } from './japan-time.ts';
import './validation.ts';

const idSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, 'id は半角英小文字・数字・ハイフンで書いてください。');
const timeOfDaySchema = z.string().refine((value) => parseTime(value) !== null, '時刻は 09:00 の形で書いてください。');
const yenSchema = z.number().int().min(0).max(1_000_000);

/** Who pays which fee: 市内 means living, working or studying in Togane. */
export const RESIDENCIES = ['resident', 'nonResident'] as const;
export const GROUP_TYPES = ['general', 'student', 'child'] as const;
export type Residency = (typeof RESIDENCIES)[number];
export type GroupType = (typeof GROUP_TYPES)[number];
export const RESIDENCY_LABELS: Record<Residency, string> = { resident: '市内', nonResident: '市外' };
export const RESIDENCY_HINTS: Record<Residency, string> = {
  resident: '東金市に住んでいる、または市内に通勤・通学している方',
  nonResident: 'それ以外の方',
};
export const GROUP_TYPE_LABELS: Record<GroupType, string> = { general: '一般', student: '学生', child: '中学生以下' };

/**
 * When a public holiday falls on a facility's closed weekday:
 * - `none`: it stays closed;
 * - `next-weekday`: it opens, and the next day that is not a holiday closes instead;
 * - `day-after-next`: it opens, and the day after next (翌々日) closes instead — 東金文化会館: a holiday
 *   Monday opens and Wednesday closes (tobunspo.or.jp/guide).
 */
export const HOLIDAY_SHIFTS = ['none', 'next-weekday', 'day-after-next'] as const;
export type HolidayShift = (typeof HOLIDAY_SHIFTS)[number];

const feesByGroupSchema = z.object({ general: yenSchema, student: yenSchema, child: yenSchema });

/** A block a room is let in (午前 9:00～12:00 …). Blocks may overlap (全日 covers 午前): see blockSegments. */
export const timeBlockSchema = z.object({
  id: idSchema,
  label: z.string().min(1),
  start: timeOfDaySchema,
  end: timeOfDaySchema,
});

/**
 * When bookings for a day open: N months before it (`months-ahead`), or on the 1st of the month
 * M months before its month (`first-of-month`, as 東金文化会館's halls); they close D days before.
 */
export const bookingWindowSchema = z.object({
  opens: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('months-ahead'), months: z.number().int().min(0).max(24) }),
    z.object({ kind: z.literal('first-of-month'), months: z.number().int().min(0).max(24) }),
  ]),
  closesDaysBefore: z.number().int().min(0).max(365),
});

export const roomSchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  capacity: z.number().int().min(1).max(10_000),
  equipment: z.array(z.string().min(1)),
  purposes: z.array(z.string().min(1)).min(1),
  window: bookingWindowSchema,
  /** At most this many days in a row in one booking. */
  maxConsecutiveDays: z.number().int().min(1).max(31),
  /** Fee per block id, by residency and group, in yen; null while the city has not confirmed them. */
  fees: z.record(z.string(), z.object({ resident: feesByGroupSchema, nonResident: feesByGroupSchema })).nullable(),
  /** The facility's own rules for the room (室内用シューズ …), with where they were read. */
  rules: z.object({ items: z.array(z.string().min(1)).min(1), provenance: provenanceSchema }).optional(),
  /** What the fee is for (e.g. 「2時間あたり、入場料を取らないアマチュアスポーツ」). */
  feeNote: z.string().min(1).optional(),
  feeProvenance: provenanceSchema,
});

/** How a facility is booked: in this portal, on another system (a clear hand-off), or by phone. */
export const bookingRouteSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('portal') }),
  z.object({
    kind: z.literal('elsewhere'),
    systemName: z.string().min(1),
    url: z.url({ protocol: /^https$/, error: 'URL は https:// で始めてください。' }),
    /** Where and how to register before the first booking; null when no registration is needed. */
    registration: z.string().min(1).nullable(),
    prepare: z.array(z.string().min(1)).min(1),
    steps: z.array(z.string().min(1)).min(1),
  }),
  z.object({ kind: z.literal('phone'), phone: phoneNumberSchema, hours: z.string().min(1) }),
]);

export const facilitySchema = z.object({
  id: idSchema,
  name: z.string().min(1),
  reading: z.string().regex(/^[\u3041-\u3096ー・ ]+$/, '読みはひらがなで書いてください。'),
  /** Sample content stands in for facts the city has not given yet; the screens say so. */
  sample: z.boolean(),
  summary: z.string().min(1),
  address: z.string().min(1),
  access: z.string().min(1),
  operator: z.string().min(1),
  /** The facility's own phone; omitted while unknown (the portal contact is shown instead). */
  phone: phoneNumberSchema.optional(),
  blocks: z.array(timeBlockSchema).min(1),
  closed: z.object({
    /** 0 = Sunday … 6 = Saturday. */
    weekdays: z.array(z.number().int().min(0).max(6)),
    /** What a public holiday on a closed weekday does: see HOLIDAY_SHIFTS. */
    holidayShift: z.enum(HOLIDAY_SHIFTS),
    /** Closed 12/29–1/3. */
    yearEnd: z.boolean(),
    dates: z.array(z.object({ date: isoDateSchema, reason: z.string().min(1) })),
  }),
  /** Cancellation through the portal until this many days before the day of use. */
  cancelDaysBefore: z.number().int().min(0).max(365),
  /** Where that limit comes from: it is the portal's setting until the facility confirms it. */
  cancelDaysProvenance: provenanceSchema,
  /** What the facility itself says about cancelling and changing a booking, with its source. */
  cancelRule: z.object({ text: z.string().min(1), provenance: provenanceSchema }).optional(),
  changesAllowed: z.boolean(),
  /** When set, a portal booking is provisional (仮予約) until the application is made in person. */
  inPersonApplication: z.object({ withinDays: z.number().int().min(1).max(30), where: z.string().min(1), bring: z.array(z.string().min(1)).min(1) }).nullable(),
  payment: z.string().min(1),
  route: bookingRouteSchema,
  rooms: z.array(roomSchema).min(1),
  provenance: provenanceSchema,
});

/**
 * When the e-mails about facility bookings go out, Japan time (see facility-mail.ts): the portal's
 * choice, marked unverified until the facilities agree to it.
 */
export const facilityMailTimesSchema = z.object({
  /** The reminder: the day before the first day of use, at this time (after the working day, as the counter's). */
  reminderTime: timeOfDaySchema,
  /** A 仮予約's deadline notice: the day before its deadline day, at this time (the morning, so the day can still be used). */
  deadlineNoticeTime: timeOfDaySchema,
  provenance: provenanceSchema,
});

/**
 * キャンセル待ち for a room's blocks: a freed block is held for the first person waiting this long
 * (never past the day's booking cut-off), and at most this many may wait for one room on one day.
 */
export const roomWaitlistSchema = z.object({
  holdMinutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60),
  maxWaitingPerDay: z.number().int().min(1).max(50),
  provenance: provenanceSchema,
});

export const facilitiesContentSchema = z
  .object({
    purposes: z.array(z.string().min(1)).min(1),
    mail: facilityMailTimesSchema,
    waitlist: roomWaitlistSchema,
    facilities: z.array(facilitySchema).min(1),
  })
  .superRefine((content, context) => {
    const facilityIds = content.facilities.map((facility) => facility.id);
    content.facilities.forEach((facility, index) => {
      const path = ['facilities', index];
      if (facilityIds.indexOf(facility.id) !== index)
        context.addIssue({ code: 'custom', path: [...path, 'id'], message: `id「${facility.id}」が重複しています。` });
      const blockIds = facility.blocks.map((block) => block.id);
      facility.blocks.forEach((block, blockIndex) => {
        if ((parseTime(block.end) ?? 0) <= (parseTime(block.start) ?? 0)) {
          context.addIssue({ code: 'custom', path: [...path, 'blocks', blockIndex, 'end'], message: '終わりは始まりより後にしてください。' });
        }
      });
      facility.rooms.forEach((room, roomIndex) => {
        room.purposes.forEach((purpose, purposeIndex) => {
          if (!content.purposes.includes(purpose)) {
            context.addIssue({
              code: 'custom',
              path: [...path, 'rooms', roomIndex, 'purposes', purposeIndex],
              message: `目的「${purpose}」が purposes の一覧にありません。`,
            });
          }
        });
        const feeBlocks = room.fees ? Object.keys(room.fees) : [];
        feeBlocks
          .filter((id) => !blockIds.includes(id))
          .forEach((id) => {
            context.addIssue({ code: 'custom', path: [...path, 'rooms', roomIndex, 'fees', id], message: `区分「${id}」が blocks にありません。` });
          });
        // The server computes every portal fee from content: a bookable room needs a fee for every block.
        if (facility.route.kind === 'portal' && blockIds.some((id) => !feeBlocks.includes(id))) {
          context.addIssue({
            code: 'custom',
            path: [...path, 'rooms', roomIndex, 'fees'],
            message: 'このアプリで予約する部屋には、すべての区分の料金が必要です。',
          });
        }
      });
    });
  });

export type TimeBlock = z.infer<typeof timeBlockSchema>;
export type BookingWindow = z.infer<typeof bookingWindowSchema>;
export type Room = z.infer<typeof roomSchema>;
export type Facility = z.infer<typeof facilitySchema>;
export type FacilitiesContent = z.infer<typeof facilitiesContentSchema>;

/** 午前（9:00～12:00）; a block already named by its times is shown as it is. Screens and mails say it the same way. */
export function blockText(block: TimeBlock): string {
  const times = `${formatTime(parseTime(block.start) ?? 0)}～${formatTime(parseTime(block.end) ?? 0)}`;
  return block.label === times ? times : `${block.label}（${times}）`;
}
