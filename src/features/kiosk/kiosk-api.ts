import { queryOptions } from '@tanstack/react-query';
import { requestJson } from '../../client/api-client.ts';
import type { KioskStatus } from '../../domain/kiosk-api.ts';

export function kioskStatusQuery() {
  return queryOptions({
    queryKey: ['kiosk', 'status'],
    queryFn: () => requestJson<KioskStatus>('/api/v1/kiosk'),
    staleTime: 0,
  });
}

/** Resolves when the server accepts the staff PIN; otherwise throws its Japanese message. */
export async function verifyStaffPin(pin: string): Promise<void> {
  await requestJson<{ verified: true }>('/api/v1/kiosk/session', { method: 'POST', body: JSON.stringify({ pin }) });
}
