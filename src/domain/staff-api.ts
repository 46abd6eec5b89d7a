import { z } from 'zod';
import { isoDateSchema } from './city.ts';
import { MAX_PASSWORD_LENGTH } from './staff-password.ts';
import { STAFF_ROLES } from './staff-roles.ts';
import { FEE_PAYMENT_METHODS } from './facility-fee.ts';
import './validation.ts';

/**
 * What the staff screens and the staff API say to each other; the server checks every body with
 * these schemas, the screens use the same ones for their forms.
 */
export const loginNameSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, 'ログイン名は半角の小文字・数字・「.」「_」「-」で3～40文字にしてください（例：tanaka.h）。');

export const signInSchema = z.strictObject({
  loginName: loginNameSchema,
  password: z.string().min(1, 'パスワードを入力してください。').max(MAX_PASSWORD_LENGTH),
});

export const newStaffAccountSchema = z.strictObject({
  loginName: loginNameSchema,
  displayName: z.string().trim().min(1, '名前を入力してください。').max(40),
  role: z.enum(STAFF_ROLES, '役割を選んでください。'),
  password: z.string().max(MAX_PASSWORD_LENGTH),
});

export const newPasswordSchema = z.strictObject({ password: z.string().max(MAX_PASSWORD_LENGTH) });

export const staffCancelSchema = z.strictObject({
  reason: z.string().trim().min(1, '取り消しの理由を入力してください。').max(200),
});

const closureTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, '時刻は 09:00 の形で入力してください。');

export const newClosureSchema = z
  .strictObject({
    date: isoDateSchema,
    startTime: closureTime,
    endTime: closureTime,
    reason: z.string().trim().min(1, '休みにする理由を入力してください（市民の方にも表示されます）。').max(100),
  })
  .refine((closure) => closure.startTime < closure.endTime, { path: ['endTime'], message: '終わりの時刻は、始まりより後にしてください。' });

// The answers below are schemas so the API's tests can check every answer against its contract
// (src/server/testing/contract-answers.ts) and the OpenAPI document can show them; the types are
// inferred from them.

export const counterClosureSchema = z.strictObject({
  id: z.number().int(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  reason: z.string(),
});
export type CounterClosure = z.infer<typeof counterClosureSchema>;

/** A clerk moves a booking: the new day and slot. */
export const staffMoveSchema = z.strictObject({
  slot: z.strictObject({
    date: isoDateSchema,
    time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '時刻を選んでください。'),
  }),
});

/** The administrator sets the desks (seats per slot) of one day. */
export const dayDesksSchema = z.strictObject({
  date: isoDateSchema,
  desks: z
    .number({ error: '受付数を数字で入力してください。' })
    .int('受付数は整数で入力してください。')
    .min(1, '受付数は1以上にしてください（窓口を閉めるときは「窓口の休み」を使ってください）。')
    .max(20, '受付数は20までです。'),
});

/** `GET /staff/counter/desks`: the content's default and the days set otherwise, from today on. */
export const dayDesksListingSchema = z.strictObject({
  defaultDesks: z.number().int(),
  days: z.array(z.strictObject({ date: z.string(), desks: z.number().int() })),
});
export type DayDesksListing = z.infer<typeof dayDesksListingSchema>;

export const counterDayQuerySchema = z.strictObject({ date: isoDateSchema });

const staffAccountViewSchema = z.strictObject({
  loginName: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLES),
});

export const staffSessionAnswerSchema = z.strictObject({
  account: staffAccountViewSchema,
  /** Sent back in the X-CSRF-Token header with every change. */
  csrfToken: z.string(),
  idleMinutes: z.number(),
  /** Whether the server is configured for passkeys (STAFF_PASSKEY_ORIGIN): the screens offer them only then. */
  passkeys: z.boolean(),
});
export type StaffSessionAnswer = z.infer<typeof staffSessionAnswerSchema>;

const COUNTER_DESK_STATUSES = ['booked', 'checked-in', 'no-show', 'cancelled'] as const;
export type CounterDeskStatus = (typeof COUNTER_DESK_STATUSES)[number];

/**
 * A booking in the clerk's day list: what the desk needs to receive the citizen, and nothing more.
 * The phone number is not here: the clerk asks for it (「電話番号を見る」), one booking at a time,
 * and every such request is written in the audit log.
 */
export const counterDeskBookingSchema = z.strictObject({
  code: z.string(),
  time: z.string(),
  kindId: z.string(),
  kindName: z.string(),
  people: z.number().int(),
  proxy: z.boolean(),
  /** Null once the retention job has deleted it. */
  nameKana: z.string().nullable(),
  status: z.enum(COUNTER_DESK_STATUSES),
  cancelReason: z.string().nullable(),
});
export type CounterDeskBooking = z.infer<typeof counterDeskBookingSchema>;

