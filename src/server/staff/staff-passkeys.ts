import { randomBytes } from 'node:crypto';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { decodeClientDataJSON } from '@simplewebauthn/server/helpers';
import { MAX_PASSKEYS_PER_ACCOUNT, type StaffPasskeyListing } from '../../domain/staff-passkeys.ts';
import type { PasskeyConfig } from '../config.ts';
import type { PasskeyChallengePurpose, StaffAccountRecord, StaffStore } from '../store/staff-store.ts';
import { type Actor, recordAudit } from './audit.ts';
import type { SignedIn, StaffAuth } from './staff-auth.ts';

/** A ceremony must be answered within this: long enough to find a security key, short enough to leave nothing lying about. */
export const PASSKEY_CHALLENGE_MS = 3 * 60_000;
/** Live sign-in challenges (anyone may ask for one): the table never holds more. */
export const MAX_LIVE_SIGN_IN_CHALLENGES = 10_000;
/** Live registration challenges per account: a few tabs at once, no more. */
export const MAX_LIVE_REGISTER_CHALLENGES = 5;

export type PasskeyRegistrationOutcome = { ok: true } | { ok: false; reason: 'refused' | 'too-many' | 'already-registered' };
export type PasskeySignInOutcome = ({ kind: 'signed-in'; token: string } & SignedIn) | { kind: 'refused' };

/**
 * Passkeys for staff sign-in. The sign-in is usernameless (a discoverable credential): the clerk
 * picks their passkey and the credential id names the account, so no login name is typed or
 * revealed, and an unknown name cannot be told from a wrong one. Every challenge is random, kept in
 * the store with a short expiry, and taken by the first answer that names it, right or wrong.
 */
