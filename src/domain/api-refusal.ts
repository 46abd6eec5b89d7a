import type { z } from 'zod';
import type { ApiContract } from './api-contract.ts';
import { type ApiErrorCode, ERROR_MESSAGES } from './api-error.ts';
import { describeProblems, type FieldProblem } from './validation.ts';

// Apart from api-error.ts on purpose: the client only reads errors (api-error.ts, no zod); the
// booking engine and the server throw them and check requests with zod (this module).

/**
 * A refusal of the API, thrown on purpose by the booking services and the routes: the server's
 * error handler and the practice transport both answer it in the stable JSON shape.
 */
export class ApiHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string = ERROR_MESSAGES[code],
    readonly fields?: FieldProblem[],
  ) {
    super(message);
  }
}

/** Validates a request part with a domain schema; a failure answers 400 with the field messages. */
export function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new ApiHttpError(400, 'validation_failed', ERROR_MESSAGES.validation_failed, describeProblems(result.error));
  }
  return result.data;
}

type Parsed<Schema> = Schema extends z.ZodType ? z.output<Schema> : undefined;

/** A request's path parameters, query and body, each as its contract's schema gives it. */
export interface RequestParts<Contract extends ApiContract> {
  params: Parsed<Contract['params']>;
  query: Parsed<Contract['query']>;
  body: Parsed<Contract['body']>;
}

const parsePart = (schema: z.ZodType | undefined, value: unknown): unknown => (schema ? parseBody(schema, value) : undefined);

/** Reads path, query and body in that order with the contract's schemas; the first bad part answers 400. */
export function parseRequestParts<Contract extends ApiContract>(
  contract: Contract,
  raw: { params: unknown; query: unknown; body: unknown },
): RequestParts<Contract> {
  return {
    params: parsePart(contract.params, raw.params),
    query: parsePart(contract.query, raw.query),
    body: parsePart(contract.body, raw.body),
  } as RequestParts<Contract>;
}
