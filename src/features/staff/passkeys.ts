import {
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  startAuthentication,
  startRegistration,
} from '@simplewebauthn/browser';
import { callEndpoint } from '../../client/api-client.ts';
import type { StaffSessionAnswer } from '../../domain/staff-api.ts';
import { staffContracts as api } from '../../domain/staff-contracts.ts';
import { staffChange } from './staff-api.ts';

/**
 * The browser's side of passkeys. @simplewebauthn/browser (2 KB as brotli) is part of the staff
 * console's one chunk, never of the citizens' pages: nothing of the console is fetched after it opens,
 * so a deploy while a clerk has it open (the server then no longer has the old files) cannot break a
 * passkey sign-in or registration half-way.
 */

/** What the browser's refusal means to the clerk (the names are the WebAuthn DOMException names). */
function ceremonyMessage(error: unknown, registering: boolean): string | null {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'AbortError') return 'パスキーの操作が取り消されたか、時間切れになりました。もう一度お試しください。';
  if (name === 'InvalidStateError' && registering) return 'このパソコン（または鍵）のパスキーは、もう登録されています。';
  if (name === 'NotSupportedError' || name === 'SecurityError') return 'このブラウザーでは、ここでパスキーを使えません。パスワードでログインしてください。';
  return null;
}

async function ceremony<T>(step: () => Promise<T>, registering: boolean): Promise<T> {
  try {
    return await step();
  } catch (error) {
    const message = ceremonyMessage(error, registering);
    throw message ? new Error(message) : error;
  }
}

export async function signInWithPasskey(): Promise<StaffSessionAnswer> {
  const options = await callEndpoint<PublicKeyCredentialRequestOptionsJSON>(api.passkeySignInOptions);
  const response = await ceremony(() => startAuthentication({ optionsJSON: options }), false);
  return callEndpoint<StaffSessionAnswer>(api.passkeySignIn, { body: { response } });
}

export async function registerPasskey(csrfToken: string, name: string): Promise<void> {
  const options = (await staffChange(csrfToken, api.passkeyRegistrationOptions)) as PublicKeyCredentialCreationOptionsJSON;
  const response = await ceremony(() => startRegistration({ optionsJSON: options }), true);
  await staffChange(csrfToken, api.registerPasskey, { body: { name, response } });
}
