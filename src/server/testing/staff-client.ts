import type { StaffRole } from '../../domain/staff-roles.ts';
import { staffAccounts } from '../staff/staff-accounts.ts';
import { STAFF_COOKIE } from '../staff/staff-routes.ts';
import type { TestServer } from './test-server.ts';

export interface StaffClient {
  /** Sends a request as this signed-in clerk, from the staff screens' own origin, with the CSRF token. */
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  cookie: string;
  csrfToken: string;
}

/** Adds an account as the server's command would. */
export async function addStaffAccount(server: TestServer, loginName: string, role: StaffRole, password: string): Promise<void> {
  const outcome = await staffAccounts(server.store.staff, () => new Date()).add({ loginName, displayName: `${loginName}さん`, role, password }, 'テスト');
  if (!outcome.ok) throw new Error(outcome.problem);
}

export function signInRequest(server: TestServer, loginName: string, password: string, origin = server.baseUrl): Promise<Response> {
  return fetch(`${server.baseUrl}/api/v1/staff/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ loginName, password }),
  });
}

/** Signs in over HTTP and keeps the session cookie, as the browser would. */
export async function signIn(server: TestServer, loginName: string, password: string): Promise<StaffClient> {
  const response = await signInRequest(server, loginName, password);
  if (response.status !== 200) throw new Error(`sign-in answered ${String(response.status)}: ${await response.text()}`);
  const setCookie = response.headers.get('set-cookie') ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  if (!cookie.startsWith(`${STAFF_COOKIE}=`)) throw new Error(`no session cookie in ${setCookie}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    cookie,
    csrfToken,
    send(method, path, body, headers = {}) {
      return fetch(`${server.baseUrl}/api/v1${path}`, {
        method,
        headers: {
          Cookie: cookie,
          Origin: server.baseUrl,
          'X-CSRF-Token': csrfToken,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    },
  };
}
