import type { FastifyInstance } from 'fastify';
import { staffCancelSchema } from '../../domain/staff-api.ts';
import { parseBody } from '../../domain/api-refusal.ts';
import { jsonContent as json } from '../route-helpers.ts';
import type { StaffGate } from './staff-auth.ts';
import type { StaffDesk } from './staff-desk.ts';
import { codeParam, codePath, cookie, csrf, done } from './staff-route-parts.ts';

/** The facility desk's work on a booking beyond confirming a 仮予約 (施設 role). */
export function facilityDeskRoutes(api: FastifyInstance, { signedIn, desk }: { signedIn: StaffGate; desk: StaffDesk }): void {
  api.post('/staff/facilities/bookings/:code/decline', async (request) => {
    const who = await signedIn(request, 'facility-desk');
    const code = codeParam(request);
    await desk.declineFacilityBooking(code, parseBody(staffCancelSchema, request.body).reason, who);
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
};
