import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { reservationCodeSchema } from '../domain/citizen-fields.ts';
import { dateRangeQuerySchema } from '../domain/day-availability.ts';
import { type HeaderReading, readIdempotencyKey, readManagementToken } from '../domain/request-headers.ts';
import { ApiHttpError, parseBody } from '../domain/api-error.ts';

export { dateRangeQuerySchema };

function headerValue(reading: HeaderReading): string | null {
  if (!reading.ok) throw new ApiHttpError(400, 'bad_request', reading.message);
  return reading.value;
}

/** A header sent twice arrives as an array: that is not a shape we read. */
function singleHeader(value: string | string[] | undefined): string | null | undefined {
  return Array.isArray(value) ? '' : value;
}

/** The management token travels in a header, never in a URL, so it stays out of logs and history. */
export function bearerToken(request: FastifyRequest): string | null {
  return headerValue(readManagementToken(singleHeader(request.headers.authorization)));
}

/** A double tap or a retry after a dropped connection sends the same key: one booking, not two. */
export function idempotencyKey(request: FastifyRequest): string | null {
  return headerValue(readIdempotencyKey(singleHeader(request.headers['idempotency-key'])));
}

/** A request or response body for the OpenAPI document, from the zod schema that checks it. */
export const jsonContent = (schema: z.ZodType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } });

/** The booking code in the path, checked and normalised like a typed code. */
export function codeParam(request: FastifyRequest): string {
  return parseBody(reservationCodeSchema, (request.params as { code?: unknown }).code);
}
