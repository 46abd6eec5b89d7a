import { queryOptions } from '@tanstack/react-query';
import { callEndpoint } from '../../client/api-client.ts';
import type { KioskStatus } from '../../domain/kiosk-api.ts';
import { kioskContracts } from '../../domain/kiosk-contracts.ts';

export function kioskStatusQuery() {
  return queryOptions({
    queryKey: ['kiosk', 'status'],
    queryFn: () => callEndpoint<KioskStatus>(kioskContracts.status),
    staleTime: 0,
  });
}

/** Resolves when the server accepts the staff PIN; otherwise throws its Japanese message. */
export async function verifyStaffPin(pin: string): Promise<void> {
  await callEndpoint<{ verified: true }>(kioskContracts.verifyPin, { body: { pin } });
}
