import { getResponse, HttpResponse } from 'msw';
import { errorBody } from '../src/domain/api-error.ts';
import { practiceStorageKey } from '../src/client/practice-mode.ts';
import { createHandlers } from './handlers.ts';
import { sessionPracticeStore } from './practice-store.ts';

/**
 * The practice mode's API, loaded by src/client/api-client.ts only while practice mode is on: the
 * same handlers as the tests and `dev:mock`, over this tab's practice data. A request no handler
 * answers is refused here; it never goes to the network.
 */
const handlers = createHandlers(sessionPracticeStore(practiceStorageKey('data')));

export async function answerInPractice(request: Request): Promise<Response> {
  return (
    (await getResponse(handlers, request)) ??
    HttpResponse.json(errorBody('not_found', '練習モードでは、この操作はできません。練習をおわってから、お試しください。'), { status: 404 })
  );
}
