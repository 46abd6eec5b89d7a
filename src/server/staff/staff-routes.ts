import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
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
  type StaffAccountListing,
  type StaffSessionAnswer,
  type StaffSessionListing,
} from '../../domain/staff-api.ts';
import { figuresCsv, figuresQuerySchema } from '../../domain/staff-figures.ts';
import { roleMayWorkIn, type StaffArea } from '../../domain/staff-roles.ts';
import { formatTime, japanClock } from '../../domain/japan-time.ts';
import { reservationCodeSchema } from '../../domain/citizen-fields.ts';
import { isoDateSchema } from '../../domain/city.ts';
import { ApiHttpError, parseBody } from '../../domain/api-refusal.ts';
import { jsonContent as json } from '../route-helpers.ts';
import { secretsEqual } from '../../booking/secrets.ts';
import type { StaffStore } from '../store/staff-store.ts';
import type { AccountOutcome, StaffAccounts } from './staff-accounts.ts';
import type { SignedIn, StaffAuth } from './staff-auth.ts';
import type { StaffDesk } from './staff-desk.ts';

/**
 * The session cookie. `__Host-` makes the browser refuse it unless it is Secure, for this host
 * only (no Domain) and for the whole site (Path=/), so a sibling site cannot plant or read it.
 * It stays Secure on a plain-HTTP loopback test server too: browsers treat http://localhost as a
 * secure origin and keep such cookies there, so there is no weaker setting to switch off in production.
 */
export const STAFF_COOKIE = '__Host-togane-staff';
export const COOKIE_ATTRIBUTES = 'Path=/; HttpOnly; Secure; SameSite=Strict';

const SIGN_IN_WRONG = 'ログイン名かパスワードが違います。';
export const NOT_SIGNED_IN = new ApiHttpError(
  401,
  'unauthorized',
  'ログインしていないか、しばらく操作がなかったためログアウトしました。もう一度ログインしてください。',
);
const WRONG_ROLE = new ApiHttpError(403, 'forbidden', 'この操作は、あなたの役割ではできません。');
const CROSS_SITE = new ApiHttpError(403, 'forbidden', 'この画面の外から送られた操作は受け付けません。職員の画面から操作してください。');

function cookieToken(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return null;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === STAFF_COOKIE) return value.join('=') || null;
  }
  return null;
}

/**
 * A change must come from our own pages: the browser's Origin names the page's site, which another
 * site cannot forge. Compared by host (with port) to the host the request was sent to, so it
 * holds behind a proxy that ends TLS too.
 */
export function requireSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (typeof origin !== 'string') throw CROSS_SITE;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw CROSS_SITE;
  }
  if (host !== request.host) throw CROSS_SITE;
}

const isChange = (request: FastifyRequest) => request.method !== 'GET' && request.method !== 'HEAD';

const ACCOUNT_ERROR_CODES = { 404: 'not_found', 409: 'conflict', 422: 'unprocessable' } as const;

function accountOutcome(outcome: AccountOutcome): { done: true } {
  if (outcome.ok) return { done: true };
  // A refused password is said beside the password field.
  const fields = outcome.status === 422 ? [{ path: 'password', message: outcome.problem }] : undefined;
  throw new ApiHttpError(outcome.status, ACCOUNT_ERROR_CODES[outcome.status], outcome.problem, fields);
}

const codeParam = (request: FastifyRequest) => parseBody(reservationCodeSchema, (request.params as { code?: unknown }).code);
export const loginParam = (request: FastifyRequest) => parseBody(loginNameSchema, (request.params as { loginName?: unknown }).loginName);
export const idParam = (request: FastifyRequest) =>
  parseBody(z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER), (request.params as { id?: unknown }).id);

/**
 * Every staff route starts here: a live session (401), the role of the area (403), and for a
 * change the page's Origin and the session's CSRF token (403).
 */
export function staffGuard(auth: StaffAuth) {
  return async function signedIn(request: FastifyRequest, area: StaffArea | 'any'): Promise<SignedIn> {
    if (isChange(request)) requireSameOrigin(request);
    const token = cookieToken(request);
    const who = token ? await auth.current(token) : null;
    if (!who) throw NOT_SIGNED_IN;
    if (isChange(request)) {
      const given = request.headers['x-csrf-token'];
      if (typeof given !== 'string' || !(await secretsEqual(given, who.session.csrfToken))) throw CROSS_SITE;
    }
    if (area !== 'any' && !roleMayWorkIn(who.account.role, area)) throw WRONG_ROLE;
    return who;
  };
}

