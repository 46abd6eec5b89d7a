import { queryOptions } from '@tanstack/react-query';
import { requestJson } from '../../client/api-client.ts';
import type { Health } from '../../domain/health.ts';

export const healthQuery = queryOptions({
  queryKey: ['health'],
  queryFn: () => requestJson<Health>('/api/v1/health'),
  retry: false,
});
