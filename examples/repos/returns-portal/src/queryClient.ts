import { QueryClient } from '@tanstack/react-query';

// Server state lives in the query cache: no createStore or configureStore
// here (ADR-012). Returns are refetched when the window regains focus.
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { staleTime: 30_000 } },
  });
}
