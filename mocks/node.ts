import { setupServer } from 'msw/node';
import { createHandlers } from './handlers.ts';
import { memoryPracticeStore } from './practice-store.ts';

/** The data the default handlers book against in component tests; emptied after each test. */
export const mockStore = memoryPracticeStore();

/** For component tests: `server.use(...)` overrides a handler in one test. */
export const mockServer = setupServer(...createHandlers(mockStore));
