import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ApiErrorBody, ApiErrorCode } from '../domain/api-error.ts';
import { describeProblems, type FieldProblem } from '../domain/validation.ts';

/** The Japanese message for each error code, in one place. A route may give a more exact one. */
export const ERROR_MESSAGES: Record<ApiErrorCode, string> = {
  bad_request: '送られた内容を読み取れませんでした。画面を読み込み直して、もう一度お試しください。',
  validation_failed: '入力内容に誤りがあります。各項目のメッセージを確認してください。',
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

/** An error a route throws on purpose; the error handler turns it into the stable JSON shape. */
export class ApiHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ApiErrorCode,
    message: string = ERROR_MESSAGES[code],
    readonly fields?: FieldProblem[],
  ) {
    super(message);
  }
}

export function errorBody(code: ApiErrorCode, message = ERROR_MESSAGES[code], fields?: FieldProblem[]): ApiErrorBody {
  return { error: { code, message, ...(fields && fields.length > 0 ? { fields } : {}) } };
}

/** Validates a request body with a domain schema; a failure answers 400 with the field messages. */
export function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.infer<Schema> {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new ApiHttpError(400, 'validation_failed', ERROR_MESSAGES.validation_failed, describeProblems(result.error));
  }
  return result.data;
}

/** Fastify's own 4xx errors (bad JSON, too large, wrong content type …) mapped to our codes. */
function codeForStatus(status: number): ApiErrorCode {
  switch (status) {
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 405:
      return 'method_not_allowed';
    case 409:
      return 'conflict';
    case 422:
      return 'unprocessable';
    case 413:
      return 'payload_too_large';
    case 415:
      return 'unsupported_media_type';
    case 429:
      return 'too_many_requests';
    case 503:
      return 'service_unavailable';
    default:
      return status >= 500 ? 'internal_error' : 'bad_request';
  }
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiHttpError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ApiHttpError) {
      return reply.status(error.statusCode).send(errorBody(error.code, error.message, error.fields));
    }
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      // The message and stack go to the log, never to the citizen; bodies are never logged.
      request.log.error({ err: error }, 'request failed');
    }
    return reply.status(status).send(errorBody(codeForStatus(status)));
  });
}

/** For Fastify's `clientErrorHandler`: a request so malformed that no route could see it. */
export function answerUnreadableRequest(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return;
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const body = JSON.stringify(errorBody(tooLarge ? 'payload_too_large' : 'bad_request'));
  const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
  socket.end(
    `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${String(Buffer.byteLength(body))}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/** For Fastify's `frameworkErrors`: a path that is not valid percent-encoding never reaches routing. */
export function answerBadUrl(_error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  void reply.status(400).send(errorBody('bad_request'));
}
