import { afterAll, expect, vi } from 'vitest';
import { type ApiContract, matchPath, refusalsOf } from '../../domain/api-contract.ts';
import { readApiError } from '../../domain/api-error.ts';
import { apiContracts } from '../openapi.ts';

/**
 * Every answer an API test receives, checked against its endpoint's contract: a success matches the
 * contract's answer schema (with the contract's status), a refusal has a status the contract lists
 * and the ApiError shape. Call `checkContractAnswers()` at the top of a test file: it watches the
 * file's `fetch` calls to this API and fails the file in afterAll if any answer broke its contract,
 * or if none was checked at all (a check that saw nothing proves nothing).
 */
export function checkContractAnswers(): void {
  const problems: string[] = [];
  let checked = 0;
  const realFetch = globalThis.fetch;
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const response = await realFetch(input, init);
    const request = new Request(input, init);
    const contract = contractOf(request.method, new URL(request.url).pathname);
    if (contract) {
      checked++;
      const problem = await answerProblem(contract, response.clone());
      if (problem) problems.push(`${request.method} ${new URL(request.url).pathname} → ${String(response.status)}: ${problem}`);
    }
    return response;
  });
  afterAll(() => {
    spy.mockRestore();
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });
}

/** The contract a request is for; a literal path wins over one with parameters (`/reservations/lookup` over `/reservations/{code}`). */
function contractOf(method: string, pathname: string): ApiContract | undefined {
  return apiContracts
    .filter((contract) => contract.method === method && matchPath(contract, pathname) !== null)
    .sort((a, b) => Object.keys(matchPath(a, pathname) ?? {}).length - Object.keys(matchPath(b, pathname) ?? {}).length)[0];
}

/** What is wrong with an answer, or null when it keeps the contract. */
export async function answerProblem(contract: ApiContract, response: Response): Promise<string | null> {
  const { answer } = contract;
  const text = await response.text();
  const succeeded = response.status === answer.status || (answer.degraded !== undefined && response.status === 503);
  if (succeeded) {
    let body: unknown = text;
    if (!answer.mediaType) {
      try {
        body = JSON.parse(text);
      } catch {
        return 'the answer is not JSON';
      }
    }
    const parsed = answer.schema.safeParse(body);
    return parsed.success ? null : `the answer does not match the contract's schema: ${parsed.error.message}`;
  }
  if (!(response.status in refusalsOf(contract))) return `the contract does not list this status (it lists ${Object.keys(refusalsOf(contract)).join(', ')})`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'the refusal is not JSON';
  }
  return readApiError(body) ? null : 'the refusal is not in the ApiError shape';
}
