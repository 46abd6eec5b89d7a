import { z } from 'zod';
import type { ApiContract } from './api-contract.ts';
import { reservationCodeSchema } from './citizen-fields.ts';
import { isoDateSchema } from './city.ts';
import {
  counterDayQuerySchema,
  dayDesksSchema,
  loginNameSchema,
  newClosureSchema,
  newPasswordSchema,
  newStaffAccountSchema,
  signInSchema,
  staffCancelSchema,
  staffMoveSchema,
  auditEntrySchema,
  bookedFacilityBookingSchema,
  counterClosureSchema,
  counterDeskBookingSchema,
  counterDeskPhoneSchema,
  dayDesksListingSchema,
  provisionalFacilityBookingSchema,
  staffAccountListingSchema,
  staffSessionAnswerSchema,
  staffSessionListingSchema,
} from './staff-api.ts';
import { undeliveredMailSchema } from './undelivered-mail.ts';
import { figuresQuerySchema, staffFiguresSchema } from './staff-figures.ts';
import { feePaymentSchema } from './facility-fee.ts';
import { daySheetQuerySchema, daySheetSchema, newRoomBlockSchema, roomBlockSchema } from './room-blocks.ts';
import { passkeyRegistrationSchema, passkeySignInSchema, staffPasskeyListingSchema } from './staff-passkeys.ts';

/**
 * The staff endpoints, one contract each: the staff screens call them through `callEndpoint`
 * (src/features/staff/staff-api.ts), src/server/staff/staff-routes.ts registers each route from its
 * contract with `staffRoute(contract, handler)`, and the OpenAPI document is generated from them.
 *
 * To add a staff endpoint:
 * 1. Write its contract here: method, full path (with `{name}` for a path parameter), a Japanese
 *    summary, the zod schemas of `params`, `query` and `body`, `staffSession` (the area whose roles
 *    may use it, or 'any'), `answer` with the zod schema of what it answers, and `refusals` — only its own: 401 and 403 come with
 *    `staffSession` (`refusalsOf`), and 400 must be listed when it reads any params, query or body.
 * 2. Register it in staffRoutes with `staffRoute(staffContracts.yourEndpoint, async ({ who, params, query, body }) => …)`:
 *    the session, the role, the Origin and the CSRF token are checked before the handler runs, and
 *    the parts arrive parsed and typed by the contract's schemas.
 * 3. Call it from the screen with `staffCall(csrfToken, staffContracts.yourEndpoint, { params, body })`
 *    or `run(staffContracts.yourEndpoint, …)` (use-staff-action.ts), or a query with `callEndpoint`.
 * src/server/api-contracts.test.ts fails while a route has no contract or a contract no route.
 */

const codeParams = z.object({ code: reservationCodeSchema });
const loginNameParams = z.object({ loginName: loginNameSchema });
const idParams = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

const INPUT = '入力の誤り（日本語のメッセージつき）';
const BOOKING_NOT_FOUND = '予約が見つからない';
const ACCOUNT_NOT_FOUND = 'アカウントが見つからない';
/** The answer of a change that has nothing more to say. */
const DONE = { status: 200, description: 'できました', schema: z.strictObject({ done: z.literal(true) }) } as const;
const PASSKEYS_OFF = 'このサーバーではパスキーが設定されていない（STAFF_PASSKEY_ORIGIN）';
const PASSKEYS_BUSY = '受け付け中の challenge が上限に達した';
/** WebAuthn's options, built by @simplewebauthn/server: their shape is the standard's; the challenge is what matters here. */
const webAuthnOptions = z.looseObject({ challenge: z.string() });

/** The clerk's work on one counter booking, from the day list. */
const counterBookingAction = (action: string, summary: string, refusals: { 409?: string; 422?: string }, answer: ApiContract['answer'] = DONE) =>
  ({
    method: 'POST',
    path: `/api/v1/staff/counter/bookings/{code}/${action}`,
    summary,
    params: codeParams,
    staffSession: 'counter-desk',
    answer,
    refusals: { 400: INPUT, 404: BOOKING_NOT_FOUND, ...refusals },
  }) as const satisfies ApiContract;

