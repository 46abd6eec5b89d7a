import type { z } from 'zod';
import type { StaffArea } from './staff-roles.ts';

/** Every endpoint of the API lives under this prefix. */
export const API_PREFIX = '/api/v1';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** The statuses an endpoint may refuse with; each is answered in the ApiError shape with a Japanese message. */
export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/**
 * One endpoint, written once: the client calls it, the server's route and the practice mode's
 * transport answer it, and the OpenAPI document describes it, all from this object.
 */
export interface ApiContract {
  method: HttpMethod;
  /** The full path as OpenAPI writes it, e.g. '/api/v1/counter/reservations/{code}'. */
  path: string;
  /** What the endpoint does, in Japanese, for the OpenAPI document. */
  summary: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Opened with the booking's management token (`Authorization: Bearer …`). */
  managementToken?: true;
  /** Takes an Idempotency-Key, so a retry never books twice. */
  idempotencyKey?: true;
  /**
   * Not counted by the rate limit: what monitors and load balancers poll (the health check), which
   * must answer even when the database that holds the counts cannot be reached.
   */
  notRateLimited?: true;
  /**
   * Only for a signed-in member of staff (the session cookie) whose role may work in this area, or
   * any role. A change (any method but GET) also needs the session's X-CSRF-Token and an Origin of
   * this site. The refusals this brings (401, 403) are added by `refusalsOf`, not written each time.
   */
  staffSession?: StaffArea | 'any';
  /**
   * The answer on success, and the schema it matches (the API tests check every answer against it;
   * the OpenAPI document shows it). JSON unless a media type is named (the figures' CSV file).
   * `degraded`: the same answer is also sent with 503 when the server is not well (the health check).
   */
  answer: { status: 200 | 201; description: string; schema: z.ZodType; mediaType?: 'text/csv'; degraded?: string };
  /** What each refusal means: the error kinds a client must be ready for. */
  refusals: Partial<Record<RefusalStatus, string>>;
}

/** A change made as a signed-in member of staff must carry the session's CSRF token. */
export const needsCsrfToken = (contract: ApiContract): boolean => contract.staffSession !== undefined && contract.method !== 'GET';

const STAFF_REFUSALS = {
  401: 'ログインしていない・ログインが切れた',
  403: '役割が違う、またはこの画面の外からの操作（Origin か X-CSRF-Token が違う）',
} as const;

/**
 * The refusals of the server's guards in front of every route (src/server/app.ts), before the
 * endpoint's own code runs: a stuck event loop or a database out of reach, and the rate limit.
 */
const SERVER_REFUSAL = { 503: 'サーバーが混み合っている、またはデータベースにつながらない（Retry-After の秒数のあとでやり直す）' } as const;
const RATE_LIMIT_REFUSAL = { 429: '短い時間に操作が多すぎる（Retry-After の秒数のあとでやり直す）' } as const;
/** What the body parser refuses before the endpoint sees the body. */
const BODY_REFUSALS = {
  400: '本文が JSON として読めない、または内容が正しくない',
  413: '本文が大きすぎる',
  415: '本文が JSON (application/json) でない',
} as const;

/**
 * Every status the endpoint may refuse with: those of the server's guards, those its body and its
 * staff session requirement bring, and its own (whose descriptions win, being the more precise).
 */
export function refusalsOf(contract: ApiContract): Partial<Record<RefusalStatus, string>> {
  return {
    // The health check's 503 is its degraded answer, not a refusal.
    ...(contract.answer.degraded ? {} : SERVER_REFUSAL),
    ...(contract.notRateLimited ? {} : RATE_LIMIT_REFUSAL),
    ...(contract.body ? BODY_REFUSALS : {}),
    ...(contract.staffSession ? STAFF_REFUSALS : {}),
    ...contract.refusals,
  };
}

/** The Fastify form of a contract's path, relative to API_PREFIX: '/counter/reservations/:code'. */
export function routePath(contract: ApiContract): string {
  return contract.path.slice(API_PREFIX.length).replace(/\{(\w+)\}/g, ':$1');
}

/** The path of one call, with its path parameters filled in (and encoded), and its query if any. */
export function callPath(contract: ApiContract, params: Record<string, string> = {}, query: Record<string, string> = {}): string {
  const path = contract.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const search = new URLSearchParams(query).toString();
  return search === '' ? path : `${path}?${search}`;
}

/** The path parameters of a request path if it matches the contract's path, or null. */
export function matchPath(contract: ApiContract, pathname: string): Record<string, string> | null {
  const expected = contract.path.split('/');
  const actual = pathname.split('/');
  if (expected.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of expected.entries()) {
    const given = actual[index] ?? '';
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name) {
      if (given === '') return null;
      try {
        params[name] = decodeURIComponent(given);
      } catch {
        return null;
      }
    } else if (part !== given) return null;
  }
  return params;
}
