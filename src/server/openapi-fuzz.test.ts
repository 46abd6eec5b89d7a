import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContentPack } from './content.ts';
import { hashWithScrypt } from './scrypt-hash.ts';
import { registeredRoutes } from './testing/registered-routes.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

/**
 * Every operation in the OpenAPI document, called with values generated from its parameters' and
 * body's schemas, mixed with the extremes an attacker or a careless client sends: years 0001 and
 * 9999, 10^15, empty strings, 64 KB of text, odd Unicode. No answer may be a 5xx, and every answer
 * must arrive within ANSWER_BOUND_MS: an operation that can be made to loop or to stall fails here.
 * The document is read from the running server, so an operation added later is fuzzed too.
 */
const ANSWER_BOUND_MS = 5_000;
const RUNS_PER_OPERATION = 40;

interface JsonSchema {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}
interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
}

const content = loadContentPack();
const ids = [
  ...content.facilities.facilities.flatMap((facility) => [facility.id, ...facility.rooms.map((room) => room.id), ...facility.blocks.map((block) => block.id)]),
  ...content.counter.visitKinds.map((kind) => kind.id),
];

const extremeStrings = fc.constantFrom(
  '',
  ' ',
  '0001-01-01',
  '9999-12-31',
  '+010000-01-01',
  '2026-02-30',
  '1000000000000000',
  '-1',
  'あ'.repeat(22_000),
  'x'.repeat(65_536),
  '\u0000',
  '\u202Eabc',
  '\u200B\u200B',
  '\uD800',
  'e\u0301\u0301\u0301',
  '👨‍👩‍👧‍👦',
  '%00',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "'; DROP TABLE counter_reservations; --",
);
const extremeNumbers = fc.constantFrom(0, -1, 1.5, 1e15, -1e15, Number.MAX_SAFE_INTEGER, 10_001);
const nearDates = fc.integer({ min: -800, max: 1_200 }).map((offset) => new Date(Date.UTC(2026, 10, 24 + offset)).toISOString().slice(0, 10));

/** Values a field of this name and schema may take: mostly plausible, sometimes extreme. */
function valueFor(name: string, schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const plausible = plausibleFor(name, schema, depth);
  return fc.oneof(
    { weight: 6, arbitrary: plausible },
    { weight: 1, arbitrary: extremeStrings },
    { weight: 1, arbitrary: extremeNumbers },
    { weight: 1, arbitrary: fc.constantFrom(null, true, [], {}) },
  );
}

function plausibleFor(name: string, schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const lower = name.toLowerCase();
  switch (schema.type) {
    case 'integer':
    case 'number':
      return fc.integer({ min: (schema.minimum ?? -10) - 2, max: Math.min(schema.maximum ?? 1_000, 1_000_000) + 2 });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(schema.items ? valueFor(lower.replace(/s$/, ''), schema.items, depth + 1) : fc.string(), {
        maxLength: Math.min((schema.maxItems ?? 5) + 2, 40),
      });
    case 'object':
      return depth > 3 ? fc.constant({}) : objectFor(schema, depth + 1);
    default:
      if (lower.includes('date') || lower === 'from' || lower === 'to')
        return fc.oneof(nearDates, fc.constantFrom('0001-01-01', '9999-12-31', '2199-12-31', '1900-01-01'));
      if (lower.includes('time')) return fc.constantFrom('09:00', '09:30', '13:00', '24:00', '9:00', '23:59');
      if (lower.includes('phone')) return fc.stringMatching(/^0\d{1,4}-?\d{1,4}-?\d{4}$/);
      if (lower.includes('code')) return fc.oneof(fc.stringMatching(/^[2-9A-HJKMNP-Z]{4}-?[2-9A-HJKMNP-Z]{4}$/), fc.string());
      if (lower.includes('pin')) return fc.stringMatching(/^\d{4,14}$/);
      if (lower.endsWith('id') || lower === 'block' || lower === 'purpose') return fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 50 }));
      if (schema.format === 'uuid') return fc.oneof(fc.uuid(), fc.string());
      return fc.string({ maxLength: (schema.maxLength ?? 60) + 5 });
  }
}

function objectFor(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(schema.properties ?? {});
  const shape = Object.fromEntries(properties.map(([name, property]) => [name, valueFor(name, property, depth)]));
  // Required fields are usually present, so requests reach past the first check.
  return fc
    .record(shape, { requiredKeys: (schema.required ?? []).filter(() => true) })
    .chain((value) =>
      fc
        .subarray(Object.keys(value), { minLength: Math.max(0, Object.keys(value).length - 1) })
        .map((kept) => Object.fromEntries(kept.map((key) => [key, value[key]]))),
    );
}

