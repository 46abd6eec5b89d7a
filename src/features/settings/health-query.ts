import { queryOptions } from '@tanstack/react-query';
import { requestJson } from '../../client/api-client';
import type { Health } from '../../domain/health';

export const healthQuery = queryOptions({
  queryKey: ['health'],
  queryFn: () => requestJson<Health>('/api/v1/health'),
  retry: false,
});
