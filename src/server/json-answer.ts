import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import negotiate from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SerialisedJson } from '../booking/serialised-json.ts';

/** JSON answers this large or larger travel compressed (@fastify/compress for the others, this module for written ones). */
export const COMPRESS_THRESHOLD_BYTES = 1024;
/** In the order they are preferred, as @fastify/compress is given them. */
export const JSON_ENCODINGS = ['br', 'gzip'] as const;

const JSON_TYPE = 'application/json; charset=utf-8';
// As @fastify/compress reads Accept-Encoding: `*` and `x-gzip` mean gzip.
const GZIP_ALIAS = /\*|x-gzip/gu;

const compressors: Record<(typeof JSON_ENCODINGS)[number], (bytes: Buffer) => Buffer> = {
  // The quality @fastify/compress uses: the answer is compressed again after every booking.
  br: (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
  gzip: (bytes) => gzipSync(bytes),
};

function encodingFor(request: FastifyRequest): (typeof JSON_ENCODINGS)[number] | null {
  const header = request.headers['accept-encoding'];
  if (header === undefined) return null;
  const chosen = negotiate(header.toLowerCase().replace(GZIP_ALIAS, 'gzip'), [...JSON_ENCODINGS]);
  return chosen === 'br' || chosen === 'gzip' ? chosen : null;
}

/** Bytes kept on the cached answer: made the first time they are asked for, then sent as they are. */
function encoded(answer: SerialisedJson, name: string, make: () => Buffer): Buffer {
  const kept = answer.encodings.get(name);
  if (kept) return kept as Buffer;
  const made = make();
  answer.encodings.set(name, made);
  return made;
}

/**
 * Sends JSON the booking engine has already written out: the UTF-8 bytes, or their brotli or gzip
 * twin, made once per cached answer instead of per request. The headers are those @fastify/compress
 * gives an answer it compresses (Content-Encoding, `Vary: accept-encoding`), and it leaves an answer
 * with a Content-Encoding alone.
 */
export function sendSerialisedJson(request: FastifyRequest, reply: FastifyReply, status: number, answer: SerialisedJson): FastifyReply {
  const bytes = encoded(answer, 'identity', () => Buffer.from(answer.text));
  void reply.status(status).header('Content-Type', JSON_TYPE);
  const encoding = bytes.length >= COMPRESS_THRESHOLD_BYTES ? encodingFor(request) : null;
  if (encoding === null) return reply.send(bytes);
  const vary = reply.getHeader('Vary');
  if (vary === undefined) void reply.header('Vary', 'accept-encoding');
  else if (!String(vary).includes('accept-encoding')) void reply.header('Vary', `${String(vary)}, accept-encoding`);
  return reply.header('Content-Encoding', encoding).send(encoded(answer, encoding, () => compressors[encoding](bytes)));
}
