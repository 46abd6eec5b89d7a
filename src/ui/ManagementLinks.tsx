import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { describeLink, type ManagementLink } from '../domain/management-links.ts';
import { Button } from './Button.tsx';

interface ManagementLinksProps {
  /** Where the booking is open, as the server lists it (empty in practice mode). */
  links: ManagementLink[];
  /** Closes every link but this device's; rejects when that failed. */
  onCloseOthers: () => Promise<void>;
}

/**
 * Where a booking is open: shown only when some other device holds it too (after a look-up by code
 * and phone, say on a borrowed phone), with one button to close all but this device.
 */
export function ManagementLinks({ links, onCloseOthers }: ManagementLinksProps) {
  const [state, setState] = useState<'idle' | 'closing' | 'failed'>('idle');
  if (links.length <= 1) return null;
  const close = async () => {
    setState('closing');
    try {
      await onCloseOthers();
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <section aria-labelledby="management-links-heading">
      <h2 id="management-links-heading">この予約を開ける端末</h2>
      <ul>
        {links.map((link) => (
          <li key={link.id}>{describeLink(link)}</li>
        ))}
      </ul>
      <p>借りたスマートフォンで開いたときや、心当たりのない端末があるときは、ほかの端末では開けないようにできます。</p>
      <Button variant="secondary" onClick={() => void close()} disabled={state === 'closing'}>
        この端末のほかは開けないようにする
      </Button>
      {state === 'failed' && <p role="alert">うまくいきませんでした。もう一度お試しください。</p>}
    </section>
  );
}

/**
 * Closes the other links, then writes those left into the page's answer in the cache, so the list
 * above is right at once without loading the booking again.
 */
export async function closeOtherLinksAndKeep(queryClient: QueryClient, queryKey: QueryKey, close: () => Promise<ManagementLink[]>): Promise<void> {
  const left = await close();
  queryClient.setQueryData<{ links?: ManagementLink[] }>(queryKey, (answer) => answer && { ...answer, links: left });
}
