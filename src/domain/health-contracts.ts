import type { ApiContract } from './api-contract.ts';
import { healthSchema } from './health.ts';

/** The health check's contract, the same pattern as staff-contracts.ts (a monitor, the kiosk and the settings page call it). */
export const healthContracts = {
  health: {
    method: 'GET',
    path: '/api/v1/health',
    summary: 'サーバーとデータベースの状態',
    notRateLimited: true,
    answer: {
      status: 200,
      description: '正常',
      schema: healthSchema,
      degraded: 'データベースに接続できない、またはサーバーが混み合って応答できない',
    },
    refusals: {},
  },
} as const satisfies Record<string, ApiContract>;
