import { QueryClient } from '@tanstack/react-query';
import { subscribePracticeMode } from './practice-mode.ts';

/**
 * The one cache of the API's answers in this tab. A module of its own, loaded with the first screen
 * that asks the server anything (src/app/QueryRoot.tsx), so the home screen's JavaScript does not
 * carry TanStack Query.
 */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: 1 } },
});

// Answers from the server and from practice data must never mix: any change of mode empties the
// cache, without refetching, so no practice booking is ever asked of the server.
subscribePracticeMode(() => {
  void queryClient.cancelQueries();
  queryClient.clear();
});
