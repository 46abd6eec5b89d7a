import type { FastifyInstance } from 'fastify';
import { ApiHttpError, parseBody } from '../../domain/api-refusal.ts';
import { MAX_PASSKEYS_PER_ACCOUNT, passkeyRegistrationSchema, passkeySignInSchema } from '../../domain/staff-passkeys.ts';
import { jsonContent as json } from '../route-helpers.ts';
import type { StaffStore } from '../store/staff-store.ts';
import type { StaffAuth } from './staff-auth.ts';
import type { StaffPasskeys } from './staff-passkeys.ts';
import { COOKIE_ATTRIBUTES, idParam, loginParam, requireSameOrigin, sessionAnswer, STAFF_COOKIE, staffGuard } from './staff-routes.ts';

const PASSKEYS_OFF = new ApiHttpError(404, 'not_found', 'このサーバーではパスキーが設定されていません。パスワードでログインしてください。');
const BUSY = new ApiHttpError(429, 'too_many_requests', 'パスキーの手続きが混み合っています。少し待ってから、もう一度お試しください。');
const SIGN_IN_REFUSED = new ApiHttpError(
  401,
  'unauthorized',
  'パスキーでログインできませんでした。登録したパスキーを選んだか確かめて、もう一度お試しください（パスワードでもログインできます）。',
);
const REGISTRATION_REFUSED = new ApiHttpError(
  422,
  'unprocessable',
  'パスキーを登録できませんでした。時間がたちすぎたか、画面の外からの操作です。もう一度「パスキーを登録する」を押してください。',
);
const REGISTRATION_PROBLEMS = {
  refused: REGISTRATION_REFUSED,
  'too-many': new ApiHttpError(
    409,
    'conflict',
    `パスキーは1人${String(MAX_PASSKEYS_PER_ACCOUNT)}個までです。使わなくなったものを削除してから登録してください。`,
  ),
  'already-registered': new ApiHttpError(409, 'conflict', 'このパスキーはもう登録されています。'),
};
const NO_SUCH_PASSKEY = new ApiHttpError(404, 'not_found', 'そのパスキーはありません（もう削除されています）。');
const NO_SUCH_ACCOUNT = new ApiHttpError(404, 'not_found', 'そのログイン名のアカウントはありません。');

export interface PasskeyRouteDependencies {
  auth: StaffAuth;
  /** Null when the server has no passkey origin configured: every passkey route then answers 404. */
  passkeys: StaffPasskeys | null;
  store: StaffStore;
  idleMinutes: number;
}

/** Registering, listing and removing passkeys, and signing in with one (see staff-passkeys.ts). */
export function passkeyRoutes(api: FastifyInstance, { auth, passkeys: maybePasskeys, store, idleMinutes }: PasskeyRouteDependencies): void {
  const signedIn = staffGuard(auth);
  const passkeysOn = () => {
    if (!maybePasskeys) throw PASSKEYS_OFF;
    return maybePasskeys;
  };

  // A POST: the options hold a fresh single-use challenge, which no cache may keep.
  api.post('/staff/passkey-session/options', async (request) => {
    requireSameOrigin(request);
    const options = await passkeysOn().signInOptions();
    if (!options) throw BUSY;
    return options;
  });

  api.post('/staff/passkey-session', async (request, reply) => {
    requireSameOrigin(request);
    const passkeys = passkeysOn();
    const { response } = parseBody(passkeySignInSchema, request.body);
    const outcome = await passkeys.signIn(response);
    if (outcome.kind === 'refused') throw SIGN_IN_REFUSED;
    reply.header('Set-Cookie', `${STAFF_COOKIE}=${outcome.token}; ${COOKIE_ATTRIBUTES}`);
    return sessionAnswer(outcome, idleMinutes, true);
  });

  api.get('/staff/passkeys', async (request) => {
    const who = await signedIn(request, 'any');
    return { passkeys: await passkeysOn().list(who.account.id) };
  });

  api.post('/staff/passkeys/options', async (request) => {
    const who = await signedIn(request, 'any');
    const options = await passkeysOn().registrationOptions(who);
    if (!options) throw BUSY;
    return options;
  });

  api.post('/staff/passkeys', async (request, reply) => {
    const who = await signedIn(request, 'any');
    const passkeys = passkeysOn();
    const { name, response } = parseBody(passkeyRegistrationSchema, request.body);
    const outcome = await passkeys.register(who, name, response);
    if (!outcome.ok) throw REGISTRATION_PROBLEMS[outcome.reason];
    return reply.status(201).send({ done: true });
  });

  api.delete('/staff/passkeys/:id', async (request) => {
    const who = await signedIn(request, 'any');
    if (!(await passkeysOn().remove(who.account, idParam(request), who.account.loginName))) throw NO_SUCH_PASSKEY;
    return { done: true };
  });

  // The administrator removes an account's passkeys (a lost PC or key): all of them, each audited.
  api.delete('/staff/accounts/:loginName/passkeys', async (request) => {
    const who = await signedIn(request, 'administration');
    const passkeys = passkeysOn();
    const account = await store.findAccount(loginParam(request));
    if (!account) throw NO_SUCH_ACCOUNT;
    for (const passkey of await passkeys.list(account.id)) await passkeys.remove(account, passkey.id, who.account.loginName);
    return { done: true };
  });
}