function headerValue(name: string): fc.Arbitrary<string | undefined> {
  if (name.toLowerCase() === 'idempotency-key')
    return fc.option(fc.oneof(fc.uuid(), fc.string({ maxLength: 80 }), fc.constant('123456789018')), { nil: undefined });
  return fc.option(fc.string({ maxLength: 80 }), { nil: undefined });
}

const authorization = fc.option(
  fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9_-]{43}$/).map((token) => `Bearer ${token}`),
    fc.string({ maxLength: 120 }),
    fc.constant(`Bearer ${'A'.repeat(5_000)}`),
  ),
  { nil: undefined },
);

/** A lone surrogate cannot be sent in a URL at all: the client would refuse before the server saw it. */
const wellFormed = (text: string) => Buffer.from(text, 'utf8').toString('utf8');

let server: TestServer;
let operations: { method: string; path: string; operation: Operation }[] = [];
let sent = 0;

beforeAll(async () => {
  server = await startTestServer({ rateLimitPerMinute: 1_000_000, kioskPinHash: await hashWithScrypt('482916') }, () => new Date('2026-11-24T01:00:00Z'));
  const document = (await (await fetch(`${server.baseUrl}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(document.paths).flatMap(([path, item]) => {
    const shared = (item.parameters ?? []) as Parameter[];
    return Object.entries(item)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => {
        const own = operation as Operation;
        return { method: method.toUpperCase(), path, operation: { ...own, parameters: [...shared, ...(own.parameters ?? [])] } };
      });
  });
});
afterAll(async () => {
  await server.close();
});

describe('every operation of the OpenAPI document, fuzzed', () => {
  it('finds the operations, and every API route the server has is among them', () => {
    expect(operations.length).toBeGreaterThanOrEqual(15);
    const documented = new Set(operations.map((operation) => `${operation.method} ${operation.path}`));
    const registered = registeredRoutes(server.app).filter((route) => route.includes(' /api/v1/') && !route.startsWith('HEAD '));
    expect(registered.length).toBeGreaterThanOrEqual(15);
    expect(registered.filter((route) => !documented.has(route))).toEqual([]);
  });

  it('answers every generated request in time and without a server error', { timeout: 600_000 }, async () => {
    const failures: string[] = [];
    for (const { method, path, operation } of operations) {
      const parameters = operation.parameters ?? [];
      const request = fc.record({
        path: fc.record(
          Object.fromEntries(
            parameters.filter((p) => p.in === 'path').map((p) => [p.name, fc.oneof(plausibleFor(p.name, p.schema, 0).map(String), extremeStrings)]),
          ),
        ),
        query: fc.record(Object.fromEntries(parameters.filter((p) => p.in === 'query').map((p) => [p.name, valueFor(p.name, p.schema)])), { requiredKeys: [] }),
        headers: fc.record(Object.fromEntries(parameters.filter((p) => p.in === 'header').map((p) => [p.name, headerValue(p.name)]))),
        authorization,
        body: operation.requestBody ? objectFor(operation.requestBody.content['application/json'].schema, 0) : fc.constant(undefined),
      });
      await fc.assert(
        fc.asyncProperty(request, async ({ path: pathValues, query, headers, authorization: auth, body }) => {
          const url = new URL(
            path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(wellFormed(String(pathValues[name] ?? '')))),
            server.baseUrl,
          );
          for (const [name, value] of Object.entries(query)) url.searchParams.set(name, typeof value === 'string' ? value : JSON.stringify(value));
          const sentHeaders: Record<string, string> = {};
          for (const [name, value] of Object.entries(headers)) if (typeof value === 'string') sentHeaders[name] = value.replace(/[^\t\x20-\x7e]/g, '?');
          if (auth !== undefined) sentHeaders.Authorization = auth.replace(/[^\t\x20-\x7e]/g, '?');
          if (body !== undefined) sentHeaders['Content-Type'] = 'application/json';
          const started = performance.now();
          sent++;
          let status = 0;
          try {
            const response = await fetch(url, {
              method,
              headers: sentHeaders,
              ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
              signal: AbortSignal.timeout(ANSWER_BOUND_MS),
            });
            status = response.status;
            await response.arrayBuffer();
          } catch (error) {
            failures.push(`${method} ${url.pathname}: no answer in ${String(ANSWER_BOUND_MS)} ms (${String(error)})`);
            return;
          }
          const elapsed = performance.now() - started;
          if (status >= 500) failures.push(`${method} ${url.pathname}${url.search.slice(0, 80)} → ${String(status)}`);
          if (elapsed > ANSWER_BOUND_MS) failures.push(`${method} ${url.pathname} took ${String(Math.round(elapsed))} ms`);
        }),
        { numRuns: RUNS_PER_OPERATION },
      );
    }
    expect(failures.slice(0, 20)).toEqual([]);
    // The server still answers after everything above.
    expect((await fetch(`${server.baseUrl}/api/v1/health`)).status).toBe(200);
    expect(sent).toBe(operations.length * RUNS_PER_OPERATION);
  });
});
