import type { QueryClient } from "@tanstack/react-query";
import { matchPath } from "react-router";
import { prefetchChart } from "../api/chart-query";
import type { ApiClient } from "../api/client";
import { isOpenPath } from "../auth/paths";
import { loadAuthPages, loadChartPage, loadHomePage } from "./lazy-pages";

export const HOME_ROUTE = "/";
export const CHART_ROUTE = "/charts/:id";

/** The chart id of a chart page's path, decoded as the page gets it (useParams), or null. */
export function chartIdOfPath(pathname: string): string | null {
  const id = matchPath(CHART_ROUTE, pathname)?.params.id;
  if (id === undefined) return null;
  try {
    return decodeURIComponent(id);
  } catch {
    return null;
  }
}

/**
 * Starts what the first page needs before React renders it, all at once: a chart page's
 * chart (into the cache entry the page reads) and the page's code. Otherwise the request
 * would wait for the code, and the code for React's first render.
 */
export function startFirstPage(pathname: string, queryClient: QueryClient, api: ApiClient): void {
  const chartId = chartIdOfPath(pathname);
  if (chartId !== null) {
    // The code first: the browser compiles and runs it while the server looks up the chart.
    void loadChartPage();
    void prefetchChart(queryClient, api, chartId);
  } else if (matchPath(HOME_ROUTE, pathname) !== null) void loadHomePage();
  // Sign in, setup, an invite or a share link: their page's code, so it does not show blank.
  else if (isOpenPath(pathname)) void loadAuthPages();
}
