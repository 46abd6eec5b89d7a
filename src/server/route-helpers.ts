import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { reservationCodeSchema } from '../domain/citizen-fields.ts';
import { dateRangeQuerySchema } from '../domain/day-availability.ts';
import { ApiHttpError, parseBody } from './http-errors.ts';

export { dateRangeQuerySchema };

/** The management token travels in a header, never in a URL, so it stays out of logs and history. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header) : null;
  return match?.[1] ?? null;
}

/** A double tap or a retry after a dropped connection sends the same key: one booking, not two. */
export function idempotencyKey(request: FastifyRequest): string | null {
  const header = request.headers['idempotency-key'];
  if (header === undefined) return null;
  if (typeof header !== 'string' || !/^[A-Za-z0-9_-]{8,64}$/.test(header)) {
    throw new ApiHttpError(400, 'bad_request', '操作番号（Idempotency-Key）の形が正しくありません。');
  }
  return header;
}

/** A request or response body for the OpenAPI document, from the zod schema that checks it. */
export const jsonContent = (schema: z.ZodType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } });

/** The booking code in the path, checked and normalised like a typed code. */
export function codeParam(request: FastifyRequest): string {
  return parseBody(reservationCodeSchema, (request.params as { code?: unknown }).code);
}
