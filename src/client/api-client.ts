import { type ApiContract, callPath } from '../domain/api-contract.ts';
import { readApiError, type ApiErrorCode, type ApiError } from '../domain/api-error.ts';
import type { FieldProblem } from '../domain/validation.ts';
import { isPracticeMode, practiceTransport } from './practice-mode.ts';

/** A failed API call, carrying the Japanese message the screen shows as it is. */
export class ApiRequestError extends Error {
  readonly code: ApiErrorCode | 'network_error';
  readonly status: number;
  readonly fields: FieldProblem[];

  constructor(status: number, error: ApiError | { code: 'network_error'; message: string }) {
    super(error.message);
    this.status = status;
    this.code = error.code;
    this.fields = 'fields' in error && error.fields ? error.fields : [];
  }
}

const NETWORK_MESSAGE = '通信できませんでした。電波の良いところで、もう一度お試しください。';
const UNREADABLE_MESSAGE = 'サーバーからの返事を読み取れませんでした。時間をおいて、もう一度お試しください。';

/**
 * The one door to the API. In practice mode no request leaves the browser: the practice transport
 * answers it with the booking engine over the practice data. Without one installed, a practice
 * request fails like a lost connection rather than reach the server.
 */
async function send(path: string, init: RequestInit): Promise<Response> {
  if (!isPracticeMode()) return fetch(path, init);
  const answer = await practiceTransport();
  return answer(new Request(new URL(path, window.location.href), init));
}

/**
 * Calls `/api/v1/...` and returns the parsed JSON. Every failure becomes an ApiRequestError with a
 * message fit for a citizen: the server's own Japanese message when it sent one.
 */
export async function requestJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await send(path, {
      ...init,
      headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
    });
  } catch {
    throw new ApiRequestError(0, { code: 'network_error', message: NETWORK_MESSAGE });
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiRequestError(response.status, readApiError(body) ?? { code: 'internal_error', message: UNREADABLE_MESSAGE });
  }
  if (body === null) throw new ApiRequestError(response.status, { code: 'internal_error', message: UNREADABLE_MESSAGE });
  return body as T;
}

/**
 * Calls an endpoint by its contract (src/domain/*-contracts.ts): the method and path come from
 * there, so the client cannot drift from the server. The management token, the Idempotency-Key and
 * a member of staff's CSRF token travel in headers, never in the URL.
 */
export function callEndpoint<T>(
  contract: ApiContract,
  call: {
    params?: Record<string, string>;
    query?: Record<string, string>;
    body?: unknown;
    token?: string;
    idempotencyKey?: string;
    csrfToken?: string;
  } = {},
): Promise<T> {
  return requestJson<T>(callPath(contract, call.params, call.query), {
    method: contract.method,
    headers: {
      ...(call.token === undefined ? {} : { Authorization: `Bearer ${call.token}` }),
      ...(call.idempotencyKey === undefined ? {} : { 'Idempotency-Key': call.idempotencyKey }),
      ...(call.csrfToken === undefined ? {} : { 'X-CSRF-Token': call.csrfToken }),
    },
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  });
}
