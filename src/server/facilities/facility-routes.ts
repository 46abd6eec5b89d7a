import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { changeFacilityBookingSchema, facilityChoiceSchema, facilitySearchQuerySchema as searchQuerySchema, newFacilityBookingSchema } from '../../domain/facility-booking.ts';
import { parseBody } from '../http-errors.ts';
import { bearerToken, codeParam, dateRangeQuerySchema, idempotencyKey, jsonContent as json } from '../route-helpers.ts';
import type { FacilityService } from './facility-service.ts';

const roomParamsSchema = z.object({ facilityId: z.string().max(40), roomId: z.string().max(40) });

export function facilityRoutes(api: FastifyInstance, service: FacilityService): void {
  api.get('/facilities/search', async (request) => {
    const query = parseBody(searchQuerySchema, request.query);
    return { results: await service.search({ purpose: query.purpose, date: query.date, blockId: query.block, headCount: query.headCount }) };
  });

  api.get('/facilities/:facilityId/rooms/:roomId/availability', async (request) => {
    const params = parseBody(roomParamsSchema, request.params);
    const query = parseBody(dateRangeQuerySchema, request.query);
    return { days: await service.availability(params.facilityId, params.roomId, query.from, query.to) };
  });

  api.post('/facilities/quote', (request, reply) => reply.send(service.quote(parseBody(facilityChoiceSchema, request.body))));

  api.post('/facilities/bookings', async (request, reply) => {
    const key = idempotencyKey(request);
    const body = parseBody(newFacilityBookingSchema, request.body);
    const { created, replayed } = await service.create(body, key);
    if (replayed) reply.header('Idempotent-Replayed', 'true');
    return reply.status(201).send(created);
  });

  api.get('/facilities/bookings/:code', async (request) => service.view(codeParam(request), bearerToken(request)));

  api.delete('/facilities/bookings/:code/links', async (request) => ({ links: await service.closeOtherLinks(codeParam(request), bearerToken(request)) }));

  api.patch('/facilities/bookings/:code', async (request) => {
    const body = parseBody(changeFacilityBookingSchema, request.body);
    return { booking: await service.change(codeParam(request), bearerToken(request), body) };
  });

  api.delete('/facilities/bookings/:code', async (request) => ({ booking: await service.cancel(codeParam(request), bearerToken(request)) }));
}

const errors = { 400: { description: '入力の誤り（日本語のメッセージつき）' }, 404: { description: '見つからない' }, 422: { description: '規則により受け付けられない' } };
const token = [{ managementToken: [] }];
const dateParam = (name: string) => ({ name, in: 'query', schema: { type: 'string', format: 'date' } });

export const facilityPaths = {
  '/api/v1/facilities/search': {
    get: {
      summary: '目的・日にち・区分・人数で部屋を探す（日にちを指定すると、このアプリで予約できる部屋の空き区分も返す）',
      parameters: [
        { name: 'purpose', in: 'query', schema: { type: 'string' } },
        dateParam('date'),
        { name: 'block', in: 'query', schema: { type: 'string' } },
        { name: 'headCount', in: 'query', schema: { type: 'integer', minimum: 1 } },
      ],
      responses: { 200: { description: '部屋の一覧' }, 400: errors[400] },
    },
  },
  '/api/v1/facilities/{facilityId}/rooms/{roomId}/availability': {
    get: {
      summary: '部屋の空き状況（日ごとの ○△× と、区分ごとの空き）',
      parameters: [
        { name: 'facilityId', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'roomId', in: 'path', required: true, schema: { type: 'string' } },
        dateParam('from'),
        dateParam('to'),
      ],
      responses: { 200: { description: '空き状況' }, 400: errors[400], 404: errors[404], 422: errors[422] },
    },
  },
  '/api/v1/facilities/quote': {
    post: {
      summary: '使用料を計算する（料金はサーバーが施設の情報から計算します）',
      requestBody: { required: true, content: json(facilityChoiceSchema) },
      responses: { 200: { description: '料金の内訳、仮予約かどうか、申し込みと取り消しの期限' }, 400: errors[400], 422: errors[422] },
    },
  },
  '/api/v1/facilities/bookings': {
    post: {
      summary: '部屋を予約する（選んだ区分と日をまとめて、すべて予約できたときだけ成立）',
      parameters: [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string', format: 'uuid' } }],
      requestBody: { required: true, content: json(newFacilityBookingSchema) },
      responses: { 201: { description: '予約番号と管理用トークン' }, 400: errors[400], 409: { description: 'ほかの予約と重なる' }, 422: errors[422] },
    },
  },
  '/api/v1/facilities/bookings/{code}': {
    parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
    get: { summary: '予約を見る（予約を開いている端末の一覧つき）', security: token, responses: { 200: { description: '予約と、管理用リンクの一覧' }, 404: errors[404] } },
    patch: {
      summary: '予約の日や区分を変える（変更できる施設だけ）',
      security: token,
      requestBody: { required: true, content: json(changeFacilityBookingSchema) },
      responses: { 200: { description: '変更後の予約' }, 404: errors[404], 409: { description: 'ほかの予約と重なる' }, 422: errors[422] },
    },
    delete: { summary: '予約を取り消す', security: token, responses: { 200: { description: '取り消した予約' }, 404: errors[404], 422: errors[422] } },
  },
  '/api/v1/facilities/bookings/{code}/links': {
    parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }],
    delete: {
      summary: 'この端末のほかに予約を開いている端末（管理用リンク）をすべて閉じる',
      security: token,
      responses: { 200: { description: '残った管理用リンク' }, 404: errors[404] },
    },
  },
};