export const staffContracts = {
  signIn: {
    method: 'POST',
    path: '/api/v1/staff/session',
    summary: '職員がログインする（5回続けてパスワードを間違えると一定時間ロック）',
    body: signInSchema,
    answer: { status: 200, description: 'アカウントと CSRF トークン。セッションの Cookie を設定', schema: staffSessionAnswerSchema },
    refusals: { 400: INPUT, 401: 'ログイン名かパスワードが違う', 403: 'この画面の外からの操作（Origin が違う）', 429: 'ロック中' },
  },
  session: {
    method: 'GET',
    path: '/api/v1/staff/session',
    summary: 'ログイン中のアカウントと CSRF トークン',
    staffSession: 'any',
    answer: { status: 200, description: 'アカウントと CSRF トークン', schema: staffSessionAnswerSchema },
    refusals: {},
  },
  signOut: {
    method: 'DELETE',
    path: '/api/v1/staff/session',
    summary: 'ログアウトする',
    staffSession: 'any',
    answer: DONE,
    refusals: {},
  },
  counterDay: {
    method: 'GET',
    path: '/api/v1/staff/counter/bookings',
    summary: '窓口：その日の予約の一覧（窓口の役割。電話番号は含まない）',
    query: counterDayQuerySchema,
    staffSession: 'counter-desk',
    answer: { status: 200, description: '予約の一覧', schema: z.strictObject({ date: z.string(), bookings: z.array(counterDeskBookingSchema) }) },
    refusals: { 400: INPUT },
  },
  checkIn: counterBookingAction('check-in', '窓口：来庁済みにする', { 409: '今の状態ではできない（取り消し済みなど）' }),
  noShow: counterBookingAction('no-show', '窓口：来なかったと記録する（予約の時刻から）', {
    409: '予約の時刻より前、または今の状態ではできない（取り消し済み・来庁済み）',
  }),
  cancel: {
    ...counterBookingAction('cancel', '窓口：理由をつけて予約を取り消す', { 409: '今の状態ではできない（来庁済み・取り消し済み）' }),
    body: staffCancelSchema,
  },
  // A POST, not a GET: it is an action the audit log records, and its answer must not be kept by a cache or prefetched.
  phone: counterBookingAction(
    'phone',
    '窓口：予約した方の電話番号を見る（一覧には出さない。見るたびに操作の記録に残る）',
    {},
    { status: 200, description: '電話番号（保存期間が過ぎて削除されたときは null）', schema: counterDeskPhoneSchema },
  ),
  move: {
    ...counterBookingAction(
      'move',
      '窓口：電話で受けて、予約をほかの日時に移す（締め切りの前後を問わず、まだ始まっていない枠へ。予約した方にはメールで知らせる）',
      { 409: '移す先が満員、または今の状態ではできない', 422: '移せない日時（休み・受付期間の外・過ぎた時刻）' },
      {
        status: 200,
        description: '移す前と後の日時（YYYY-MM-DDTHH:MM）',
        schema: z.strictObject({ done: z.literal(true), from: z.string(), to: z.string() }),
      },
    ),
    body: staffMoveSchema,
  },
  closures: {
    method: 'GET',
    path: '/api/v1/staff/counter/closures',
    summary: '窓口の休み（今日から先）の一覧（窓口・管理者。変えるのは管理者）',
    staffSession: 'counter-schedule',
    answer: { status: 200, description: '休みの一覧', schema: z.strictObject({ closures: z.array(counterClosureSchema) }) },
    refusals: {},
  },
  closeCounter: {
    method: 'POST',
    path: '/api/v1/staff/counter/closures',
    summary: '管理者：窓口を一日または時間を区切って休みにする（予約が入っているときは断り、その予約を示す）',
    body: newClosureSchema,
    staffSession: 'administration',
    answer: { ...DONE, status: 201, description: '休みにしました' },
    refusals: { 400: INPUT, 409: 'その時間に予約が入っている（その予約を示す）' },
  },
  reopenCounter: {
    method: 'DELETE',
    path: '/api/v1/staff/counter/closures/{id}',
    summary: '管理者：窓口の休みを取り消す',
    params: idParams,
    staffSession: 'administration',
    answer: DONE,
    refusals: { 400: INPUT, 404: '休みが見つからない' },
  },
  dayDesks: {
    method: 'GET',
    path: '/api/v1/staff/counter/desks',
    summary: '管理者：窓口の1枠の受付数（既定と、日ごとに変えた日）',
    staffSession: 'administration',
    answer: { status: 200, description: '既定の受付数と、今日から先の変えた日', schema: dayDesksListingSchema },
    refusals: {},
  },
  setDayDesks: {
    method: 'POST',
    path: '/api/v1/staff/counter/desks',
    summary: '管理者：ある日の1枠の受付数を変える（すでに入っている予約より少なくはできない。断るときはその枠を示す）',
    body: dayDesksSchema,
    staffSession: 'administration',
    answer: DONE,
    refusals: { 400: INPUT, 409: 'すでに入っている予約より少ない（その枠を示す）、または今日より前の日' },
  },
  resetDayDesks: {
    method: 'DELETE',
    path: '/api/v1/staff/counter/desks/{date}',
    summary: '管理者：ある日の受付数を既定（コンテンツの desksPerSlot）に戻す',
    params: z.object({ date: isoDateSchema }),
    staffSession: 'administration',
    answer: DONE,
    refusals: { 400: INPUT, 409: '既定の数がすでに入っている予約より少ない、または今日より前の日' },
  },
  provisional: {
    method: 'GET',
    path: '/api/v1/staff/facilities/provisional',
    summary: '施設：本予約を待つ仮予約の一覧（施設の役割）',
    staffSession: 'facility-desk',
    answer: { status: 200, description: '仮予約の一覧', schema: z.strictObject({ bookings: z.array(provisionalFacilityBookingSchema) }) },
    refusals: {},
  },
  confirmFacilityBooking: {
    method: 'POST',
    path: '/api/v1/staff/facilities/bookings/{code}/confirm',
    summary: '施設：仮予約を本予約にする（窓口での申し込みのあと）',
    params: codeParams,
    staffSession: 'facility-desk',
    answer: DONE,
    refusals: { 400: INPUT, 404: BOOKING_NOT_FOUND, 409: '仮予約ではない、または期限が過ぎた' },
  },
  declineFacilityBooking: {
    method: 'POST',
    path: '/api/v1/staff/facilities/bookings/{code}/decline',
    summary: '施設：理由をつけて仮予約を断る（予約は取り消され、部屋はすぐ空く。予約した方のページに理由を表示し、メールで知らせる）',
    params: codeParams,
    body: staffCancelSchema,
    staffSession: 'facility-desk',
    answer: DONE,
    refusals: { 400: INPUT, 404: BOOKING_NOT_FOUND, 409: '仮予約ではない（本予約・取り消し済み）、または期限が過ぎた' },
  },
  bookedFacilities: {
    method: 'GET',
    path: '/api/v1/staff/facilities/booked',
    summary: '施設：今日から先の本予約の一覧と、使用料の支払いの記録（施設の役割）',
    staffSession: 'facility-desk',
    answer: { status: 200, description: '本予約の一覧', schema: z.strictObject({ bookings: z.array(bookedFacilityBookingSchema) }) },
    refusals: {},
  },
  recordFeePayment: {
    method: 'POST',
    path: '/api/v1/staff/facilities/bookings/{code}/fee-paid',
    summary: '施設：本予約の使用料を支払い済みにする（支払いの方法と領収番号。記録した職員と日時が残る）',
    params: codeParams,
    body: feePaymentSchema,
    staffSession: 'facility-desk',
    answer: DONE,
    refusals: { 400: INPUT, 404: BOOKING_NOT_FOUND, 409: '本予約でない、使用料が0円、またはもう記録済み' },
  },
  roomBlocks: {
    method: 'GET',
    path: '/api/v1/staff/facilities/room-blocks',
    summary: '施設：市の使用・点検で止めた部屋と時間（今日から先）の一覧（施設・管理者）',
    staffSession: 'facility-schedule',
    answer: { status: 200, description: '止めた部屋と時間の一覧（500件まで）', schema: z.strictObject({ blocks: z.array(roomBlockSchema) }) },
    refusals: {},
  },
  blockRoom: {
    method: 'POST',
    path: '/api/v1/staff/facilities/room-blocks',
    summary: '施設：ある日の部屋の時間を、理由をつけて市の使用・点検で止める（予約が入っているときは断り、その予約を示す）',
    body: newRoomBlockSchema,
    staffSession: 'facility-schedule',
    answer: { ...DONE, status: 201, description: '止めました' },
    refusals: {
      400: INPUT,
      409: 'その時間に予約が入っている（予約番号・時間・状態を示す）、またはもう止めてある',
      422: '止められない部屋・日・時間（このアプリで予約を受けていない部屋、今日より前、休館日、施設にない時間）',
    },
  },
  unblockRoom: {
    method: 'DELETE',
    path: '/api/v1/staff/facilities/room-blocks/{id}',
    summary: '施設：部屋の止めを解く（その時間はすぐ予約できるようになる）',
    params: idParams,
    staffSession: 'facility-schedule',
    answer: DONE,
    refusals: { 400: INPUT, 404: '止め設定が見つからない' },
  },
  daySheet: {
    method: 'GET',
    path: '/api/v1/staff/facilities/day-sheet',
    summary: '施設：部屋の1日の予約と止めの一覧（印刷用。時間順。電話番号は含まない）',
    query: daySheetQuerySchema,
    staffSession: 'facility-desk',
    answer: { status: 200, description: 'その日の予約と止め', schema: daySheetSchema },
    refusals: { 400: INPUT, 404: 'このアプリで予約を受けている部屋ではない' },
  },
  accounts: {
    method: 'GET',
    path: '/api/v1/staff/accounts',
    summary: '管理者：職員のアカウントの一覧',
    staffSession: 'administration',
    answer: { status: 200, description: 'アカウントの一覧', schema: z.strictObject({ accounts: z.array(staffAccountListingSchema) }) },
    refusals: {},
  },
  addAccount: {
    method: 'POST',
    path: '/api/v1/staff/accounts',
    summary: '管理者：アカウントを追加する',
    body: newStaffAccountSchema,
    staffSession: 'administration',
    answer: { ...DONE, status: 201, description: '追加しました' },
    refusals: { 400: INPUT, 409: '同じログイン名がある', 422: 'パスワードが規則に合わない' },
  },
  disableAccount: {
    method: 'POST',
    path: '/api/v1/staff/accounts/{loginName}/disable',
    summary: '管理者：アカウントを停止する（ログイン中の端末も切断）',
    params: loginNameParams,
    staffSession: 'administration',
    answer: DONE,
    refusals: { 400: INPUT, 404: ACCOUNT_NOT_FOUND },
  },
  resetPassword: {
    method: 'POST',
    path: '/api/v1/staff/accounts/{loginName}/password',
    summary: '管理者：パスワードを再設定し、ロックを解除する',
    params: loginNameParams,
    body: newPasswordSchema,
    staffSession: 'administration',
    answer: DONE,
    refusals: { 400: INPUT, 404: ACCOUNT_NOT_FOUND, 422: 'パスワードが規則に合わない' },
  },
  sessions: {
    method: 'GET',
    path: '/api/v1/staff/sessions',
    summary: '管理者：ログイン中の端末の一覧',
    staffSession: 'administration',
    answer: { status: 200, description: 'セッションの一覧', schema: z.strictObject({ sessions: z.array(staffSessionListingSchema) }) },
    refusals: {},
  },
  revokeSession: {
    method: 'DELETE',
    path: '/api/v1/staff/sessions/{id}',
    summary: '管理者：ログイン中の端末を切断する',
    params: idParams,
    staffSession: 'administration',
    answer: DONE,
    refusals: { 400: INPUT, 404: 'そのログインはもう終わっている' },
  },
  // Counts only, no personal data: every staff role may read them.
  figures: {
    method: 'GET',
    path: '/api/v1/staff/figures',
    summary: '月の集計（窓口の予約・来庁・来なかった、施設の予約）',
    query: figuresQuerySchema,
    staffSession: 'any',
    answer: { status: 200, description: '集計', schema: staffFiguresSchema },
    refusals: { 400: INPUT },
  },
  figuresCsv: {
    method: 'GET',
    path: '/api/v1/staff/figures.csv',
    summary: '月の集計の CSV（UTF-8、BOM つき、Excel 用）',
    query: figuresQuerySchema,
    staffSession: 'any',
    answer: { status: 200, description: 'CSV', schema: z.string(), mediaType: 'text/csv' },
    refusals: { 400: INPUT },
  },
  undeliveredMail: {
    method: 'GET',
    path: '/api/v1/staff/mail/undelivered',
    summary: '届かなかったメール（その窓口の予約のもの。管理者にはすべて）：電話で知らせるために',
    staffSession: 'any',
    answer: {
      status: 200,
      description: '届かなかったメール（新しい順に100件まで）。宛先と本文は含まない',
      schema: z.strictObject({ mails: z.array(undeliveredMailSchema) }),
    },
    refusals: {},
  },
  audit: {
    method: 'GET',
    path: '/api/v1/staff/audit',
    summary: '管理者：操作の記録（新しい順に500件）',
    staffSession: 'administration',
    answer: { status: 200, description: '操作の記録', schema: z.strictObject({ entries: z.array(auditEntrySchema) }) },
    refusals: {},
  },
  // Passkeys (src/server/staff/staff-passkeys.ts). Each 404s when the server has no passkey origin configured.
  // The options are POSTs: each holds a fresh single-use challenge, which no cache may keep.
  passkeySignInOptions: {
    method: 'POST',
    path: '/api/v1/staff/passkey-session/options',
    summary: 'パスキーでログインするための challenge（1回限り、3分で失効。ログイン名は要らない）',
    answer: { status: 200, description: 'WebAuthn の PublicKeyCredentialRequestOptionsJSON', schema: webAuthnOptions },
    refusals: { 403: 'この画面の外からの操作（Origin が違う）', 404: PASSKEYS_OFF, 429: PASSKEYS_BUSY },
  },
  passkeySignIn: {
    method: 'POST',
    path: '/api/v1/staff/passkey-session',
    summary: 'パスキーでログインする（パスワードと同じセッションの Cookie を設定）',
    body: passkeySignInSchema,
    answer: { status: 200, description: 'アカウントと CSRF トークン。セッションの Cookie を設定', schema: staffSessionAnswerSchema },
    refusals: {
      400: INPUT,
      401: '確かめられなかった（challenge の再使用・失効、別の Origin、登録のないパスキー、停止中のアカウント）',
      403: 'この画面の外からの操作（Origin が違う）',
      404: PASSKEYS_OFF,
    },
  },
  passkeys: {
    method: 'GET',
    path: '/api/v1/staff/passkeys',
    summary: '自分のパスキーの一覧',
    staffSession: 'any',
    answer: {
      status: 200,
      description: 'パスキーの一覧（名前・登録日時・最後に使った日時）',
      schema: z.strictObject({ passkeys: z.array(staffPasskeyListingSchema) }),
    },
    refusals: { 404: PASSKEYS_OFF },
  },
  passkeyRegistrationOptions: {
    method: 'POST',
    path: '/api/v1/staff/passkeys/options',
    summary: '自分のアカウントにパスキーを登録するための challenge（1回限り、3分で失効）',
    staffSession: 'any',
    answer: { status: 200, description: 'WebAuthn の PublicKeyCredentialCreationOptionsJSON', schema: webAuthnOptions },
    refusals: { 404: PASSKEYS_OFF, 429: PASSKEYS_BUSY },
  },
  registerPasskey: {
    method: 'POST',
    path: '/api/v1/staff/passkeys',
    summary: '自分のアカウントにパスキーを登録する（名前をつけて）',
    body: passkeyRegistrationSchema,
    staffSession: 'any',
    answer: { status: 201, description: '登録しました', schema: DONE.schema },
    refusals: {
      400: INPUT,
      404: PASSKEYS_OFF,
      409: '1人10個まで、またはもう登録されている',
      422: '確かめられなかった（challenge の再使用・失効、別の Origin）',
    },
  },
  removePasskey: {
    method: 'DELETE',
    path: '/api/v1/staff/passkeys/{id}',
    summary: '自分のパスキーを削除する',
    params: idParams,
    staffSession: 'any',
    answer: DONE,
    refusals: { 400: INPUT, 404: '自分のパスキーにない、またはパスキーが設定されていない' },
  },
  removeAccountPasskeys: {
    method: 'DELETE',
    path: '/api/v1/staff/accounts/{loginName}/passkeys',
    summary: '管理者：アカウントのパスキーをすべて削除する（なくしたパソコンや鍵）',
    params: loginNameParams,
    staffSession: 'administration',
    answer: DONE,
    refusals: { 400: INPUT, 404: `${ACCOUNT_NOT_FOUND}、またはパスキーが設定されていない` },
  },
} as const satisfies Record<string, ApiContract>;
