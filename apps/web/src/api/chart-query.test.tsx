import type { ChartRecord } from "@rolemap/contract";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { CHART_ID, chartRecord } from "../test/editor-fixtures";
import { fakeApi } from "../test/render";
import { ApiClientProvider } from "./api-context";
import { chartQueryOptions, prefetchChart } from "./chart-query";
import { useChart } from "./hooks";
import { chartKeys } from "./query-keys";

const record = chartRecord();

/** A server that answers each request (a new object, as parsed JSON is) when told to. */
function setup() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const pending: (() => void)[] = [];
  const api = fakeApi({
    getChart: vi.fn(
      () =>
        new Promise<ChartRecord>((resolve) => pending.push(() => resolve(structuredClone(record)))),
    ),
  });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <ApiClientProvider client={api}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ApiClientProvider>
  );
  return { queryClient, api, wrapper, answer: () => pending.shift()?.() };
}

describe("prefetchChart", () => {
  it("fetches into the chart page's cache entry, with the page's fetcher", async () => {
    const { queryClient, api, answer } = setup();
    const prefetch = prefetchChart(queryClient, api, CHART_ID);
    expect(api.getChart).toHaveBeenCalledWith(CHART_ID, expect.any(AbortSignal));
    answer();
    await prefetch;
    expect(chartQueryOptions(api, CHART_ID).queryKey).toEqual(chartKeys.detail(CHART_ID));
    expect(queryClient.getQueryData(chartKeys.detail(CHART_ID))).toEqual(record);
  });

  it("is not fetched again when the page mounts after the answer", async () => {
    const { queryClient, api, wrapper, answer } = setup();
    const prefetch = prefetchChart(queryClient, api, CHART_ID);
    answer();
    await prefetch;
    const { result } = renderHook(() => useChart(CHART_ID), { wrapper });
    expect(result.current.data).toEqual(record);
    expect(result.current.isFetching).toBe(false);
    expect(api.getChart).toHaveBeenCalledTimes(1);
  });

  it("is shared with the page when the page mounts while it loads", async () => {
    const { queryClient, api, wrapper, answer } = setup();
    void prefetchChart(queryClient, api, CHART_ID);
    const { result } = renderHook(() => useChart(CHART_ID), { wrapper });
    expect(result.current.isPending).toBe(true);
    answer();
    await waitFor(() => expect(result.current.data).toEqual(record));
    expect(api.getChart).toHaveBeenCalledTimes(1);
  });

  it("leaves a visit after a save asking the server again, as before", async () => {
    const { queryClient, api, wrapper, answer } = setup();
    const prefetch = prefetchChart(queryClient, api, CHART_ID);
    answer();
    await prefetch;
    // A save puts the server's newer record in the cache (editor/use-chart-editor).
    queryClient.setQueryData(chartKeys.detail(CHART_ID), { ...record, version: 2 });
    const { result } = renderHook(() => useChart(CHART_ID), { wrapper });
    await waitFor(() => expect(result.current.isFetching).toBe(true));
    expect(api.getChart).toHaveBeenCalledTimes(2);
  });

  it("does not make the page's own answers fresh: the next visit asks again", async () => {
    const { api, wrapper, answer } = setup();
    const first = renderHook(() => useChart(CHART_ID), { wrapper });
    answer();
    await waitFor(() => expect(first.result.current.data).toEqual(record));
    first.unmount();
    const second = renderHook(() => useChart(CHART_ID), { wrapper });
    await waitFor(() => expect(second.result.current.isFetching).toBe(true));
    expect(api.getChart).toHaveBeenCalledTimes(2);
  });
});
