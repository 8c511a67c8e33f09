import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError } from "../api/client";
import { reportIfUnauthenticated } from "../auth/session-events";

/**
 * Lists and charts are fresh for 10 s (a workshop room edits one chart, others watch);
 * answers the server gave on purpose (4xx) are not retried, failures (5xx, no network)
 * twice. Mutations are never retried by the library: the editor's save queue retries.
 * A 401 anywhere is reported (auth/session-events): the person is sent to sign in.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: reportIfUnauthenticated }),
    mutationCache: new MutationCache({ onError: reportIfUnauthenticated }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        gcTime: 5 * 60_000,
        retry: (failureCount, error) =>
          !(error instanceof ApiError && !error.isRetryable) && failureCount < 2,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