const errors = {
  401: { description: 'ログインしていない・ログインが切れた' },
  403: { description: '役割が違う、またはこの画面の外からの操作（Origin か X-CSRF-Token が違う）' },
  404: { description: 'パスキーが設定されていない・見つからない' },
};
const csrf = { name: 'X-CSRF-Token', in: 'header', required: true, schema: { type: 'string' } };
const cookie = [{ staffSession: [] }];

export const passkeyPaths = {
  '/api/v1/staff/passkey-session/options': {
    post: {
      summary: 'パスキーでログインするための challenge（1回限り、3分で失効）',
      responses: {
        200: { description: 'WebAuthn の PublicKeyCredentialRequestOptionsJSON' },
        403: errors[403],
        404: errors[404],
        429: { description: '混雑' },
      },
    },
  },
  '/api/v1/staff/passkey-session': {
    post: {
      summary: 'パスキーでログインする（パスワードと同じセッションの Cookie を設定）',
      requestBody: { required: true, content: json(passkeySignInSchema) },
      responses: {
        200: { description: 'アカウントと CSRF トークン' },
        400: { description: '入力の誤り' },
        401: { description: '確かめられなかった（challenge の再使用・失効、別の Origin、停止中のアカウント）' },
        403: errors[403],
        404: errors[404],
      },
    },
  },
  '/api/v1/staff/passkeys': {
    get: { summary: '自分のパスキーの一覧', security: cookie, responses: { 200: { description: 'パスキーの一覧' }, 401: errors[401], 404: errors[404] } },
    post: {
      summary: '自分のアカウントにパスキーを登録する',
      security: cookie,
      parameters: [csrf],
      requestBody: { required: true, content: json(passkeyRegistrationSchema) },
      responses: { 201: { description: '登録しました' }, ...errors, 409: { description: '上限・登録済み' }, 422: { description: '確かめられなかった' } },
    },
  },
  '/api/v1/staff/passkeys/options': {
    post: {
      summary: 'パスキーを登録するための challenge（1回限り、3分で失効）',
      security: cookie,
      parameters: [csrf],
      responses: { 200: { description: 'WebAuthn の PublicKeyCredentialCreationOptionsJSON' }, ...errors, 429: { description: '混雑' } },
    },
  },
  '/api/v1/staff/passkeys/{id}': {
    delete: {
      summary: '自分のパスキーを削除する',
      security: cookie,
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }, csrf],
      responses: { 200: { description: '削除しました' }, ...errors },
    },
  },
  '/api/v1/staff/accounts/{loginName}/passkeys': {
    delete: {
      summary: '管理者：アカウントのパスキーをすべて削除する（なくしたパソコンや鍵）',
      security: cookie,
      parameters: [{ name: 'loginName', in: 'path', required: true, schema: { type: 'string' } }, csrf],
      responses: { 200: { description: '削除しました' }, ...errors },
    },
  },
};
