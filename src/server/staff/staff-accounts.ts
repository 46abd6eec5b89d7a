import type { StaffRole } from '../../domain/staff-roles.ts';
import { hashWithScrypt } from '../scrypt-hash.ts';
import type { StaffStore } from '../store/staff-store.ts';
import { type Actor, recordAudit } from './audit.ts';
import { passwordProblem } from './password-policy.ts';

export type AccountOutcome = { ok: true } | { ok: false; problem: string; status: 404 | 409 | 422 };

const NOT_FOUND: AccountOutcome = { ok: false, problem: 'そのログイン名のアカウントはありません。', status: 404 };

/**
 * Adding, stopping and resetting staff accounts: the same rules and audit rows whether an
 * administrator does it on screen or someone runs `npm run staff:…` on the server.
 */
export function staffAccounts(store: StaffStore, now: () => Date) {
  return {
    async add(account: { loginName: string; displayName: string; role: StaffRole; password: string }, actor: Actor): Promise<AccountOutcome> {
      const problem = passwordProblem(account.password, account.loginName);
      if (problem) return { ok: false, problem, status: 422 };
      const passwordHash = await hashWithScrypt(account.password);
      const outcome = await store.addAccount({
        loginName: account.loginName,
        displayName: account.displayName,
        role: account.role,
        passwordHash,
        now: now().toISOString(),
      });
      if (outcome === 'name-taken') return { ok: false, problem: 'そのログイン名はもう使われています。', status: 409 };
      await recordAudit(store, now, actor, 'account-added', account.loginName);
      return { ok: true };
    },

    async disable(loginName: string, actor: Actor): Promise<AccountOutcome> {
      if (!(await store.disableAccount(loginName, now().toISOString(), now().getTime()))) return NOT_FOUND;
      await recordAudit(store, now, actor, 'account-disabled', loginName);
      return { ok: true };
    },

    /** A new password also lifts a lock-out: the person proved who they are to whoever resets it. */
    async resetPassword(loginName: string, password: string, actor: Actor): Promise<AccountOutcome> {
      const problem = passwordProblem(password, loginName);
      if (problem) return { ok: false, problem, status: 422 };
      if (!(await store.resetPassword(loginName, await hashWithScrypt(password), now().toISOString(), now().getTime()))) return NOT_FOUND;
      await recordAudit(store, now, actor, 'password-reset', loginName);
      return { ok: true };
    },
  };
}

export type StaffAccounts = ReturnType<typeof staffAccounts>;
