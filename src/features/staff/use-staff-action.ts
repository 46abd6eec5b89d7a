import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiRequestError } from '../../client/api-client.ts';
import type { ApiContract } from '../../domain/api-contract.ts';
import { type StaffCall, staffChange } from './staff-api.ts';
import { failureMessage } from './words.ts';

export interface StaffScreenProps {
  csrfToken: string;
  /** Called when the server says the session has ended. */
  onSignedOut: () => void;
}

const isSignedOut = (error: unknown) => error instanceof ApiRequestError && error.status === 401;

/**
 * One change at a time from a staff screen: the result, said in a live region, and the lists
 * fetched again. A 401 anywhere takes the clerk back to the sign-in.
 */
export function useStaffAction({ csrfToken, onSignedOut }: StaffScreenProps) {
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  /** Any change, in more than one call (a passkey's registration asks the browser between two). */
  async function perform(change: () => Promise<unknown>, done: string): Promise<boolean> {
    setBusy(true);
    try {
      await change();
      setMessage({ text: done, failed: false });
      return true;
    } catch (error) {
      if (isSignedOut(error)) onSignedOut();
      else setMessage({ text: failureMessage(error), failed: true });
      return false;
    } finally {
      setBusy(false);
      await queryClient.invalidateQueries({ queryKey: ['staff'], predicate: (query) => query.queryKey[1] !== 'session' });
    }
  }

  const run = (contract: ApiContract, call: StaffCall, done: string) => perform(() => staffChange(csrfToken, contract, call), done);

  return { run, perform, message, busy };
}

/** Sends a list's 401 back to the sign-in too. */
export function useSignedOutOnFailure(error: unknown, onSignedOut: () => void): void {
  useEffect(() => {
    if (isSignedOut(error)) onSignedOut();
  }, [error, onSignedOut]);
}
