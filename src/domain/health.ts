import { z } from 'zod';

/** `GET /api/v1/health`: what a monitor, the kiosk and the settings page ask of the server. */
export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  database: z.object({
    status: z.enum(['ok', 'error']),
    schemaVersion: z.number().int().nullable(),
  }),
  content: z.object({ fingerprint: z.string() }),
});

export type Health = z.infer<typeof healthSchema>;
