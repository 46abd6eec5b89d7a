import type { FieldProblem } from './validation.ts';

/**
 * Every error the API returns has this shape, so the portal can always show the Japanese message.
 * `code` is stable for programs; `message` is for people.
 */
export const API_ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'forbidden',
  'not_found',
  'conflict',
  'unprocessable',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'internal_error',
  'service_unavailable',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  fields?: FieldProblem[];
}

export interface ApiErrorBody {
  error: ApiError;
}

/** Reads an error body from the network without trusting it; null when it is not ours. */
export function readApiError(body: unknown): ApiError | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error: unknown = body.error;
  if (typeof error !== 'object' || error === null) return null;
  if (!('code' in error) || !('message' in error)) return null;
  const { code, message } = error;
  if (typeof message !== 'string' || !(API_ERROR_CODES as readonly unknown[]).includes(code)) return null;
  const fields = 'fields' in error && Array.isArray(error.fields) ? (error.fields as FieldProblem[]) : undefined;
  return { code: code as ApiErrorCode, message, ...(fields ? { fields } : {}) };
}
