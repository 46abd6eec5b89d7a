import type { FastifyInstance, FastifyRequest } from 'fastify';
import { routePath } from '../../domain/api-contract.ts';
import { ApiHttpError, parseBody } from '../../domain/api-refusal.ts';
import { facilityContracts } from '../../domain/booking-contracts.ts';
import type { FacilityService } from '../../booking/facility-service.ts';
import { secretsEqual } from '../../booking/secrets.ts';

/**
 * Staff confirm a provisional booking with the secret in STAFF_API_TOKEN, sent in its own header
 * (the Authorization header carries citizens' management tokens). With no secret set, nobody can.
 */
async function requireStaff(request: FastifyRequest, staffToken: string | null): Promise<void> {
  const given = request.headers['x-staff-token'];
  const ok = staffToken !== null && typeof given === 'string' && (await secretsEqual(given, staffToken));
  if (!ok) throw new ApiHttpError(403, 'forbidden', '職員用の操作です。権限を確かめてください。');
}

/** Few tries per address at the staff door, so the secret cannot be guessed. */
const STAFF_RATE_LIMIT = { max: 30, timeWindow: '1 minute', groupId: 'staff' } as const;

/** The staff's confirmation of a 仮予約: server only (the citizens' endpoints are in booking-routes.ts). */
export function staffFacilityRoutes(api: FastifyInstance, service: FacilityService, staffToken: string | null): void {
  const contract = facilityContracts.confirm;
  api.post(routePath(contract), { config: { rateLimit: STAFF_RATE_LIMIT } }, async (request) => {
    await requireStaff(request, staffToken);
    const { code } = parseBody(contract.params, request.params);
    return { booking: await service.confirm(code) };
  });
}
