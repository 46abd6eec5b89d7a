import { z } from 'zod';
import './validation.ts';

/**
 * Passkeys (WebAuthn) for staff sign-in: what the screens and the API say to each other. The
 * browser's answers are checked for shape and size here; what they prove is checked on the server
 * by @simplewebauthn/server.
 */

/** Passkeys one account may register (a PC per desk, a phone, a spare security key). */
export const MAX_PASSKEYS_PER_ACCOUNT = 10;

export const passkeyNameSchema = z
  .string()
  .trim()
  .min(1, 'パスキーの名前を入力してください（例：窓口3番のパソコン）。')
  .max(40, 'パスキーの名前は40文字までにしてください。');

/** base64url text of at most `bytes` bytes. */
const base64url = (bytes: number) =>
  z
    .string()
    .max(Math.ceil((bytes * 4) / 3))
    .regex(/^[A-Za-z0-9_-]*$/);

const credentialFields = {
  // WebAuthn caps a credential id at 1023 bytes.
  id: base64url(1023).min(1),
  rawId: base64url(1023).min(1),
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string().max(40), z.unknown()),
};

export const passkeyRegistrationSchema = z.strictObject({
  name: passkeyNameSchema,
  response: z.strictObject({
    ...credentialFields,
    response: z.strictObject({
      clientDataJSON: base64url(4096),
      attestationObject: base64url(16_384),
      authenticatorData: base64url(4096).optional(),
      transports: z
        .array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']))
        .max(7)
        .optional(),
      publicKeyAlgorithm: z.number().int().optional(),
      publicKey: base64url(4096).optional(),
    }),
  }),
});

export const passkeySignInSchema = z.strictObject({
  response: z.strictObject({
    ...credentialFields,
    response: z.strictObject({
      clientDataJSON: base64url(4096),
      authenticatorData: base64url(4096),
      signature: base64url(1024),
      userHandle: base64url(64).optional(),
    }),
  }),
});

/** One of the signed-in clerk's own passkeys. */
export const staffPasskeyListingSchema = z.strictObject({
  id: z.number().int(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type StaffPasskeyListing = z.infer<typeof staffPasskeyListingSchema>;
