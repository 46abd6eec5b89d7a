import { useState } from 'react';
import { useLocation } from 'react-router';

/**
 * The secret a link the city gave carries after `#token=` (43 characters of base64url: a
 * キャンセル待ち offer's mail, the place-in-line link given at joining). The fragment never reaches
 * the server in the address; it is read once, so the page keeps it whatever the address becomes.
 */
export function useFragmentToken(): string | null {
  const { hash } = useLocation();
  const [token] = useState(() => /^#token=([A-Za-z0-9_-]{43})$/.exec(hash)?.[1] ?? null);
  return token;
}
