/**
 * The headers the booking API reads, with their exact shapes: the server and the practice mode check
 * them with these same rules. A header of any other shape is refused before it is used or kept, so
 * nothing a client puts there (a 12-digit 個人番号, 8 KB of text) is ever stored.
 */

/** A retry sends the same key: one booking, not two. Browsers make it with crypto.randomUUID(). */
export const IDEMPOTENCY_KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The management token: 32 random bytes in base64url, always 43 characters. */
export const MANAGEMENT_TOKEN_LENGTH = 43;
const AUTHORIZATION_PATTERN = new RegExp(`^Bearer ([A-Za-z0-9_-]{${String(MANAGEMENT_TOKEN_LENGTH)}})$`);

export const HEADER_MESSAGES = {
  idempotencyKey: '操作番号（Idempotency-Key）の形が正しくありません。画面を読み込み直して、もう一度お試しください。',
  authorization: '予約を開くための情報の形が正しくありません。予約のページを開き直してください。',
} as const;

export type HeaderReading = { ok: true; value: string | null } | { ok: false; message: string };

/** The Idempotency-Key header: absent (null), or a UUID. */
export function readIdempotencyKey(header: string | null | undefined): HeaderReading {
  if (header === null || header === undefined) return { ok: true, value: null };
  return IDEMPOTENCY_KEY_PATTERN.test(header) ? { ok: true, value: header.toLowerCase() } : { ok: false, message: HEADER_MESSAGES.idempotencyKey };
}

/** The management token from `Authorization: Bearer …`: absent (null), or exactly a token. */
export function readManagementToken(header: string | null | undefined): HeaderReading {
  if (header === null || header === undefined) return { ok: true, value: null };
  const match = AUTHORIZATION_PATTERN.exec(header);
  return match?.[1] ? { ok: true, value: match[1] } : { ok: false, message: HEADER_MESSAGES.authorization };
}
