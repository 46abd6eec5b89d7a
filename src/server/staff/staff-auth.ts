import { randomBytes } from 'node:crypto';
import { SIGN_IN_METHOD_NAMES } from '../../domain/staff-api.ts';
import { sessionState } from '../../domain/staff-session.ts';
import { hashWithScrypt, matchesScryptHash } from '../scrypt-hash.ts';
import { hashSecret } from '../../booking/secrets.ts';
import type { SignInMethod, SignInTryRules, StaffAccountRecord, StaffSessionRecord, StaffStore } from '../store/staff-store.ts';
import { recordAudit } from './audit.ts';

export interface StaffSessionRules {
  idleMs: number;
  lifetimeMs: number;
  lockMs: number;
}

export const MAX_WRONG_PASSWORDS = 5;

export type SignInOutcome =
  { kind: 'signed-in'; token: string; session: StaffSessionRecord; account: StaffAccountRecord } | { kind: 'wrong' } | { kind: 'locked'; until: number };

export interface SignedIn {
  session: StaffSessionRecord;
  account: StaffAccountRecord;
}

/** Sign-in with the lock-out, and the sessions that follow it. */
export function staffAuth(store: StaffStore, rules: StaffSessionRules, now: () => Date) {
  // An unknown or stopped account still costs one scrypt check, so the answer's timing does not
  // tell which login names exist.
  let decoyHash: Promise<string> | null = null;
  /** The session either sign-in opens: the same cookie, lifetime, idle timeout and CSRF token. */
  async function startSession(
    account: StaffAccountRecord,
    method: SignInMethod,
  ): Promise<{ token: string; session: StaffSessionRecord; account: StaffAccountRecord }> {
    const token = randomBytes(32).toString('base64url');
    const nowMs = now().getTime();
    const id = await store.createSession({
      tokenHash: await hashSecret(token),
      csrfToken: randomBytes(32).toString('base64url'),
      accountId: account.id,
      nowMs,
      expiresAt: nowMs + rules.lifetimeMs,
      signInMethod: method,
    });
    await recordAudit(store, now, account.loginName, 'sign-in', `ログイン #${String(id)}`, { before: null, after: `${SIGN_IN_METHOD_NAMES[method]}で` });
    const session = await store.findSession(await hashSecret(token));
    if (!session) throw new Error('the session just created cannot be read back');
    return { token, session, account };
  }
  const tryRules = (): SignInTryRules => ({ maxWrongTries: MAX_WRONG_PASSWORDS, lockMs: rules.lockMs, nowMs: now().getTime() });

  return {
    async signIn(loginName: string, password: string): Promise<SignInOutcome> {
      const account = await store.findAccount(loginName);
      if (!account || account.disabled) {
        decoyHash ??= hashWithScrypt(randomBytes(16).toString('hex'));
        await matchesScryptHash(password, await decoyHash);
        return { kind: 'wrong' };
      }
      const reserved = await store.reserveSignInTry(account.id, tryRules());
      if (!reserved.granted) return { kind: 'locked', until: reserved.lockedUntil };
      // A check that throws leaves the try pending: it counts as wrong until it is forgotten.
      const right = await matchesScryptHash(password, account.passwordHash);
      const { locked } = await store.settleSignInTry(reserved.id, right ? 'right' : 'wrong', tryRules());
      if (!right) {
        await recordAudit(store, now, account.loginName, 'sign-in-refused', account.loginName);
        if (!locked) return { kind: 'wrong' };
        await recordAudit(store, now, account.loginName, 'account-locked', account.loginName);
        return { kind: 'locked', until: now().getTime() + rules.lockMs };
      }
      return { kind: 'signed-in', ...(await startSession(account, 'password')) };
    },

    startSession,

    /** The session a cookie's token opens, if it is still active; using it keeps it alive. */
    async current(token: string): Promise<SignedIn | null> {
      const session = await store.findSession(await hashSecret(token));
      const nowMs = now().getTime();
      if (!session || sessionState(session, nowMs, rules.idleMs) !== 'active') return null;
      const account = await store.findAccountById(session.accountId);
      if (!account || account.disabled) return null;
      if (!(await store.touchSession(session.id, nowMs))) return null;
      return { session, account };
    },

    async signOut({ session, account }: SignedIn): Promise<void> {
      if (await store.endSession(session.id, 'signed-out', now().getTime())) {
        await recordAudit(store, now, account.loginName, 'sign-out', `ログイン #${String(session.id)}`);
      }
    },

    async revoke(sessionId: number, by: SignedIn): Promise<boolean> {
      const ended = await store.endSession(sessionId, 'revoked', now().getTime());
      if (ended) await recordAudit(store, now, by.account.loginName, 'session-revoked', `ログイン #${String(sessionId)}`);
      return ended;
    },

    /** Sessions still open, for the administrator. */
    async openSessions() {
      const nowMs = now().getTime();
      return store.listOpenSessions(nowMs - rules.idleMs, nowMs);
    },
  };
}

export type StaffAuth = ReturnType<typeof staffAuth>;
