import { z } from 'zod';
import { API_ERROR_CODES } from '../domain/api-error.ts';
import { counterPaths } from './counter/counter-routes.ts';
import { facilityPaths } from './facilities/facility-routes.ts';
import { kioskPaths } from './kiosk/kiosk-routes.ts';
import { healthPaths } from './routes/health.ts';
import { staffPaths } from './staff/staff-routes.ts';

const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(API_ERROR_CODES),
    message: z.string().describe('利用者に見せる日本語のメッセージ'),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/**
 * The OpenAPI document at `/api/openapi.json`. Each route module exports its own `paths`, built from
 * the same zod schemas that validate requests, so the document cannot drift from the code.
 */
export function buildOpenApiDocument(version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'つながる東金 API',
      version,
      description:
        '東金市の市民ポータル「つながる東金」のAPIです。エラーはすべて components.schemas.ApiError の形で、日本語のメッセージを返します。',
    },
    servers: [{ url: '/' }],
    paths: { ...healthPaths, ...counterPaths, ...facilityPaths, ...kioskPaths, ...staffPaths },
    components: {
      schemas: { ApiError: z.toJSONSchema(apiErrorSchema) },
      securitySchemes: {
        managementToken: { type: 'http', scheme: 'bearer', description: '予約したときに一度だけ返される管理用トークン' },
        staffSession: { type: 'apiKey', in: 'cookie', name: '__Host-togane-staff', description: '職員のログインで設定される Cookie。変更の操作には X-CSRF-Token と同じサイトの Origin も必要' },
      },
    },
  };
}