/** The answer to 「電話番号を見る」; null once the retention job has deleted it. */
export const counterDeskPhoneSchema = z.strictObject({ phone: z.string().nullable() });
export type CounterDeskPhone = z.infer<typeof counterDeskPhoneSchema>;

export const provisionalFacilityBookingSchema = z.strictObject({
  code: z.string(),
  facilityName: z.string(),
  roomName: z.string(),
  dates: z.array(z.string()),
  headCount: z.number().int(),
  fee: z.number().int(),
  groupName: z.string().nullable(),
  /** ISO instant the 仮予約 is released at unless confirmed. */
  provisionalUntil: z.string(),
});
export type ProvisionalFacilityBooking = z.infer<typeof provisionalFacilityBookingSchema>;

/** A confirmed facility booking in the desk's list, with its fee's payment once recorded. */
export const bookedFacilityBookingSchema = z.strictObject({
  code: z.string(),
  facilityName: z.string(),
  roomName: z.string(),
  dates: z.array(z.string()),
  headCount: z.number().int(),
  fee: z.number().int(),
  groupName: z.string().nullable(),
  payment: z.strictObject({ method: z.enum(FEE_PAYMENT_METHODS), receiptNumber: z.string(), recordedAt: z.string(), recordedBy: z.string() }).nullable(),
});
export type BookedFacilityBooking = z.infer<typeof bookedFacilityBookingSchema>;

export const staffAccountListingSchema = staffAccountViewSchema.extend({
  disabled: z.boolean(),
  /** How many passkeys the account has registered. */
  passkeys: z.number().int(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
});
export type StaffAccountListing = z.infer<typeof staffAccountListingSchema>;

export const SIGN_IN_METHODS = ['password', 'passkey'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

export const SIGN_IN_METHOD_NAMES: Record<SignInMethod, string> = { password: 'パスワード', passkey: 'パスキー' };

export const staffSessionListingSchema = z.strictObject({
  id: z.number().int(),
  loginName: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLES),
  startedAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  current: z.boolean(),
  signInMethod: z.enum(SIGN_IN_METHODS),
});
export type StaffSessionListing = z.infer<typeof staffSessionListingSchema>;

export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in-refused',
  'account-locked',
  'sign-out',
  'session-revoked',
  'account-added',
  'account-disabled',
  'password-reset',
  'counter-check-in',
  'counter-no-show',
  'counter-cancel',
  'counter-move',
  'counter-phone-viewed',
  'counter-desks',
  'facility-confirm',
  'facility-decline',
  'facility-fee-paid',
  'counter-closed',
  'counter-reopened',
  'room-blocked',
  'room-unblocked',
  'passkey-registered',
  'passkey-removed',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_ACTION_NAMES: Record<AuditAction, string> = {
  'sign-in': 'ログイン',
  'sign-in-refused': 'ログインの失敗（パスワード違い）',
  'account-locked': 'アカウントのロック',
  'sign-out': 'ログアウト',
  'session-revoked': 'ログイン中の端末を切断',
  'account-added': 'アカウントの追加',
  'account-disabled': 'アカウントの停止',
  'password-reset': 'パスワードの再設定とロック解除',
  'counter-check-in': '来庁済みにした',
  'counter-no-show': '来なかったと記録した',
  'counter-cancel': '窓口の予約を取り消した',
  'counter-move': '窓口の予約の日時を変えた',
  'counter-phone-viewed': '予約の電話番号を見た',
  'counter-desks': '窓口の1枠の受付数を変えた',
  'facility-confirm': '仮予約を本予約にした',
  'facility-decline': '仮予約を断った',
  'facility-fee-paid': '施設の使用料を支払い済みにした',
  'counter-closed': '窓口を休みにした',
  'counter-reopened': '窓口の休みを取り消した',
  'room-blocked': '部屋を市の使用で止めた',
  'room-unblocked': '部屋の止めを解いた',
  'passkey-registered': 'パスキーの登録',
  'passkey-removed': 'パスキーの削除',
};

export const auditEntrySchema = z.strictObject({
  id: z.number().int(),
  at: z.string(),
  /** The login name of who did it, or the command run on the server. */
  actor: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  /** A booking code, a login name or a session number; never a citizen's personal data. */
  target: z.string().nullable(),
  /** What the action changed, before and after (a booking's slot, say); null where nothing is kept. */
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
