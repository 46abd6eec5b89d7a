import { type QueryKey, useQuery, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { usePracticeMode } from '../client/practice-mode.ts';

/**
 * The secret that opens a booking's page (counter and facilities): from the management link's
 * #token= (never sent to the server), or else from this device's list. It is read once per booking,
 * so it stays while the page shows a booking that was just cancelled and has left the list, and read
 * again when practice mode starts or ends: a practice booking's token must not outlive its mode, or
 * the page would ask the real server for a booking that only ever lived in the practice data.
 */
export function useManagementToken(code: string, savedToken: (code: string) => string | undefined): string | null {
  const { hash } = useLocation();
  const practice = usePracticeMode();
  const read = () => /^#token=([A-Za-z0-9_-]{20,100})$/.exec(hash)?.[1] ?? savedToken(code) ?? null;
  const [held, setHeld] = useState(() => ({ code, practice, token: read() }));
  if (held.code !== code || held.practice !== practice) {
    const next = { code, practice, token: read() };
    setHeld(next);
    return next.token;
  }
  return held.token;
}

/**
 * What a booking's own page (counter and facilities) starts from: the code in the address, the
 * token that opens it, the booking asked of the server with that token, and whether the citizen has
 * just made it (`?new=1`, where the wizard sends them).
 */
export function useManagedBooking<Answer, Key extends QueryKey>(
  savedToken: (code: string) => string | undefined,
  query: (code: string, token: string) => UseQueryOptions<Answer, Error, Answer, Key>,
): { code: string; token: string | null; answer: UseQueryResult<Answer>; justMade: boolean } {
  const code = (useParams().code ?? '').toUpperCase();
  const [params] = useSearchParams();
  const token = useManagementToken(code, savedToken);
  const answer = useQuery({ ...query(code, token ?? ''), enabled: token !== null });
  return { code, token, answer, justMade: params.get('new') === '1' };
}
