import { z } from 'zod';

/** A request or response body for the OpenAPI document, from the zod schema that checks it. */
export const jsonContent = (schema: z.ZodType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } });
