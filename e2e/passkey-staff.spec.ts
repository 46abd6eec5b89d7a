import { expect, type Page, test } from '@playwright/test';
import { axeViolations } from './support/accessibility.ts';
import { addAccount, signIn } from './support/staff.ts';

/**
 * A clerk registers a passkey and signs in with it, in Chromium with a virtual authenticator (the
 * DevTools protocol's WebAuthn domain): a platform authenticator that keeps discoverable passkeys
 * and verifies the user, as a counter PC's Windows Hello would. Nothing in the page is stubbed: the
 * browser makes and signs the answers, the server verifies them.
 */
async function addVirtualAuthenticator(page: Page) {
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('WebAuthn.enable');
  const { authenticatorId } = await devtools.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { credentials: async () => (await devtools.send('WebAuthn.getCredentials', { authenticatorId })).credentials };
}

test('a clerk registers a passkey for their account and signs in with it, without typing anything', async ({ page }, testInfo) => {
  // One scrypt sign-in, two axe runs, two WebAuthn ceremonies: a minute on a busy two-core machine.
  test.setTimeout(120_000);
  const clerk = `passkey-${testInfo.project.name}-${String(Date.now() % 100_000)}`;
  addAccount(clerk, '窓口');
  const authenticator = await addVirtualAuthenticator(page);

  await signIn(page, clerk);
  await expect(page.getByRole('heading', { level: 1, name: '窓口の予約一覧' })).toBeVisible();
  const passkeys = page.getByRole('region', { name: /登録したパスキー/ });
  await expect(passkeys).toContainText('まだ登録していません。');

  // A name is asked for first, said beside the field.
  await page.getByRole('button', { name: 'パスキーを登録する' }).click();
  await expect(page.getByLabel('パスキーの名前')).toHaveAccessibleDescription(/パスキーの名前を入力してください/);
  await page.getByLabel('パスキーの名前').fill('窓口3番のパソコン');
  await page.getByRole('button', { name: 'パスキーを登録する' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'パスキー「窓口3番のパソコン」を登録しました。' })).toBeVisible();
  await expect(passkeys.getByRole('row').filter({ hasText: '窓口3番のパソコン' })).toContainText('まだ使っていません');
  const [credential, ...more] = await authenticator.credentials();
  expect(more).toEqual([]);
  expect(credential).toMatchObject({ isResidentCredential: true, rpId: 'localhost' });
  expect(await axeViolations(page, 'パスキーの登録')).toEqual([]);

  await page.getByRole('button', { name: 'ログアウトする' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '職員のログイン' })).toBeVisible();
  expect(await axeViolations(page, '職員のログイン（パスキー）')).toEqual([]);
  expect(await page.context().cookies()).not.toContainEqual(expect.objectContaining({ name: '__Host-togane-staff', value: expect.stringMatching(/.+/) }));

  // No login name, no password: the authenticator offers the account's passkey, the server opens the same session.
  await page.getByRole('button', { name: 'パスキーでログインする' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '窓口の予約一覧' })).toBeVisible();
  await expect(page.getByText(`${clerk}さん（窓口）でログインしています`)).toBeVisible();
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name === '__Host-togane-staff');
  expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
  await expect(passkeys.getByRole('row').filter({ hasText: '窓口3番のパソコン' })).not.toContainText('まだ使っていません');
  expect((await authenticator.credentials())[0]?.signCount).toBeGreaterThan(credential?.signCount ?? 0);

  // The clerk removes it; the next passkey sign-in is refused in words, and the password still works.
  await page.getByRole('button', { name: 'パスキー「窓口3番のパソコン」を削除する' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'パスキー「窓口3番のパソコン」を削除しました。' })).toBeVisible();
  // A second sign-out in one visit (its notice the same words as the first) still leaves the screen.
  await page.getByRole('button', { name: 'ログアウトする' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '職員のログイン' })).toBeVisible();
  await page.getByRole('button', { name: 'パスキーでログインする' }).click();
  await expect(page.getByRole('alert')).toContainText('パスキーでログインできませんでした');
});
