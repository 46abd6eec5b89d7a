import { z } from 'zod';
import { isoDateSchema } from './city.ts';
import { MAX_PASSWORD_LENGTH } from './staff-password.ts';
import { STAFF_ROLES, type StaffRole } from './staff-roles.ts';
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

export interface CounterClosure {
  id: number;
  date: string;
  startTime: string;
  endTime: string;
  reason: string;
}

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
export interface DayDesksListing {
  defaultDesks: number;
  days: { date: string; desks: number }[];
}

export const counterDayQuerySchema = z.strictObject({ date: isoDateSchema });

export interface StaffAccountView {
  loginName: string;
  displayName: string;
  role: StaffRole;
}

export interface StaffSessionAnswer {
  account: StaffAccountView;
  /** Sent back in the X-CSRF-Token header with every change. */
  csrfToken: string;
  idleMinutes: number;
  /** Whether the server is configured for passkeys (STAFF_PASSKEY_ORIGIN): the screens offer them only then. */
  passkeys: boolean;
}

export type CounterDeskStatus = 'booked' | 'checked-in' | 'no-show' | 'cancelled';

/**
 * A booking in the clerk's day list: what the desk needs to receive the citizen, and nothing more.
 * The phone number is not here: the clerk asks for it (「電話番号を見る」), one booking at a time,
 * and every such request is written in the audit log.
 */
export interface CounterDeskBooking {
  code: string;
  time: string;
  kindId: string;
  kindName: string;
  people: number;
  proxy: boolean;
  /** Null once the retention job has deleted it. */
  nameKana: string | null;
  status: CounterDeskStatus;
  cancelReason: string | null;
}

/** The answer to 「電話番号を見る」; null once the retention job has deleted it. */
export interface CounterDeskPhone {
  phone: string | null;
}

export interface ProvisionalFacilityBooking {
  code: string;
  facilityName: string;
  roomName: string;
  dates: string[];
  headCount: number;
  fee: number;
  groupName: string | null;
  /** ISO instant the 仮予約 is released at unless confirmed. */
  provisionalUntil: string;
}

export interface StaffAccountListing extends StaffAccountView {
  disabled: boolean;
  /** How many passkeys the account has registered. */
  passkeys: number;
  lockedUntil: string | null;
  createdAt: string;
}

export interface StaffSessionListing {
  id: number;
  loginName: string;
  displayName: string;
  role: StaffRole;
  startedAt: string;
  lastSeenAt: string;
  expiresAt: string;
  current: boolean;
  signInMethod: SignInMethod;
}

export type SignInMethod = 'password' | 'passkey';

export const SIGN_IN_METHOD_NAMES: Record<SignInMethod, string> = { password: 'パスワード', passkey: 'パスキー' };

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
  'counter-closed',
  'counter-reopened',
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
  'counter-closed': '窓口を休みにした',
  'counter-reopened': '窓口の休みを取り消した',
  'passkey-registered': 'パスキーの登録',
  'passkey-removed': 'パスキーの削除',
};

export interface AuditEntry {
  id: number;
  at: string;
  /** The login name of who did it, or the command run on the server. */
  actor: string;
  action: AuditAction;
  /** A booking code, a login name or a session number; never a citizen's personal data. */
  target: string | null;
  /** What the action changed, before and after (a booking's slot, say); null where nothing is kept. */
  before: string | null;
  after: string | null;
}
