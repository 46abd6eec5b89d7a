import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { isoCBOR } from '@simplewebauthn/server/helpers';

/**
 * A passkey authenticator in software, for API tests: it makes real P-256 keys and signs real
 * WebAuthn answers (clientDataJSON, authenticator data, a 'none' attestation), so the server's
 * verifier (@simplewebauthn/server) checks them exactly as it checks a browser's. It keeps its
 * passkeys like a platform authenticator (discoverable, with user verification).
 */
export interface SoftwareAuthenticator {
  /** As navigator.credentials.create() would answer, on a page of `origin`. */
  create(options: PublicKeyCredentialCreationOptionsJSON, origin: string): RegistrationResponseJSON;
  /** As navigator.credentials.get() would answer with the passkey made last for the options' rp. */
  get(options: PublicKeyCredentialRequestOptionsJSON, origin: string): AuthenticationResponseJSON;
}

interface StoredPasskey {
  id: Buffer;
  rpId: string;
  userHandle: string;
  privateKey: KeyObject;
  counter: number;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest();

/** User present, user verified, and (when given) the attested credential data follows. */
const FLAGS = { userPresent: 0x01, userVerified: 0x04, attested: 0x40 };

function authenticatorData(rpId: string, counter: number, attested?: Buffer): Buffer {
  const flags = FLAGS.userPresent | FLAGS.userVerified | (attested ? FLAGS.attested : 0);
  const count = Buffer.alloc(4);
  count.writeUInt32BE(counter);
  return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, attested ?? Buffer.alloc(0)]);
}

const clientData = (type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string) =>
  Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));

export function softwareAuthenticator(): SoftwareAuthenticator {
  const passkeys: StoredPasskey[] = [];
  return {
    create(options, origin) {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
      const jwk = publicKey.export({ format: 'jwk' });
      // The COSE key of ES256: kty EC2 (2), alg -7, crv P-256 (1), x, y.
      const coseKey = isoCBOR.encode(
        new Map<number, number | Uint8Array>([
          [1, 2],
          [3, -7],
          [-1, 1],
          [-2, Buffer.from(jwk.x ?? '', 'base64url')],
          [-3, Buffer.from(jwk.y ?? '', 'base64url')],
        ]),
      );
      const id = randomBytes(32);
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(id.length);
      const attested = Buffer.concat([Buffer.alloc(16), idLength, id, coseKey]);
      const rpId = options.rp.id ?? '';
      passkeys.push({ id, rpId, userHandle: options.user.id, privateKey, counter: 0 });
      const attestationObject = isoCBOR.encode(
        new Map<string, string | Map<string, string> | Uint8Array>([
          ['fmt', 'none'],
          ['attStmt', new Map<string, string>()],
          ['authData', authenticatorData(rpId, 0, attested)],
        ]),
      );
      return {
        id: id.toString('base64url'),
        rawId: id.toString('base64url'),
        type: 'public-key',
        authenticatorAttachment: 'platform',
        clientExtensionResults: {},
        response: {
          clientDataJSON: clientData('webauthn.create', options.challenge, origin).toString('base64url'),
          attestationObject: Buffer.from(attestationObject).toString('base64url'),
          transports: ['internal'],
        },
      };
    },

    get(options, origin) {
      const passkey = passkeys.findLast((candidate) => candidate.rpId === options.rpId);
      if (!passkey) throw new Error(`no passkey for ${String(options.rpId)}`);
      passkey.counter += 1;
      const data = authenticatorData(passkey.rpId, passkey.counter);
      const client = clientData('webauthn.get', options.challenge, origin);
      // WebAuthn's ES256 signature is DER-encoded, over the authenticator data and the client data's hash.
      const signature = sign('sha256', Buffer.concat([data, sha256(client)]), { key: passkey.privateKey, dsaEncoding: 'der' });
      return {
        id: passkey.id.toString('base64url'),
        rawId: passkey.id.toString('base64url'),
        type: 'public-key',
        authenticatorAttachment: 'platform',
        clientExtensionResults: {},
        response: {
          clientDataJSON: client.toString('base64url'),
          authenticatorData: data.toString('base64url'),
          signature: signature.toString('base64url'),
          userHandle: passkey.userHandle,
        },
      };
    },
  };
}
