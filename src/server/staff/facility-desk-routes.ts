import type { FastifyInstance } from 'fastify';
import { staffCancelSchema } from '../../domain/staff-api.ts';
import { feePaymentSchema } from '../../domain/facility-fee.ts';
import { parseBody } from '../../domain/api-refusal.ts';
import { jsonContent as json } from '../route-helpers.ts';
import type { StaffGate } from './staff-auth.ts';
import type { StaffDesk } from './staff-desk.ts';
import { codeParam, codePath, cookie, csrf, done, errors } from './staff-route-parts.ts';

/** The facility desk's work on a booking beyond confirming a 仮予約 (施設 role). */
export function facilityDeskRoutes(api: FastifyInstance, { signedIn, desk }: { signedIn: StaffGate; desk: StaffDesk }): void {
  api.post('/staff/facilities/bookings/:code/decline', async (request) => {
    const who = await signedIn(request, 'facility-desk');
    const code = codeParam(request);
    await desk.declineFacilityBooking(code, parseBody(staffCancelSchema, request.body).reason, who);
    return { done: true };
  });

  api.get('/staff/facilities/booked', async (request) => {
    await signedIn(request, 'facility-desk');
    return { bookings: await desk.bookedFacilityBookings() };
  });

  api.post('/staff/facilities/bookings/:code/fee-paid', async (request) => {
    const who = await signedIn(request, 'facility-desk');
    const code = codeParam(request);
    await desk.recordFeePayment(code, parseBody(feePaymentSchema, request.body), who);
    return { done: true };
  });
}

export const facilityDeskPaths = {
  '/api/v1/staff/facilities/bookings/{code}/decline': {
    post: {
      summary: '施設：理由をつけて仮予約を断る（予約は取り消され、部屋はすぐ空く。予約した方のページに理由を表示し、メールで知らせる）',
      security: cookie,
      parameters: [codePath, csrf],
      requestBody: { required: true, content: json(staffCancelSchema) },
      responses: done,
    },
  },
  '/api/v1/staff/facilities/booked': {
    get: {
      summary: '施設：今日から先の本予約の一覧と、使用料の支払いの記録（施設の役割）',
      security: cookie,
      responses: { 200: { description: '本予約の一覧' }, 401: errors[401], 403: errors[403] },
    },
  },
  '/api/v1/staff/facilities/bookings/{code}/fee-paid': {
    post: {
      summary: '施設：本予約の使用料を支払い済みにする（支払いの方法と領収番号。記録した職員と日時が残る。本予約でないとき・記録済みのときは断る）',
      security: cookie,
      parameters: [codePath, csrf],
      requestBody: { required: true, content: json(feePaymentSchema) },
      responses: done,
    },
  },
};
