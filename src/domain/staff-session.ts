/**
 * When a staff session ends. A counter PC is shared, so a session left alone ends after the idle
 * timeout; however busy, it ends at its absolute lifetime, so a stolen cookie is not good forever.
 */
export interface SessionTimes {
  /** Milliseconds since 1970, UTC. */
  lastSeenAt: number;
  expiresAt: number;
  endedAt: number | null;
}

export type SessionState = 'active' | 'idle' | 'expired' | 'ended';

export function sessionState(session: SessionTimes, nowMs: number, idleMs: number): SessionState {
  if (session.endedAt !== null) return 'ended';
  if (nowMs >= session.expiresAt) return 'expired';
  if (nowMs - session.lastSeenAt >= idleMs) return 'idle';
  return 'active';
}
