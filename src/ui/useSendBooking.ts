import { useState } from 'react';
import { ApiRequestError } from '../client/api-client.ts';

/**
 * Sending a booking from the wizard's last step (counter and facilities): while it is on its way the
 * button says so, and a failure says what happened. Every retry sends the same idempotency key, so a
 * lost answer never books twice; but when the time is gone (409, 422) the next attempt is a new
 * request for another time, so the page is asked for a new key.
 */
export function useSendBooking(renewKey: () => void) {
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const send = async (book: () => Promise<void>) => {
    setSending(true);
    setFailure(null);
    try {
      await book();
    } catch (error) {
      const message = error instanceof ApiRequestError ? error.message : '予約できませんでした。もう一度お試しください。';
      setFailure(
        error instanceof ApiRequestError && error.code === 'network_error' ? `${message} もう一度押しても、予約が二重になることはありません。` : message,
      );
      if (error instanceof ApiRequestError && (error.code === 'conflict' || error.code === 'unprocessable')) renewKey();
    } finally {
      setSending(false);
    }
  };

  return { sending, failure, send };
}
