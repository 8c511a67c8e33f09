import type { ChartRecord } from "@rolemap/contract";
import { type QueryClient, queryOptions } from "@tanstack/react-query";
import type { ApiClient } from "./client";
import { chartKeys } from "./query-keys";

/** As fresh as the app's other queries (app/query-client): time enough for the page to mount. */
const PREFETCH_FRESH_MS = 10_000;

/** Answers fetched by `prefetchChart`, to tell them from the page's own fetches. */
const prefetched = new WeakSet<ChartRecord>();

/** The one query of a chart: the chart page's (`useChart`) and the prefetch's. */
export function chartQueryOptions(api: ApiClient, id: string) {
  return queryOptions({
    queryKey: chartKeys.detail(id),
    queryFn: ({ signal }) => api.getChart(id, signal),
    // The editor keeps this entry current after every save (see editor/use-chart-editor), so
    // every visit asks the server again; but the prefetch's answer, fetched for this very
    // visit and not yet replaced by a save or a refetch, is not asked for twice.
    staleTime: ({ state }) =>
      state.dataUpdateCount === 1 && state.data !== undefined && prefetched.has(state.data)
        ? PREFETCH_FRESH_MS
        : 0,
  });
}

/**
 * Starts loading a chart before its page renders (main.tsx), into the cache entry the page
 * reads: the page finds it there, or still loading, and does not fetch it again.
 */
export function prefetchChart(queryClient: QueryClient, api: ApiClient, id: string): Promise<void> {
  return queryClient.prefetchQuery({
    ...chartQueryOptions(api, id),
    queryFn: async ({ signal }) => {
      const record = await api.getChart(id, signal);
      prefetched.add(record);
      return record;
    },
  });
}
