import { queryOptions } from '@tanstack/react-query';
import { callEndpoint } from '../../client/api-client.ts';
import type { Health } from '../../domain/health.ts';
import { healthContracts } from '../../domain/health-contracts.ts';

export const healthQuery = queryOptions({
  queryKey: ['health'],
  queryFn: () => callEndpoint<Health>(healthContracts.health),
  retry: false,
});
