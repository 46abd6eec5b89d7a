import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ApiErrorCode, errorBody } from '../domain/api-error.ts';
import { ApiHttpError } from '../domain/api-refusal.ts';
import { isDatabaseUnavailable } from './store/unavailable.ts';

/** Seconds a client is asked to wait when the database cannot be reached. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

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
    if (isDatabaseUnavailable(error)) {
      // The database went away (a restart, a fail-over, the network): nothing was changed, and a retry
      // after it is back succeeds, so say when to try again instead of reporting a fault.
      request.log.warn({ err: error }, 'database unavailable');
      return reply.status(503).header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS)).send(errorBody('service_unavailable'));
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
