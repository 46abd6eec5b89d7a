import { setupServer } from 'msw/node';
import { handlers } from './handlers.ts';

/** For component tests: `server.use(...)` overrides a handler in one test. */
export const mockServer = setupServer(...handlers);
