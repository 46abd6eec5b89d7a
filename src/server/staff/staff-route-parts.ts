import type { FastifyRequest } from 'fastify';
import { reservationCodeSchema } from '../../domain/citizen-fields.ts';
import { parseBody } from '../../domain/api-refusal.ts';

/** The booking code in a staff route's path, checked like any input. */
export const codeParam = (request: FastifyRequest) => parseBody(reservationCodeSchema, (request.params as { code?: unknown }).code);

/** The pieces every staff route's OpenAPI entry is made of. */
export const errors = {
  401: { description: 'ログインしていない・ログインが切れた' },
  403: { description: '役割が違う、またはこの画面の外からの操作（Origin か X-CSRF-Token が違う）' },
  404: { description: '見つからない' },
  409: { description: '今の状態ではできない' },
};
export const csrf = { name: 'X-CSRF-Token', in: 'header', required: true, schema: { type: 'string' } };
export const cookie = [{ staffSession: [] }];
export const codePath = { name: 'code', in: 'path', required: true, schema: { type: 'string' } };
export const loginPath = { name: 'loginName', in: 'path', required: true, schema: { type: 'string' } };
export const done = { 200: { description: 'できました' }, ...errors };
