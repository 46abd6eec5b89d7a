import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contractRoute } from '../route-helpers.ts';
import { type StaffAccountListing, type StaffSessionAnswer, type StaffSessionListing } from '../../domain/staff-api.ts';
import { staffContracts as c } from '../../domain/staff-contracts.ts';
import { figuresCsv } from '../../domain/staff-figures.ts';
import { roleMayWorkIn, type StaffArea } from '../../domain/staff-roles.ts';
import { formatTime, japanClock } from '../../domain/japan-time.ts';
import { ApiHttpError } from '../../domain/api-refusal.ts';
import { secretsEqual } from '../../booking/secrets.ts';
import type { StaffStore } from '../store/staff-store.ts';
import type { AccountOutcome, StaffAccounts } from './staff-accounts.ts';
import type { SignedIn, StaffAuth } from './staff-auth.ts';
import type { StaffDesk } from './staff-desk.ts';
import { passkeyRoutes } from './passkey-routes.ts';
import type { StaffPasskeys } from './staff-passkeys.ts';
import type { StaffRoute } from './staff-route.ts';

/**
 * The session cookie. `__Host-` makes the browser refuse it unless it is Secure, for this host
 * only (no Domain) and for the whole site (Path=/), so a sibling site cannot plant or read it.
 * It stays Secure on a plain-HTTP loopback test server too: browsers treat http://localhost as a
 * secure origin and keep such cookies there, so there is no weaker setting to switch off in production.
 */
export const STAFF_COOKIE = '__Host-togane-staff';
const COOKIE_ATTRIBUTES = 'Path=/; HttpOnly; Secure; SameSite=Strict';

