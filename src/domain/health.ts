import { z } from 'zod';

/** `GET /api/v1/health`: what a monitor, the kiosk and the settings page ask of the server. */
export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  /** Which server process answered: its host, and its worker's number when WORKERS starts several. */
  instance: z.string(),
  database: z.object({
    /** SQLite (one instance) or PostgreSQL (several instances on one database). */
    engine: z.enum(['sqlite', 'postgres']),
    status: z.enum(['ok', 'error']),
    schemaVersion: z.number().int().nullable(),
  }),
  content: z.object({ fingerprint: z.string() }),
  /**
   * How long the server's event loop waits before it runs what is ready (milliseconds, the worst of
   * the last sample; null when the sampler could not run at all) and how busy it is (0–1). A stuck
   * instance shows here first, and answers 503.
   */
  eventLoop: z.object({ delayMs: z.number().nonnegative().nullable(), utilization: z.number().min(0).max(1) }),
});

export type Health = z.infer<typeof healthSchema>;
