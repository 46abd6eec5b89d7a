import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusalsOf } from '../domain/api-contract.ts';
import { counterContracts } from '../domain/booking-contracts.ts';
import { healthContracts } from '../domain/health-contracts.ts';
import { apiContracts } from './openapi.ts';
import { hashWithScrypt } from './scrypt-hash.ts';
import { answerProblem } from './testing/contract-answers.ts';
import { registeredRoutes } from './testing/registered-routes.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';

/**
 * One contract per endpoint, both ways: every route the server registers under /api/v1 has its
 * contract (src/domain/*-contracts.ts), every contract has its route, and the OpenAPI document has
 * every contract's operation with every answer it may give.
 */
let server: TestServer;
let document: { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>> };

beforeAll(async () => {
  server = await startTestServer({ kioskPinHash: await hashWithScrypt('482916') });
  document = (await (await fetch(`${server.baseUrl}/api/openapi.json`)).json()) as typeof document;
});
afterAll(async () => {
  await server.close();
});

const endpointOf = (contract: { method: string; path: string }) => `${contract.method} ${contract.path}`;

describe('the API contracts', () => {
  it('are one per endpoint: no method and path is written twice', () => {
    const endpoints = apiContracts.map(endpointOf);
    expect(endpoints.length).toBeGreaterThanOrEqual(70);
    expect(endpoints.filter((endpoint, index) => endpoints.indexOf(endpoint) !== index)).toEqual([]);
  });

  it('match the routes the server registers, both ways', () => {
    const registered = registeredRoutes(server.app).filter((route) => route.includes(' /api/v1/') && !route.startsWith('HEAD '));
    const contracted = apiContracts.map(endpointOf);
    expect(registered.filter((route) => !contracted.includes(route))).toEqual([]);
    expect(contracted.filter((endpoint) => !registered.includes(endpoint))).toEqual([]);
  });

  it('each appear in the OpenAPI document with every answer they may give, the success with its schema', () => {
    for (const contract of apiContracts) {
      const operation = document.paths[contract.path]?.[contract.method.toLowerCase()];
      expect(operation, endpointOf(contract)).toBeDefined();
      const statuses = [String(contract.answer.status), ...(contract.answer.degraded ? ['503'] : []), ...Object.keys(refusalsOf(contract))].sort();
      expect(Object.keys(operation?.responses ?? {}).sort(), endpointOf(contract)).toEqual(statuses);
      const success = operation?.responses[String(contract.answer.status)]?.content?.[contract.answer.mediaType ?? 'application/json'];
      expect(success?.schema, endpointOf(contract)).toBeDefined();
    }
  });
});

describe("the server's own refusals", () => {
  it('are in the contract of the endpoint they stop: a body too large, not JSON or unreadable, and the rate limit', async () => {
    const limited = await startTestServer({ rateLimitPerMinute: 4 });
    try {
      const book = counterContracts.book;
      const send = (body: string, contentType = 'application/json') =>
        fetch(`${limited.baseUrl}${book.path}`, { method: 'POST', headers: { 'Content-Type': contentType }, body });
      const answers = [
        await send(JSON.stringify({ name: 'あ'.repeat(100_000) })),
        await send('name=とうがね', 'application/x-www-form-urlencoded'),
        await send('{"name":'),
        await send('{}'),
        await send('{}'),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([413, 415, 400, 400, 429]);
      for (const answer of answers) expect(await answerProblem(book, answer)).toBeNull();
      // The health check is not counted, so it still answers.
      const health = await fetch(`${limited.baseUrl}${healthContracts.health.path}`);
      expect(health.status).toBe(200);
      expect(refusalsOf(healthContracts.health)).not.toHaveProperty('429');
    } finally {
      await limited.close();
    }
  });
});
