import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, StaffAccountListing, StaffSessionListing } from '../../domain/staff-api.ts';
import type { StaffPasskeyListing } from '../../domain/staff-passkeys.ts';
import { softwareAuthenticator, type SoftwareAuthenticator } from '../testing/software-authenticator.ts';
import { addStaffAccount, signIn, type StaffClient } from '../testing/staff-client.ts';
import { TEST_DATABASE_ENGINES, type TestDatabase } from '../testing/test-databases.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { PASSKEY_CHALLENGE_MS } from './staff-passkeys.ts';
import { STAFF_COOKIE } from './staff-routes.ts';

const START = new Date('2026-11-24T01:00:00Z');
let clock = START;
const PASSWORD = 'kuju-kuri-hama-2026';
/** Where the staff open the portal, as configured (STAFF_PASSKEY_ORIGIN); the test server's own address does not matter to WebAuthn. */
const ORIGIN = 'https://portal.togane.example';
const RP_ID = 'portal.togane.example';

for (const engine of TEST_DATABASE_ENGINES) {
  describe(`staff passkeys on ${engine.name}`, () => {
    passkeyTests(() => engine.newDatabase());
  });
}

function passkeyTests(newDatabase: () => Promise<TestDatabase>): void {
  let database: TestDatabase;
  let server: TestServer;
  let clerk: StaffClient;
  let admin: StaffClient;
  const clerksPc = softwareAuthenticator();

  beforeAll(async () => {
    database = await newDatabase();
    server = await startTestServer({ ...database.config, rateLimitPerMinute: 100_000, staffPasskeys: { rpId: RP_ID, origin: ORIGIN } }, () => clock);
    await addStaffAccount(server, 'madoguchi', 'counter', PASSWORD);
    await addStaffAccount(server, 'kanri', 'admin', PASSWORD);
    clerk = await signIn(server, 'madoguchi', PASSWORD);
    admin = await signIn(server, 'kanri', PASSWORD);
  }, 150_000);
  afterAll(async () => {
    await server.close();
    database.remove();
  });

  const post = (path: string, body: unknown, origin = server.baseUrl) =>
    fetch(`${server.baseUrl}/api/v1${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin }, body: JSON.stringify(body) });

  async function register(who: StaffClient, authenticator: SoftwareAuthenticator, name: string, origin = ORIGIN): Promise<Response> {
    const options = await who.send('POST', '/staff/passkeys/options');
    expect(options.status).toBe(200);
    return who.send('POST', '/staff/passkeys', {
      name,
      response: authenticator.create((await options.json()) as PublicKeyCredentialCreationOptionsJSON, origin),
    });
  }

  async function signInOptions(): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const options = await post('/staff/passkey-session/options', {});
    expect(options.status).toBe(200);
    return (await options.json()) as PublicKeyCredentialRequestOptionsJSON;
  }

  const audit = async () => ((await (await admin.send('GET', '/staff/audit')).json()) as { entries: AuditEntry[] }).entries;

  it('registers a passkey for the signed-in clerk: named, listed, audited, with the configured rp', async () => {
    const options = (await (await clerk.send('POST', '/staff/passkeys/options')).json()) as PublicKeyCredentialCreationOptionsJSON;
    expect(options.rp.id).toBe(RP_ID);
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' });
    const answer = clerksPc.create(options, ORIGIN);
    expect((await clerk.send('POST', '/staff/passkeys', { name: '窓口3番のパソコン', response: answer })).status).toBe(201);
    const { passkeys } = (await (await clerk.send('GET', '/staff/passkeys')).json()) as { passkeys: StaffPasskeyListing[] };
    expect(passkeys.map((passkey) => passkey.name)).toEqual(['窓口3番のパソコン']);
    expect(passkeys[0]?.lastUsedAt).toBeNull();
    expect((await audit())[0]).toMatchObject({ actor: 'madoguchi', action: 'passkey-registered', target: 'madoguchi', after: '窓口3番のパソコン' });
    // The same answer again: its challenge was taken by the first.
    expect((await clerk.send('POST', '/staff/passkeys', { name: 'もう一度', response: answer })).status).toBe(422);
  });

  it('signs in with the passkey: the same cookie and session as a password, the method recorded', async () => {
    const response = await post('/staff/passkey-session', { response: clerksPc.get(await signInOptions(), ORIGIN) });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { account: { loginName: string }; csrfToken: string; idleMinutes: number };
    expect(answer).toMatchObject({ account: { loginName: 'madoguchi' }, idleMinutes: 15, passkeys: true });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(new RegExp(`^${STAFF_COOKIE}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; Secure; SameSite=Strict$`));
    const cookie = setCookie.split(';')[0] ?? '';
    const session = await fetch(`${server.baseUrl}/api/v1/staff/session`, { headers: { Cookie: cookie } });
    expect(session.status).toBe(200);
    // A change still needs the session's CSRF token.
    const withoutToken = await fetch(`${server.baseUrl}/api/v1/staff/session`, { method: 'DELETE', headers: { Cookie: cookie, Origin: server.baseUrl } });
    expect(withoutToken.status).toBe(403);

    const sessions = ((await (await admin.send('GET', '/staff/sessions')).json()) as { sessions: StaffSessionListing[] }).sessions;
    expect(sessions.filter((listed) => listed.loginName === 'madoguchi').map((listed) => listed.signInMethod)).toEqual(
      expect.arrayContaining(['password', 'passkey']),
    );
    expect((await audit())[0]).toMatchObject({ actor: 'madoguchi', action: 'sign-in', after: 'パスキーで' });
    const { passkeys } = (await (await clerk.send('GET', '/staff/passkeys')).json()) as { passkeys: StaffPasskeyListing[] };
    expect(passkeys[0]?.lastUsedAt).toBe(clock.toISOString());
  });

  it('refuses a replayed answer, an expired challenge, another origin and a challenge never given', async () => {
    const answer = clerksPc.get(await signInOptions(), ORIGIN);
    expect((await post('/staff/passkey-session', { response: answer })).status).toBe(200);
    expect((await post('/staff/passkey-session', { response: answer })).status).toBe(401);

    const late = await signInOptions();
    clock = new Date(clock.getTime() + PASSKEY_CHALLENGE_MS + 1000);
    try {
      expect((await post('/staff/passkey-session', { response: clerksPc.get(late, ORIGIN) })).status).toBe(401);
    } finally {
      clock = START;
    }

    const elsewhere = await post('/staff/passkey-session', { response: clerksPc.get(await signInOptions(), 'https://evil.example') });
    expect(elsewhere.status).toBe(401);
    expect(((await elsewhere.json()) as { error: { message: string } }).error.message).toContain('パスキーでログインできませんでした');

    const made = clerksPc.get({ ...(await signInOptions()), challenge: Buffer.alloc(32, 7).toString('base64url') }, ORIGIN);
    expect((await post('/staff/passkey-session', { response: made })).status).toBe(401);
    // A registration's challenge does not sign in, nor a sign-in's register.
    const registration = (await (await clerk.send('POST', '/staff/passkeys/options')).json()) as PublicKeyCredentialCreationOptionsJSON;
    expect(
      (await post('/staff/passkey-session', { response: clerksPc.get({ ...(await signInOptions()), challenge: registration.challenge }, ORIGIN) })).status,
    ).toBe(401);
  });

  it('refuses a registration from another origin, or answering another account’s challenge', async () => {
    expect((await register(clerk, softwareAuthenticator(), '別のサイト', 'https://evil.example')).status).toBe(422);
    const adminsOptions = (await (await admin.send('POST', '/staff/passkeys/options')).json()) as PublicKeyCredentialCreationOptionsJSON;
    const answer = softwareAuthenticator().create(adminsOptions, ORIGIN);
    expect((await clerk.send('POST', '/staff/passkeys', { name: '他人の', response: answer })).status).toBe(422);
    expect((await clerk.send('POST', '/staff/passkeys', { name: '', response: answer })).status).toBe(400);
  });

  it('keeps the pending registration challenges of an account bounded', async () => {
    await addStaffAccount(server, 'tabs', 'counter', PASSWORD);
    const tabs = await signIn(server, 'tabs', PASSWORD);
    const answers = [];
    for (let index = 0; index < 5; index++) answers.push((await tabs.send('POST', '/staff/passkeys/options')).status);
    expect(answers).toEqual([200, 200, 200, 200, 200]);
    expect((await tabs.send('POST', '/staff/passkeys/options')).status).toBe(429);
    // Expired ones make room again.
    clock = new Date(clock.getTime() + PASSKEY_CHALLENGE_MS + 1000);
    try {
      expect((await tabs.send('POST', '/staff/passkeys/options')).status).toBe(200);
    } finally {
      clock = START;
    }
  });

  it('refuses a stopped account’s passkey', async () => {
    await addStaffAccount(server, 'teishi', 'counter', PASSWORD);
    const pc = softwareAuthenticator();
    expect((await register(await signIn(server, 'teishi', PASSWORD), pc, '私物の鍵')).status).toBe(201);
    expect((await admin.send('POST', '/staff/accounts/teishi/disable')).status).toBe(200);
    expect((await post('/staff/passkey-session', { response: pc.get(await signInOptions(), ORIGIN) })).status).toBe(401);
    expect((await audit())[0]).toMatchObject({ action: 'sign-in-refused', target: 'teishi' });
  });

  it('lets a clerk remove only their own passkeys, and the administrator see and remove an account’s', async () => {
    const second = softwareAuthenticator();
    expect((await register(clerk, second, '予備の鍵')).status).toBe(201);
    const own = ((await (await clerk.send('GET', '/staff/passkeys')).json()) as { passkeys: StaffPasskeyListing[] }).passkeys;
    expect(own.map((passkey) => passkey.name)).toEqual(['窓口3番のパソコン', '予備の鍵']);
    const adminsKey = softwareAuthenticator();
    expect((await register(admin, adminsKey, '管理者の鍵')).status).toBe(201);
    const adminsId = ((await (await admin.send('GET', '/staff/passkeys')).json()) as { passkeys: StaffPasskeyListing[] }).passkeys[0]?.id;
    expect((await clerk.send('DELETE', `/staff/passkeys/${String(adminsId)}`)).status).toBe(404);

    expect((await clerk.send('DELETE', `/staff/passkeys/${String(own[1]?.id)}`)).status).toBe(200);
    expect((await audit())[0]).toMatchObject({ actor: 'madoguchi', action: 'passkey-removed', target: 'madoguchi', before: '予備の鍵' });
    expect((await post('/staff/passkey-session', { response: second.get(await signInOptions(), ORIGIN) })).status).toBe(401);

    const counts = async () =>
      Object.fromEntries(
        ((await (await admin.send('GET', '/staff/accounts')).json()) as { accounts: StaffAccountListing[] }).accounts.map((account) => [
          account.loginName,
          account.passkeys,
        ]),
      );
    expect(await counts()).toMatchObject({ madoguchi: 1, kanri: 1, teishi: 1 });
    expect((await clerk.send('DELETE', '/staff/accounts/madoguchi/passkeys')).status).toBe(403);
    expect((await admin.send('DELETE', '/staff/accounts/madoguchi/passkeys')).status).toBe(200);
    expect(await counts()).toMatchObject({ madoguchi: 0, kanri: 1 });
    expect((await audit())[0]).toMatchObject({ actor: 'kanri', action: 'passkey-removed', target: 'madoguchi', before: '窓口3番のパソコン' });
    expect((await post('/staff/passkey-session', { response: clerksPc.get(await signInOptions(), ORIGIN) })).status).toBe(401);
  });

  it('refuses the passkey routes without a session (401), from another origin or without the CSRF token (403)', async () => {
    expect((await fetch(`${server.baseUrl}/api/v1/staff/passkeys`)).status).toBe(401);
    expect((await post('/staff/passkeys/options', {})).status).toBe(401);
    expect((await post('/staff/passkeys', {})).status).toBe(401);
    expect((await fetch(`${server.baseUrl}/api/v1/staff/passkeys/1`, { method: 'DELETE', headers: { Origin: server.baseUrl } })).status).toBe(401);
    expect((await post('/staff/passkey-session/options', {}, 'https://evil.example')).status).toBe(403);
    expect((await post('/staff/passkey-session', { response: {} }, 'https://evil.example')).status).toBe(403);
    expect((await clerk.send('POST', '/staff/passkeys/options', undefined, { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await clerk.send('POST', '/staff/passkeys/options', undefined, { 'X-CSRF-Token': 'wrong' })).status).toBe(403);
    expect((await clerk.send('DELETE', '/staff/passkeys/1', undefined, { 'X-CSRF-Token': 'wrong' })).status).toBe(403);
    expect((await admin.send('DELETE', '/staff/accounts/madoguchi/passkeys', undefined, { 'X-CSRF-Token': 'wrong' })).status).toBe(403);
    // Bodies are bounded and checked before anything is verified.
    expect((await post('/staff/passkey-session', { response: { id: 'x'.repeat(2000) } })).status).toBe(400);
  });
}

describe('staff passkeys when no origin is configured', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ staffPasskeys: null });
  });
  afterAll(() => server.close());

  it('answers 404 with a message, and passwords still sign in', async () => {
    const response = await fetch(`${server.baseUrl}/api/v1/staff/passkey-session/options`, { method: 'POST', headers: { Origin: server.baseUrl } });
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain('パスワードでログインしてください');
    await addStaffAccount(server, 'madoguchi', 'counter', PASSWORD);
    expect(await (await (await signIn(server, 'madoguchi', PASSWORD)).send('GET', '/staff/session')).json()).toMatchObject({ passkeys: false });
  });
});
