import { z } from 'zod';
import { type ApiContract, needsCsrfToken, refusalsOf } from '../domain/api-contract.ts';
import { API_ERROR_CODES } from '../domain/api-error.ts';
import { counterContracts, facilityContracts } from '../domain/booking-contracts.ts';
import { kioskPaths } from './kiosk/kiosk-routes.ts';
import { jsonContent } from './route-helpers.ts';
import { healthPaths } from './routes/health.ts';
import { staffContracts } from '../domain/staff-contracts.ts';

const apiErrorSchema = z.object({
  error: z.object({
    code: z.enum(API_ERROR_CODES),
    message: z.string().describe('利用者に見せる日本語のメッセージ'),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

const refusal = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } });

interface JsonObjectSchema {
  properties?: Record<string, unknown>;
  required?: string[];
}

/** The path or query parameters of an operation, from the zod schema that checks them. */
function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonObjectSchema;
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    ...(where === 'path' || json.required?.includes(name) ? { required: true } : {}),
    schema: property,
  }));
}

function operationOf(contract: ApiContract) {
  const headers = [
    ...(contract.idempotencyKey ? [{ name: 'Idempotency-Key', in: 'header', schema: { type: 'string', format: 'uuid' } }] : []),
    ...(needsCsrfToken(contract) ? [{ name: 'X-CSRF-Token', in: 'header', required: true, schema: { type: 'string' } }] : []),
  ];
  const security = [...(contract.managementToken ? [{ managementToken: [] }] : []), ...(contract.staffSession ? [{ staffSession: [] }] : [])];
  return {
    summary: contract.summary,
    parameters: [...parametersOf(contract.params, 'path'), ...parametersOf(contract.query, 'query'), ...headers],
    ...(security.length > 0 ? { security } : {}),
    ...(contract.body ? { requestBody: { required: true, content: jsonContent(contract.body) } } : {}),
    responses: {
      [contract.answer.status]: {
        description: contract.answer.description,
        ...(contract.answer.mediaType ? { content: { [contract.answer.mediaType]: { schema: { type: 'string' } } } } : {}),
      },
      ...Object.fromEntries(Object.entries(refusalsOf(contract)).map(([status, description]) => [status, refusal(description)])),
    },
  };
}

/** The OpenAPI paths of contracts, grouped by path. */
export function contractPaths(contracts: ApiContract[]): Record<string, Record<string, ReturnType<typeof operationOf>>> {
  const paths: Record<string, Record<string, ReturnType<typeof operationOf>>> = {};
  for (const contract of contracts) {
    paths[contract.path] = { ...paths[contract.path], [contract.method.toLowerCase()]: operationOf(contract) };
  }
  return paths;
}

/**
 * The OpenAPI document at `/api/openapi.json`. The booking endpoints come from their contracts in
 * src/domain (the same objects the routes, the client and the practice mode use); health and kiosk
 * describe themselves beside their routes. Either way the zod schemas that validate requests are the
 * source, so the document cannot drift from the code.
 */
export function buildOpenApiDocument(version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'つながる東金 API',
      version,
      description: '東金市の市民ポータル「つながる東金」のAPIです。エラーはすべて components.schemas.ApiError の形で、日本語のメッセージを返します。',
    },
    servers: [{ url: '/' }],
    paths: {
      ...healthPaths,
      ...contractPaths([...Object.values(counterContracts), ...Object.values(facilityContracts)]),
      ...kioskPaths,
      ...contractPaths(Object.values(staffContracts)),
    },
    components: {
      schemas: { ApiError: z.toJSONSchema(apiErrorSchema) },
      securitySchemes: {
        managementToken: { type: 'http', scheme: 'bearer', description: '予約したときに一度だけ返される管理用トークン' },
        staffSession: {
          type: 'apiKey',
          in: 'cookie',
          name: '__Host-togane-staff',
          description: '職員のログインで設定される Cookie。変更の操作には X-CSRF-Token と同じサイトの Origin も必要',
        },
      },
    },
  };
}
