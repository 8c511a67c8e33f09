import { QueryClient } from "@tanstack/react-query";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { chartKeys } from "../api/query-keys";
import { CHART_ID, chartRecord } from "../test/editor-fixtures";
import { fakeApi } from "../test/render";
import { loadAuthPages, loadChartPage, loadHomePage } from "./lazy-pages";
import { chartIdOfPath, startFirstPage } from "./start-up";

vi.mock("./lazy-pages", () => ({
  loadChartPage: vi.fn(),
  loadHomePage: vi.fn(),
  loadAuthPages: vi.fn(),
}));

describe("chartIdOfPath", () => {
  it.each([
    [`/charts/${CHART_ID}`, CHART_ID],
    [`/charts/${CHART_ID}/`, CHART_ID],
    ["/charts/a%20b", "a b"],
    ["/charts/%E0%A4%A", null],
    ["/", null],
    ["/charts", null],
    ["/charts/a/b", null],
    ["/elsewhere", null],
  ])("%s → %s", (path, id) => {
    expect(chartIdOfPath(path)).toBe(id);
  });
});

describe("startFirstPage", () => {
  beforeEach(() => vi.clearAllMocks());

  it("starts loading a chart page's chart, into the page's cache entry, and its code", () => {
    const api = fakeApi({ getChart: vi.fn(async () => chartRecord()) });
    const queryClient = new QueryClient();
    startFirstPage(`/charts/${CHART_ID}`, queryClient, api);
    expect(api.getChart).toHaveBeenCalledWith(CHART_ID, expect.any(AbortSignal));
    expect(queryClient.getQueryState(chartKeys.detail(CHART_ID))?.fetchStatus).toBe("fetching");
    expect(loadChartPage).toHaveBeenCalled();
    expect(loadHomePage).not.toHaveBeenCalled();
  });

  it("starts loading the home page's code, and fetches nothing, on the home page", () => {
    const api = fakeApi();
    startFirstPage("/", new QueryClient(), api);
    expect(loadHomePage).toHaveBeenCalled();
    expect(api.getChart).not.toHaveBeenCalled();
  });

  it.each(["/sign-in", "/setup", "/s/token", "/invite/token"])(
    "starts loading the pages without a session's code on %s",
    (path) => {
      startFirstPage(path, new QueryClient(), fakeApi());
      expect(loadAuthPages).toHaveBeenCalled();
      expect(loadHomePage).not.toHaveBeenCalled();
    },
  );

  it("starts nothing on other pages", () => {
    const api = fakeApi();
    startFirstPage("/elsewhere", new QueryClient(), api);
    expect(loadChartPage).not.toHaveBeenCalled();
    expect(loadHomePage).not.toHaveBeenCalled();
    expect(loadAuthPages).not.toHaveBeenCalled();
    expect(api.getChart).not.toHaveBeenCalled();
  });
});
