import { setupServer } from 'msw/node';
import { memoryStorage } from '../src/practice/practice-store.ts';
import { createHandlers } from './handlers.ts';

/** Handlers over empty booking data: each test starts from these (see vitest.setup.ts). */
export const freshMockHandlers = () => createHandlers(memoryStorage());

/** For component tests: `server.use(...)` overrides a handler in one test. */
export const mockServer = setupServer(...freshMockHandlers());