const SIGN_IN_WRONG = 'ログイン名かパスワードが違います。';
const NOT_SIGNED_IN = new ApiHttpError(
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
function requireSameOrigin(request: FastifyRequest): void {
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

export interface StaffRouteDependencies {
  auth: StaffAuth;
  accounts: StaffAccounts;
  desk: StaffDesk;
  /** Null when no passkey origin is configured: the passkey routes then answer 404. */
  passkeys: StaffPasskeys | null;
  store: StaffStore;
  idleMinutes: number;
  now: () => Date;
}

/**
 * The staff API, each route registered from its contract in src/domain/staff-contracts.ts (path,
 * method, schemas, the area whose roles may use it).
 */
export function staffRoutes(api: FastifyInstance, { auth, accounts, desk, passkeys, store, idleMinutes, now }: StaffRouteDependencies): void {
  /**
   * Every staff route starts here: a live session (401), the role of the area (403), and for a
   * change the page's Origin and the session's CSRF token (403).
   */
  async function signedIn(request: FastifyRequest, area: StaffArea | 'any'): Promise<SignedIn> {
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
  }

  /** A route for a signed-in member of staff: session, role, Origin and CSRF token are checked before anything is read. */
  const staffRoute: StaffRoute = (contract, handle) =>
    contractRoute(api, contract, async (request) => ({ who: await signedIn(request, contract.staffSession) }), handle);

  const sessionAnswer = ({ account, session }: SignedIn): StaffSessionAnswer => ({
    account: { loginName: account.loginName, displayName: account.displayName, role: account.role },
    csrfToken: session.csrfToken,
    idleMinutes,
    passkeys: passkeys !== null,
  });

  /** A session just opened, by password or passkey: its cookie, and the answer the screen starts from. */
  const opened = (reply: FastifyReply, outcome: SignedIn & { token: string }): StaffSessionAnswer => {
    reply.header('Set-Cookie', `${STAFF_COOKIE}=${outcome.token}; ${COOKIE_ATTRIBUTES}`);
    return sessionAnswer(outcome);
  };

  // The routes without a session make one. They still take changes only from this site's pages.
  const fromThisSite = (request: FastifyRequest) => {
    requireSameOrigin(request);
    return {};
  };
  contractRoute(api, c.signIn, fromThisSite, async ({ body, reply }) => {
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
    return opened(reply, outcome);
  });

  staffRoute(c.session, ({ who }) => sessionAnswer(who));

  staffRoute(c.signOut, async ({ who, reply }) => {
    await auth.signOut(who);
    reply.header('Set-Cookie', `${STAFF_COOKIE}=; ${COOKIE_ATTRIBUTES}; Max-Age=0`);
    return { done: true };
  });

  staffRoute(c.counterDay, async ({ query }) => ({ date: query.date, bookings: await desk.counterDay(query.date) }));

  staffRoute(c.checkIn, async ({ params, who }) => {
    await desk.checkIn(params.code, who);
    return { done: true };
  });

  staffRoute(c.noShow, async ({ params, who }) => {
    await desk.markNoShow(params.code, who);
    return { done: true };
  });

  staffRoute(c.cancel, async ({ params, body, who }) => {
    await desk.cancel(params.code, body.reason, who);
    return { done: true };
  });

  // Its answer must not be kept by a cache (see the contract).
  staffRoute(c.phone, async ({ params, who, reply }) => {
    reply.header('Cache-Control', 'no-store');
    return desk.phone(params.code, who);
  });

  staffRoute(c.move, async ({ params, body, who }) => {
    const moved = await desk.move(params.code, body.slot, who);
    return { done: true, from: moved.from, to: moved.to };
  });

  staffRoute(c.closures, async () => ({ closures: await desk.closures() }));

  staffRoute(c.closeCounter, async ({ body, who }) => {
    await desk.closeCounter(body, who);
    return { done: true };
  });

  staffRoute(c.reopenCounter, async ({ params, who }) => {
    await desk.reopenCounter(params.id, who);
    return { done: true };
  });

  staffRoute(c.dayDesks, () => desk.dayDesks());

  staffRoute(c.setDayDesks, async ({ body, who }) => {
    await desk.setDayDesks(body.date, body.desks, who);
    return { done: true };
  });

  // Back to the content's default.
  staffRoute(c.resetDayDesks, async ({ params, who }) => {
    await desk.setDayDesks(params.date, null, who);
    return { done: true };
  });

  staffRoute(c.provisional, async () => ({ bookings: await desk.provisionalFacilityBookings() }));

  staffRoute(c.confirmFacilityBooking, async ({ params, who }) => {
    await desk.confirmFacilityBooking(params.code, who);
    return { done: true };
  });

  staffRoute(c.declineFacilityBooking, async ({ params, body, who }) => {
    await desk.declineFacilityBooking(params.code, body.reason, who);
    return { done: true };
  });

  staffRoute(c.bookedFacilities, async () => ({ bookings: await desk.bookedFacilityBookings() }));

  staffRoute(c.recordFeePayment, async ({ params, body, who }) => {
    await desk.recordFeePayment(params.code, body, who);
    return { done: true };
  });

  staffRoute(c.roomBlocks, async () => ({ blocks: await desk.roomBlocks() }));

  staffRoute(c.blockRoom, async ({ body, who }) => {
    await desk.blockRoom(body, who);
    return { done: true };
  });

  staffRoute(c.unblockRoom, async ({ params, who }) => {
    await desk.unblockRoom(params.id, who);
    return { done: true };
  });

  staffRoute(c.daySheet, ({ query }) => desk.daySheet(query.facilityId, query.roomId, query.date));

  staffRoute(c.accounts, async () => {
    const passkeyCounts = new Map((await store.countPasskeys()).map(({ accountId, count }) => [accountId, count]));
    const listing = (await store.listAccounts()).map((account): StaffAccountListing => ({
      loginName: account.loginName,
      displayName: account.displayName,
      role: account.role,
      disabled: account.disabled,
      passkeys: passkeyCounts.get(account.id) ?? 0,
      lockedUntil: account.lockedUntil !== null && account.lockedUntil > now().getTime() ? new Date(account.lockedUntil).toISOString() : null,
      createdAt: account.createdAt,
    }));
    return { accounts: listing };
  });

  staffRoute(c.addAccount, async ({ body, who }) => accountOutcome(await accounts.add(body, who.account.loginName)));

  staffRoute(c.disableAccount, async ({ params, who }) => accountOutcome(await accounts.disable(params.loginName, who.account.loginName)));

  staffRoute(c.resetPassword, async ({ params, body, who }) =>
    accountOutcome(await accounts.resetPassword(params.loginName, body.password, who.account.loginName)),
  );

  staffRoute(c.sessions, async ({ who }) => {
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

  staffRoute(c.revokeSession, async ({ params, who }) => {
    if (!(await auth.revoke(params.id, who))) throw new ApiHttpError(404, 'not_found', 'そのログインはもう終わっています。');
    return { done: true };
  });

  staffRoute(c.figures, ({ query }) => desk.figures(query.month));

  staffRoute(c.figuresCsv, async ({ query, reply }) => {
    reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="togane-figures-${query.month}.csv"`);
    return figuresCsv(await desk.figures(query.month));
  });

  staffRoute(c.undeliveredMail, async ({ who }) => ({ mails: await desk.undeliveredMail(who) }));

  staffRoute(c.audit, async () => ({ entries: await store.listAudit(500) }));

  passkeyRoutes(api, { passkeys, store, staffRoute, requireSameOrigin, opened });
}
