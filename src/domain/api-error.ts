import type { FieldProblem } from './validation.ts';

/**
 * Every error the API returns has this shape, so the portal can always show the Japanese message.
 * `code` is stable for programs; `message` is for people.
 */
export const API_ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'unprocessable',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'too_many_requests',
  'internal_error',
  'service_unavailable',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  fields?: FieldProblem[];
}

export interface ApiErrorBody {
  error: ApiError;
}

/** Reads an error body from the network without trusting it; null when it is not ours. */
export function readApiError(body: unknown): ApiError | null {
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error: unknown = body.error;
  if (typeof error !== 'object' || error === null) return null;
  if (!('code' in error) || !('message' in error)) return null;
  const { code, message } = error;
  if (typeof message !== 'string' || !(API_ERROR_CODES as readonly unknown[]).includes(code)) return null;
  const fields = 'fields' in error && Array.isArray(error.fields) ? (error.fields as FieldProblem[]) : undefined;
  return { code: code as ApiErrorCode, message, ...(fields ? { fields } : {}) };
}

/** The Japanese message for each error code, in one place. A route may give a more exact one. */
export const ERROR_MESSAGES: Record<ApiErrorCode, string> = {
  bad_request: '送られた内容を読み取れませんでした。画面を読み込み直して、もう一度お試しください。',
  validation_failed: '入力内容に誤りがあります。各項目のメッセージを確認してください。',
  unauthorized: 'ログインしてください。',
  forbidden: 'この操作をする権限がありません。',
  not_found: 'お探しのページやデータは見つかりませんでした。',
  conflict: 'ほかの方の操作と重なりました。もう一度お試しください。',
  unprocessable: 'この内容では受け付けられません。',
  method_not_allowed: 'この操作はできません。',
  payload_too_large: '送られた内容が大きすぎます。',
  unsupported_media_type: '送られた内容の形式に対応していません。',
  too_many_requests: 'アクセスが集中しています。しばらく待ってから、もう一度お試しください。',
  internal_error: 'システムで問題が起きました。時間をおいて、もう一度お試しください。',
  service_unavailable: 'ただいま利用できません。時間をおいて、もう一度お試しください。',
};

export function errorBody(code: ApiErrorCode, message = ERROR_MESSAGES[code], fields?: FieldProblem[]): ApiErrorBody {
  return { error: { code, message, ...(fields && fields.length > 0 ? { fields } : {}) } };
}

/** Said by every booking API when a retry under the same Idempotency-Key carries another body. */
export const IDEMPOTENCY_MISMATCH_MESSAGE = '同じ操作番号で、ちがう内容が送られました。画面を読み込み直して、もう一度お試しください。';
