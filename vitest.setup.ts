import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { installPracticeTransport } from './src/practice/install.ts';
import { freshMockHandlers, mockServer } from './mocks/node.ts';

// As the app does at start-up: requests made in practice mode go to the practice engine.
installPracticeTransport();

beforeAll(() => mockServer.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  // Back to the default handlers, over empty booking data.
  mockServer.resetHandlers(...freshMockHandlers());
  window.localStorage.clear();
  window.sessionStorage.clear();
});
afterAll(() => mockServer.close());
