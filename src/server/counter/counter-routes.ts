import type { FastifyInstance } from 'fastify';
import { changeSlotSchema, lookupByPhoneSchema, newCounterReservationSchema } from '../../domain/counter-reservation.ts';
import { parseBody } from '../../domain/api-error.ts';
import { bearerToken, codeParam, dateRangeQuerySchema, idempotencyKey, jsonContent as json } from '../route-helpers.ts';
import type { CounterService } from '../../booking/counter-service.ts';


export function counterRoutes(api: FastifyInstance, service: CounterService): void {
  api.get('/counter/availability', async (request) => {
    const query = parseBody(dateRangeQuerySchema, request.query);
    return { days: await service.availability(query.from, query.to) };
  });

  api.post('/counter/reservations', async (request, reply) => {
    const key = idempotencyKey(request);
    const body = parseBody(newCounterReservationSchema, request.body);
    const { created, replayed } = await service.create(body, key);
    if (replayed) reply.header('Idempotent-Replayed', 'true');
    return reply.status(201).send(created);
  });

  api.post('/counter/reservations/lookup', async (request) => {
    const body = parseBody(lookupByPhoneSchema, request.body);
    return service.lookUpByPhone(body.code, body.phone, request.ip);
  });

  api.get('/counter/reservations/:code', async (request) => service.view(codeParam(request), bearerToken(request)));

  api.delete('/counter/reservations/:code/links', async (request) => ({ links: await service.closeOtherLinks(codeParam(request), bearerToken(request)) }));

  api.patch('/counter/reservations/:code', async (request) => {
    const body = parseBody(changeSlotSchema, request.body);
    return { reservation: await service.change(codeParam(request), bearerToken(request), body.slot) };
  });

  api.delete('/counter/reservations/:code', async (request) => ({ reservation: await service.cancel(codeParam(request), bearerToken(request)) }));
}

const errors = { 400: { description: '入力の誤り（日本語のメッセージつき）' }, 404: { description: '予約が見つからない' } };
const token = [{ managementToken: [] }];

export const counterPaths = {
  '/api/v1/counter/availability': {
    get: {
      summary: 'マイナンバーカード窓口の空き状況（日ごとの ○△× と、枠ごとの残り）',
      parameters: [
        { name: 'from', in: 'query', schema: { type: 'string', format: 'date' } },
        { name: 'to', in: 'query', schema: { type: 'string', format: 'date' } },
      ],
      responses: { 200: { description: '空き状況' }, 400: errors[400] },
    },
  },
  '/api/v1/counter/reservations': {
    post: {
      summary: '窓口の予約をする',
      parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string', format: 'uuid' } }],
      requestBody: { required: true, content: json(newCounterReservationSchema) },
      responses: { 201: { description: '予約番号と管理用トークン' }, 400: errors[400], 409: { description: '満員' }, 422: { description: '受付できない枠' } },
    },
  },
  '/api/v1/counter/reservations/lookup': {
    post: {
      summary: '予約番号と電話番号で予約を探す（この端末用の管理用トークンを発行。ほかの端末のトークンはそのまま使えます）',
      requestBody: { required: true, content: json(lookupByPhoneSchema) },
      responses: { 200: { description: '予約と、この端末用のトークン' }, 404: errors[404], 429: { description: '誤りが続いた（アドレスごと・予約番号ごとの上限）' } },
    },
  },
  '/api/v1/counter/reservations/{code}': {
    parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
    get: { summary: '予約を見る（予約を開いている端末の一覧つき）', security: token, responses: { 200: { description: '予約と、管理用リンクの一覧' }, 404: errors[404] } },
    patch: {
      summary: '予約の日時を変える',
      security: token,
      requestBody: { required: true, content: json(changeSlotSchema) },
      responses: { 200: { description: '変更後の予約' }, 404: errors[404], 409: { description: '満員' } },
    },
    delete: { summary: '予約を取り消す', security: token, responses: { 200: { description: '取り消した予約' }, 404: errors[404] } },
  },
  '/api/v1/counter/reservations/{code}/links': {
    parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
    delete: {
      summary: 'この端末のほかに予約を開いている端末（管理用リンク）をすべて閉じる',
      security: token,
      responses: { 200: { description: '残った管理用リンク' }, 404: errors[404] },
    },
  },
};