export function staffPasskeys(store: StaffStore, auth: StaffAuth, config: PasskeyConfig, now: () => Date) {
  /** Random bytes, kept as the base64url text the browser's answer will quote; null when too many are live. */
  async function newChallenge(purpose: PasskeyChallengePurpose, accountId: number | null): Promise<Uint8Array<ArrayBuffer> | null> {
    const challenge = randomBytes(32);
    const nowMs = now().getTime();
    const kept = await store.addPasskeyChallenge(
      { challenge: challenge.toString('base64url'), purpose, accountId, nowMs, expiresAt: nowMs + PASSKEY_CHALLENGE_MS },
      purpose === 'sign-in' ? MAX_LIVE_SIGN_IN_CHALLENGES : MAX_LIVE_REGISTER_CHALLENGES,
    );
    return kept ? new Uint8Array(challenge) : null;
  }

  /** Takes the challenge the browser's answer names; false when it is not live (taken, expired, or never given). */
  async function takeChallenge(clientDataJSON: string, purpose: PasskeyChallengePurpose, accountId: number | null): Promise<string | null> {
    let challenge: string;
    try {
      challenge = decodeClientDataJSON(clientDataJSON).challenge;
    } catch {
      return null;
    }
    if (typeof challenge !== 'string' || challenge.length > 100) return null;
    return (await store.takePasskeyChallenge(challenge, purpose, accountId, now().getTime())) ? challenge : null;
  }

  return {
    /** Options for the browser to make a passkey for the signed-in account; null when too many are pending. */
    async registrationOptions({ account }: SignedIn): Promise<PublicKeyCredentialCreationOptionsJSON | null> {
      const challenge = await newChallenge('register', account.id);
      if (!challenge) return null;
      const existing = await store.listPasskeys(account.id);
      return generateRegistrationOptions({
        rpName: 'つながる東金（職員）',
        rpID: config.rpId,
        userName: account.loginName,
        userDisplayName: account.displayName,
        // Stable for the account, so a second passkey on the same authenticator replaces rather than piles up.
        userID: new TextEncoder().encode(`staff-${String(account.id)}`),
        challenge,
        timeout: PASSKEY_CHALLENGE_MS,
        attestationType: 'none',
        excludeCredentials: existing.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports as AuthenticatorTransportFuture[] })),
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      });
    },

    async register({ account }: SignedIn, name: string, response: RegistrationResponseJSON): Promise<PasskeyRegistrationOutcome> {
      const challenge = await takeChallenge(response.response.clientDataJSON, 'register', account.id);
      if (!challenge) return { ok: false, reason: 'refused' };
      let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
      try {
        verified = await verifyRegistrationResponse({
          response,
          expectedChallenge: challenge,
          expectedOrigin: config.origin,
          expectedRPID: config.rpId,
          requireUserVerification: true,
        });
      } catch {
        return { ok: false, reason: 'refused' };
      }
      if (!verified.verified) return { ok: false, reason: 'refused' };
      const { credential } = verified.registrationInfo;
      const added = await store.addPasskey(
        {
          accountId: account.id,
          credentialId: credential.id,
          publicKey: Buffer.from(credential.publicKey).toString('base64url'),
          signCount: credential.counter,
          transports: credential.transports ?? [],
          name,
          createdAt: now().toISOString(),
        },
        MAX_PASSKEYS_PER_ACCOUNT,
      );
      if (added !== 'added') return { ok: false, reason: added };
      await recordAudit(store, now, account.loginName, 'passkey-registered', account.loginName, { before: null, after: name });
      return { ok: true };
    },

    async list(accountId: number): Promise<StaffPasskeyListing[]> {
      return (await store.listPasskeys(accountId)).map(({ id, name, createdAt, lastUsedAt }) => ({ id, name, createdAt, lastUsedAt }));
    },

    /** Removes one of the account's passkeys, by the clerk themselves or an administrator. */
    async remove(account: StaffAccountRecord, id: number, actor: Actor): Promise<boolean> {
      const removed = await store.removePasskey(account.id, id);
      if (removed) await recordAudit(store, now, actor, 'passkey-removed', account.loginName, { before: removed.name, after: null });
      return removed !== null;
    },

    /** Options for a usernameless sign-in; null when too many are pending. */
    async signInOptions(): Promise<PublicKeyCredentialRequestOptionsJSON | null> {
      const challenge = await newChallenge('sign-in', null);
      if (!challenge) return null;
      return generateAuthenticationOptions({ rpID: config.rpId, challenge, timeout: PASSKEY_CHALLENGE_MS, userVerification: 'required' });
    },

    async signIn(response: AuthenticationResponseJSON): Promise<PasskeySignInOutcome> {
      const challenge = await takeChallenge(response.response.clientDataJSON, 'sign-in', null);
      if (!challenge) return { kind: 'refused' };
      const passkey = await store.findPasskey(response.id);
      const account = passkey ? await store.findAccountById(passkey.accountId) : null;
      if (!passkey || !account) return { kind: 'refused' };
      // A stopped account's passkeys stay (the administrator may look at them) but open nothing.
      // A password lock-out does not stop a passkey: the lock is against guessing, and a passkey cannot be guessed.
      if (account.disabled) {
        await recordAudit(store, now, account.loginName, 'sign-in-refused', account.loginName, { before: null, after: '停止中のアカウントにパスキーで' });
        return { kind: 'refused' };
      }
      let verified: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
      try {
        verified = await verifyAuthenticationResponse({
          response,
          expectedChallenge: challenge,
          expectedOrigin: config.origin,
          expectedRPID: config.rpId,
          credential: { id: passkey.credentialId, publicKey: Buffer.from(passkey.publicKey, 'base64url'), counter: passkey.signCount },
          requireUserVerification: true,
        });
      } catch {
        return { kind: 'refused' };
      }
      if (!verified.verified) return { kind: 'refused' };
      await store.usePasskey(passkey.id, verified.authenticationInfo.newCounter, now().toISOString());
      return { kind: 'signed-in', ...(await auth.startSession(account, 'passkey')) };
    },
  };
}

export type StaffPasskeys = ReturnType<typeof staffPasskeys>;
