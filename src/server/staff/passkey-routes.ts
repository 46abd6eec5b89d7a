import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiHttpError } from '../../domain/api-refusal.ts';
import { contractRoute } from '../route-helpers.ts';
import type { StaffSessionAnswer } from '../../domain/staff-api.ts';
import { staffContracts as c } from '../../domain/staff-contracts.ts';
import { MAX_PASSKEYS_PER_ACCOUNT } from '../../domain/staff-passkeys.ts';
import type { StaffStore } from '../store/staff-store.ts';
import type { SignedIn } from './staff-auth.ts';
import type { StaffPasskeys } from './staff-passkeys.ts';
import type { StaffRoute } from './staff-route.ts';

const PASSKEYS_OFF = new ApiHttpError(404, 'not_found', 'このサーバーではパスキーが設定されていません。パスワードでログインしてください。');
const BUSY = new ApiHttpError(429, 'too_many_requests', 'パスキーの手続きが混み合っています。少し待ってから、もう一度お試しください。');
const SIGN_IN_REFUSED = new ApiHttpError(
  401,
  'unauthorized',
  'パスキーでログインできませんでした。登録したパスキーを選んだか確かめて、もう一度お試しください（パスワードでもログインできます）。',
);
const REGISTRATION_PROBLEMS = {
  refused: new ApiHttpError(
    422,
    'unprocessable',
    'パスキーを登録できませんでした。時間がたちすぎたか、この画面の外からの操作です。もう一度「パスキーを登録する」を押してください。',
  ),
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
  passkeys: StaffPasskeys | null;
  store: StaffStore;
  /** staffRoutes' own helpers: a route behind a session, the Origin check, and a session's opening. */
  staffRoute: StaffRoute;
  requireSameOrigin: (request: FastifyRequest) => void;
  opened: (reply: FastifyReply, outcome: SignedIn & { token: string }) => StaffSessionAnswer;
}

/** Signing in with a passkey, and registering, listing and removing them (see staff-passkeys.ts). */
export function passkeyRoutes(api: FastifyInstance, { passkeys: configured, store, staffRoute, requireSameOrigin, opened }: PasskeyRouteDependencies): void {
  const passkeys = () => {
    if (!configured) throw PASSKEYS_OFF;
    return configured;
  };

  // The sign-in's two routes have no session yet (they open one); they still take requests only from this site's pages.
  const fromThisSite = (request: FastifyRequest) => {
    requireSameOrigin(request);
    return {};
  };

  contractRoute(api, c.passkeySignInOptions, fromThisSite, async () => {
    const options = await passkeys().signInOptions();
    if (!options) throw BUSY;
    return options;
  });

  contractRoute(api, c.passkeySignIn, fromThisSite, async ({ body, reply }) => {
    const outcome = await passkeys().signIn(body.response);
    if (outcome.kind === 'refused') throw SIGN_IN_REFUSED;
    return opened(reply, outcome);
  });

  staffRoute(c.passkeys, async ({ who }) => ({ passkeys: await passkeys().list(who.account.id) }));

  staffRoute(c.passkeyRegistrationOptions, async ({ who }) => {
    const options = await passkeys().registrationOptions(who);
    if (!options) throw BUSY;
    return options;
  });

  staffRoute(c.registerPasskey, async ({ who, body }) => {
    const outcome = await passkeys().register(who, body.name, body.response);
    if (!outcome.ok) throw REGISTRATION_PROBLEMS[outcome.reason];
    return { done: true };
  });

  staffRoute(c.removePasskey, async ({ who, params }) => {
    if (!(await passkeys().remove(who.account, params.id, who.account.loginName))) throw NO_SUCH_PASSKEY;
    return { done: true };
  });

  // The administrator removes an account's passkeys (a lost PC or key): all of them, each audited.
  staffRoute(c.removeAccountPasskeys, async ({ who, params }) => {
    const service = passkeys();
    const account = await store.findAccount(params.loginName);
    if (!account) throw NO_SUCH_ACCOUNT;
    for (const passkey of await service.list(account.id)) await service.remove(account, passkey.id, who.account.loginName);
    return { done: true };
  });
}
