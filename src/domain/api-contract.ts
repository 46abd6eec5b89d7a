import type { z } from 'zod';
import type { StaffArea } from './staff-roles.ts';

/** Every endpoint of the API lives under this prefix. */
export const API_PREFIX = '/api/v1';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** The statuses an endpoint may refuse with; each is answered in the ApiError shape with a Japanese message. */
export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429 | 503;

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
   * Only for a signed-in member of staff (the session cookie) whose role may work in this area, or
   * any role. A change (any method but GET) also needs the session's X-CSRF-Token and an Origin of
   * this site. The refusals this brings (401, 403) are added by `refusalsOf`, not written each time.
   */
  staffSession?: StaffArea | 'any';
  /** The answer on success; JSON unless a media type is named (the figures' CSV file). */
  answer: { status: 200 | 201; description: string; mediaType?: 'text/csv' };
  /** What each refusal means: the error kinds a client must be ready for. */
  refusals: Partial<Record<RefusalStatus, string>>;
}

/** A change made as a signed-in member of staff must carry the session's CSRF token. */
export const needsCsrfToken = (contract: ApiContract): boolean => contract.staffSession !== undefined && contract.method !== 'GET';

const STAFF_REFUSALS = {
  401: 'ログインしていない・ログインが切れた',
  403: '役割が違う、またはこの画面の外からの操作（Origin か X-CSRF-Token が違う）',
} as const;

/** Every status the endpoint may refuse with: its own, and those its staff session requirement brings. */
export function refusalsOf(contract: ApiContract): Partial<Record<RefusalStatus, string>> {
  return contract.staffSession ? { ...STAFF_REFUSALS, ...contract.refusals } : contract.refusals;
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
