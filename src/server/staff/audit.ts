import type { AuditAction } from '../../domain/staff-api.ts';
import type { StaffStore } from '../store/staff-store.ts';

/** Who did something: a signed-in account's login name, or the command run on the server. */
export type Actor = string;

export const SERVER_COMMAND_ACTOR = 'サーバーのコマンド（npm run staff:…）';

/**
 * Writes one audit row. The target is a booking code, a login name or a session number, and
 * `change` what the action changed (a slot, a number of desks): the log never holds a citizen's
 * name, phone or anything typed about them.
 */
export function recordAudit(
  store: StaffStore,
  now: () => Date,
  actor: Actor,
  action: AuditAction,
  target: string | null,
  change: { before: string | null; after: string | null } = { before: null, after: null },
): Promise<void> {
  return store.appendAudit({ at: now().toISOString(), actor, action, target, ...change });
}