/** What a sign-in (by password or passkey) and `GET /staff/session` answer. */
export function sessionAnswer({ account, session }: SignedIn, idleMinutes: number, passkeys: boolean): StaffSessionAnswer {
  return {
    account: { loginName: account.loginName, displayName: account.displayName, role: account.role },
    csrfToken: session.csrfToken,
    idleMinutes,
    passkeys,
  };
}

export interface StaffRouteDependencies {
  auth: StaffAuth;
  accounts: StaffAccounts;
  desk: StaffDesk;
  store: StaffStore;
  idleMinutes: number;
  /** Whether passkeys are configured (the screens then offer them). */
  passkeysOn: boolean;
  now: () => Date;
}

export function staffRoutes(api: FastifyInstance, { auth, accounts, desk, store, idleMinutes, passkeysOn, now }: StaffRouteDependencies): void {
  const signedIn = staffGuard(auth);

  const answer = (who: SignedIn) => sessionAnswer(who, idleMinutes, passkeysOn);

  api.post('/staff/session', async (request, reply: FastifyReply) => {
    requireSameOrigin(request);
    const body = parseBody(signInSchema, request.body);
    const outcome = await auth.signIn(body.loginName, body.password);
    if (outcome.kind === 'wrong') throw new ApiHttpError(401, 'unauthorized', SIGN_IN_WRONG);
    if (outcome.kind === 'locked') {
      const until = japanClock(new Date(outcome.until));
      throw new ApiHttpError(
        429,
        'too_many_requests',
        `パスワードを続けて間違えたため、このアカウントは${formatTime(until.minutes)}までロックされています。急ぐときは管理者に連絡してください。`,
      );
    }
    reply.header('Set-Cookie', `${STAFF_COOKIE}=${outcome.token}; ${COOKIE_ATTRIBUTES}`);
    return answer(outcome);
  });

  api.get('/staff/session', async (request) => answer(await signedIn(request, 'any')));

  api.delete('/staff/session', async (request, reply) => {
    await auth.signOut(await signedIn(request, 'any'));
    reply.header('Set-Cookie', `${STAFF_COOKIE}=; ${COOKIE_ATTRIBUTES}; Max-Age=0`);
    return { done: true };
  });

  api.get('/staff/counter/bookings', async (request) => {
    await signedIn(request, 'counter-desk');
    const { date } = parseBody(counterDayQuerySchema, request.query);
    return { date, bookings: await desk.counterDay(date) };
  });

  api.post('/staff/counter/bookings/:code/check-in', async (request) => {
    const who = await signedIn(request, 'counter-desk');
    await desk.checkIn(codeParam(request), who);
    return { done: true };
  });

  api.post('/staff/counter/bookings/:code/no-show', async (request) => {
    const who = await signedIn(request, 'counter-desk');
    await desk.markNoShow(codeParam(request), who);
    return { done: true };
  });

  api.post('/staff/counter/bookings/:code/cancel', async (request) => {
    const who = await signedIn(request, 'counter-desk');
    const code = codeParam(request);
    await desk.cancel(code, parseBody(staffCancelSchema, request.body).reason, who);
    return { done: true };
  });

  // A POST, not a GET: it is an action the audit log records, and its answer must not be kept by a cache or prefetched.
  api.post('/staff/counter/bookings/:code/phone', async (request, reply) => {
    const who = await signedIn(request, 'counter-desk');
    const answer = await desk.phone(codeParam(request), who);
    return reply.header('Cache-Control', 'no-store').send(answer);
  });

  api.post('/staff/counter/bookings/:code/move', async (request) => {
    const who = await signedIn(request, 'counter-desk');
    const code = codeParam(request);
    const moved = await desk.move(code, parseBody(staffMoveSchema, request.body).slot, who);
    return { done: true, from: moved.from, to: moved.to };
  });

  api.get('/staff/counter/closures', async (request) => {
    await signedIn(request, 'counter-schedule');
    return { closures: await desk.closures() };
  });

  api.post('/staff/counter/closures', async (request, reply) => {
    const who = await signedIn(request, 'counter-schedule');
    await desk.closeCounter(parseBody(newClosureSchema, request.body), who);
    return reply.status(201).send({ done: true });
  });

  api.delete('/staff/counter/closures/:id', async (request) => {
    const who = await signedIn(request, 'counter-schedule');
    await desk.reopenCounter(idParam(request), who);
    return { done: true };
  });

  api.get('/staff/counter/desks', async (request) => {
    await signedIn(request, 'administration');
    return desk.dayDesks();
  });

  api.post('/staff/counter/desks', async (request) => {
    const who = await signedIn(request, 'administration');
    const { date, desks } = parseBody(dayDesksSchema, request.body);
    await desk.setDayDesks(date, desks, who);
    return { done: true };
  });

  // Back to the content's default.
  api.delete('/staff/counter/desks/:date', async (request) => {
    const who = await signedIn(request, 'administration');
    await desk.setDayDesks(parseBody(isoDateSchema, (request.params as { date?: unknown }).date), null, who);
    return { done: true };
  });

  api.get('/staff/facilities/provisional', async (request) => {
    await signedIn(request, 'facility-desk');
    return { bookings: await desk.provisionalFacilityBookings() };
  });

  api.post('/staff/facilities/bookings/:code/confirm', async (request) => {
    const who = await signedIn(request, 'facility-desk');
    await desk.confirmFacilityBooking(codeParam(request), who);
    return { done: true };
  });

  api.get('/staff/accounts', async (request) => {
    await signedIn(request, 'administration');
    const passkeys = new Map((await store.countPasskeys()).map(({ accountId, count }) => [accountId, count]));
    const listing = (await store.listAccounts()).map((account): StaffAccountListing => ({
      loginName: account.loginName,
      displayName: account.displayName,
      role: account.role,
      disabled: account.disabled,
      passkeys: passkeys.get(account.id) ?? 0,
      lockedUntil: account.lockedUntil !== null && account.lockedUntil > now().getTime() ? new Date(account.lockedUntil).toISOString() : null,
      createdAt: account.createdAt,
    }));
    return { accounts: listing };
  });

  api.post('/staff/accounts', async (request, reply) => {
    const who = await signedIn(request, 'administration');
    const body = parseBody(newStaffAccountSchema, request.body);
    accountOutcome(await accounts.add(body, who.account.loginName));
    return reply.status(201).send({ done: true });
  });

  api.post('/staff/accounts/:loginName/disable', async (request) => {
    const who = await signedIn(request, 'administration');
    return accountOutcome(await accounts.disable(loginParam(request), who.account.loginName));
  });

  api.post('/staff/accounts/:loginName/password', async (request) => {
    const who = await signedIn(request, 'administration');
    const loginName = loginParam(request);
    return accountOutcome(await accounts.resetPassword(loginName, parseBody(newPasswordSchema, request.body).password, who.account.loginName));
  });

  api.get('/staff/sessions', async (request) => {
    const who = await signedIn(request, 'administration');
    const sessions = (await auth.openSessions()).map((session): StaffSessionListing => ({
      id: session.id,
      loginName: session.loginName,
      displayName: session.displayName,
      role: session.role,
      startedAt: new Date(session.createdAt).toISOString(),
      lastSeenAt: new Date(session.lastSeenAt).toISOString(),
      expiresAt: new Date(session.expiresAt).toISOString(),
      current: session.id === who.session.id,
      signInMethod: session.signInMethod,
    }));
    return { sessions };
  });

  api.delete('/staff/sessions/:id', async (request) => {
    const who = await signedIn(request, 'administration');
    if (!(await auth.revoke(idParam(request), who))) throw new ApiHttpError(404, 'not_found', 'そのログインはもう終わっています。');
    return { done: true };
  });

  // Counts only, no personal data: every staff role may read them.
  api.get('/staff/figures', async (request) => {
    await signedIn(request, 'any');
    return desk.figures(parseBody(figuresQuerySchema, request.query).month);
  });

  api.get('/staff/figures.csv', async (request, reply) => {
    await signedIn(request, 'any');
    const { month } = parseBody(figuresQuerySchema, request.query);
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="togane-figures-${month}.csv"`)
      .send(figuresCsv(await desk.figures(month)));
  });

  api.get('/staff/audit', async (request) => {
    await signedIn(request, 'administration');
    return { entries: await store.listAudit(500) };
  });
}

const errors = {
  401: { description: 'ログインしていない・ログインが切れた' },
  403: { description: '役割が違う、またはこの画面の外からの操作（Origin か X-CSRF-Token が違う）' },
  404: { description: '見つからない' },
  409: { description: '今の状態ではできない' },
};
const csrf = { name: 'X-CSRF-Token', in: 'header', required: true, schema: { type: 'string' } };
const cookie = [{ staffSession: [] }];
const codePath = { name: 'code', in: 'path', required: true, schema: { type: 'string' } };
const loginPath = { name: 'loginName', in: 'path', required: true, schema: { type: 'string' } };
const done = { 200: { description: 'できました' }, ...errors };

export const staffPaths = {
  '/api/v1/staff/session': {
    post: {
      summary: '職員がログインする（5回続けてパスワードを間違えると一定時間ロック）',
      requestBody: { required: true, content: json(signInSchema) },
      responses: {
        200: { description: 'アカウントと CSRF トークン。セッションの Cookie を設定' },
        400: { description: '入力の誤り' },
        401: errors[401],
        403: errors[403],
        429: { description: 'ロック中' },
      },
    },
    get: { summary: 'ログイン中のアカウントと CSRF トークン', security: cookie, responses: { 200: { description: 'アカウント' }, 401: errors[401] } },
    delete: { summary: 'ログアウトする', security: cookie, parameters: [csrf], responses: done },
  },
  '/api/v1/staff/counter/bookings': {
    get: {
      summary: '窓口：その日の予約の一覧（窓口の役割）',
      security: cookie,
      parameters: [{ name: 'date', in: 'query', required: true, schema: { type: 'string', format: 'date' } }],
      responses: { 200: { description: '予約の一覧' }, 400: { description: '日付の誤り' }, 401: errors[401], 403: errors[403] },
    },
  },
  '/api/v1/staff/counter/bookings/{code}/check-in': {
    post: { summary: '窓口：来庁済みにする', security: cookie, parameters: [codePath, csrf], responses: done },
  },
  '/api/v1/staff/counter/bookings/{code}/no-show': {
    post: { summary: '窓口：来なかったと記録する（予約の時刻から）', security: cookie, parameters: [codePath, csrf], responses: done },
  },
  '/api/v1/staff/figures': {
    get: {
      summary: '月の集計（窓口の予約・来庁・来なかった、施設の予約）',
      security: cookie,
      parameters: [{ name: 'month', in: 'query', required: true, schema: { type: 'string', pattern: '^20\\d\\d-(0[1-9]|1[0-2])$' } }],
      responses: { 200: { description: '集計' }, 400: { description: '月の誤り' }, 401: errors[401], 403: errors[403] },
    },
  },
  '/api/v1/staff/figures.csv': {
    get: {
      summary: '月の集計の CSV（UTF-8、BOM つき、Excel 用）',
      security: cookie,
      parameters: [{ name: 'month', in: 'query', required: true, schema: { type: 'string', pattern: '^20\\d\\d-(0[1-9]|1[0-2])$' } }],
      responses: {
        200: { description: 'CSV', content: { 'text/csv': { schema: { type: 'string' } } } },
        400: { description: '月の誤り' },
        401: errors[401],
        403: errors[403],
      },
    },
  },
  '/api/v1/staff/counter/bookings/{code}/cancel': {
    post: {
      summary: '窓口：理由をつけて予約を取り消す',
      security: cookie,
      parameters: [codePath, csrf],
      requestBody: { required: true, content: json(staffCancelSchema) },
      responses: done,
    },
  },
  '/api/v1/staff/counter/bookings/{code}/phone': {
    post: {
      summary: '窓口：予約した方の電話番号を見る（一覧には出さない。見るたびに操作の記録に残る）',
      security: cookie,
      parameters: [codePath, csrf],
      responses: { 200: { description: '電話番号（保存期間が過ぎて削除されたときは null）' }, ...errors },
    },
  },
  '/api/v1/staff/counter/bookings/{code}/move': {
    post: {
      summary: '窓口：電話で受けて、予約をほかの日時に移す（締め切りの前後を問わず、まだ始まっていない枠へ。予約した方にはメールで知らせる）',
      security: cookie,
      parameters: [codePath, csrf],
      requestBody: { required: true, content: json(staffMoveSchema) },
      responses: { ...done, 422: { description: '移せない日時（休み・受付期間の外・過ぎた時刻）' } },
    },
  },
  '/api/v1/staff/counter/closures': {
    get: {
      summary: '窓口の休み（今日から先）の一覧（窓口・管理者）',
      security: cookie,
      responses: { 200: { description: '休みの一覧' }, 401: errors[401], 403: errors[403] },
    },
    post: {
      summary: '窓口を一日または時間を区切って休みにする（予約が入っているときは断り、その予約を示す）',
      security: cookie,
      parameters: [csrf],
      requestBody: { required: true, content: json(newClosureSchema) },
      responses: { 201: { description: '休みにしました' }, ...errors },
    },
  },
  '/api/v1/staff/counter/closures/{id}': {
    delete: {
      summary: '窓口の休みを取り消す',
      security: cookie,
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }, csrf],
      responses: done,
    },
  },
  '/api/v1/staff/counter/desks': {
    get: {
      summary: '管理者：窓口の1枠の受付数（既定と、日ごとに変えた日）',
      security: cookie,
      responses: { 200: { description: '既定の受付数と、今日から先の変えた日' }, 401: errors[401], 403: errors[403] },
    },
    post: {
      summary: '管理者：ある日の1枠の受付数を変える（すでに入っている予約より少なくはできない。断るときはその枠を示す）',
      security: cookie,
      parameters: [csrf],
      requestBody: { required: true, content: json(dayDesksSchema) },
      responses: done,
    },
  },
  '/api/v1/staff/counter/desks/{date}': {
    delete: {
      summary: '管理者：ある日の受付数を既定（コンテンツの desksPerSlot）に戻す',
      security: cookie,
      parameters: [{ name: 'date', in: 'path', required: true, schema: { type: 'string', format: 'date' } }, csrf],
      responses: done,
    },
  },
  '/api/v1/staff/facilities/provisional': {
    get: {
      summary: '施設：本予約を待つ仮予約の一覧（施設の役割）',
      security: cookie,
      responses: { 200: { description: '仮予約の一覧' }, 401: errors[401], 403: errors[403] },
    },
  },
  '/api/v1/staff/facilities/bookings/{code}/confirm': {
    post: { summary: '施設：仮予約を本予約にする（窓口での申し込みのあと）', security: cookie, parameters: [codePath, csrf], responses: done },
  },
  '/api/v1/staff/accounts': {
    get: {
      summary: '管理者：職員のアカウントの一覧',
      security: cookie,
      responses: { 200: { description: 'アカウントの一覧' }, 401: errors[401], 403: errors[403] },
    },
    post: {
      summary: '管理者：アカウントを追加する',
      security: cookie,
      parameters: [csrf],
      requestBody: { required: true, content: json(newStaffAccountSchema) },
      responses: { 201: { description: '追加しました' }, ...errors },
    },
  },
  '/api/v1/staff/accounts/{loginName}/disable': {
    post: { summary: '管理者：アカウントを停止する（ログイン中の端末も切断）', security: cookie, parameters: [loginPath, csrf], responses: done },
  },
  '/api/v1/staff/accounts/{loginName}/password': {
    post: {
      summary: '管理者：パスワードを再設定し、ロックを解除する',
      security: cookie,
      parameters: [loginPath, csrf],
      requestBody: { required: true, content: json(newPasswordSchema) },
      responses: done,
    },
  },
  '/api/v1/staff/sessions': {
    get: {
      summary: '管理者：ログイン中の端末の一覧',
      security: cookie,
      responses: { 200: { description: 'セッションの一覧' }, 401: errors[401], 403: errors[403] },
    },
  },
  '/api/v1/staff/sessions/{id}': {
    delete: {
      summary: '管理者：ログイン中の端末を切断する',
      security: cookie,
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }, csrf],
      responses: done,
    },
  },
  '/api/v1/staff/audit': {
    get: {
      summary: '管理者：操作の記録（新しい順に500件）',
      security: cookie,
      responses: { 200: { description: '操作の記録' }, 401: errors[401], 403: errors[403] },
    },
  },
};
