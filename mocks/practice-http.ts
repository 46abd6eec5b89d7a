import { HttpResponse, type JsonBodyType } from 'msw';
import { type HeaderReading, readIdempotencyKey, readManagementToken } from '../src/domain/request-headers.ts';
import type { z } from 'zod';
import { type ApiErrorCode, ERROR_MESSAGES, errorBody, IDEMPOTENCY_MISMATCH_MESSAGE } from '../src/domain/api-error.ts';
import { reservationCodeSchema } from '../src/domain/citizen-fields.ts';
import { describeProblems, type FieldProblem } from '../src/domain/validation.ts';
import type { PracticeData, PracticeStore } from './practice-store.ts';

/** What the mocks throw where the server throws ApiHttpError; answered in the API's error shape. */
export class PracticeError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string = ERROR_MESSAGES[code],
    readonly fields?: FieldProblem[],
  ) {
    super(message);
  }
}

/** Runs a resolver and answers its value as JSON, or its PracticeError as the API would. */
export async function answer(run: () => JsonBodyType | Promise<JsonBodyType>, status = 200): Promise<HttpResponse<JsonBodyType>> {
  try {
    return HttpResponse.json(await run(), { status });
  } catch (error) {
    if (error instanceof PracticeError) return HttpResponse.json(errorBody(error.code, error.message, error.fields), { status: error.status });
    throw error;
  }
}

/** The same check as the server's parseBody: 400 with the Japanese field messages. */
export function parse<Schema extends z.ZodType>(schema: Schema, value: unknown): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) throw new PracticeError(400, 'validation_failed', ERROR_MESSAGES.validation_failed, describeProblems(result.error));
  return result.data;
}

export async function jsonBody(request: Request): Promise<unknown> {
  try {
    return (await request.json()) as unknown;
  } catch {
    throw new PracticeError(400, 'bad_request');
  }
}

export function query(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

function headerValue(reading: HeaderReading): string | null {
  if (!reading.ok) throw new PracticeError(400, 'bad_request', reading.message);
  return reading.value;
}

export function bearerToken(request: Request): string | null {
  return headerValue(readManagementToken(request.headers.get('authorization')));
}

export function idempotencyKey(request: Request): string | null {
  return headerValue(readIdempotencyKey(request.headers.get('idempotency-key')));
}

export function codeParam(code: unknown): string {
  return parse(reservationCodeSchema, code);
}

/**
 * One booking per Idempotency-Key: a retry with the same body gets the first answer again, another
 * body under the same key is refused, as on the server.
 */
export function once<Answer>(store: PracticeStore, scope: string, key: string | null, body: unknown, book: (data: PracticeData) => Answer): Answer {
  const data = store.read();
  const id = key ? `${scope}:${key}` : null;
  const sent = JSON.stringify(body);
  const earlier = id ? data.replies[id] : undefined;
  if (earlier) {
    if (earlier.body !== sent) throw new PracticeError(422, 'unprocessable', IDEMPOTENCY_MISMATCH_MESSAGE);
    return JSON.parse(earlier.answer) as Answer;
  }
  const result = book(data);
  if (id) data.replies[id] = { body: sent, answer: JSON.stringify(result) };
  store.write(data);
  return result;
}
