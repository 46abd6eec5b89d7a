import type { z } from 'zod';

/** Every endpoint of the API lives under this prefix. */
export const API_PREFIX = '/api/v1';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** The statuses an endpoint may refuse with; each is answered in the ApiError shape with a Japanese message. */
export type RefusalStatus = 400 | 403 | 404 | 409 | 422 | 429;

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
  answer: { status: 200 | 201; description: string };
  /** What each refusal means: the error kinds a client must be ready for. */
  refusals: Partial<Record<RefusalStatus, string>>;
}

/** The Fastify form of a contract's path, relative to API_PREFIX: '/counter/reservations/:code'. */
export function routePath(contract: ApiContract): string {
  return contract.path.slice(API_PREFIX.length).replace(/\{(\w+)\}/g, ':$1');
}

/** The path of one call, with its path parameters filled in (and encoded). */
export function callPath(contract: ApiContract, params: Record<string, string> = {}): string {
  return contract.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
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
