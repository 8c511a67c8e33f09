import type { ChartListItem, ChartRecord, ImportPreview, TemplateSummary } from "@rolemap/contract";
import { listTemplates } from "@rolemap/domain";
import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import { MemoryRouter, useLocation } from "react-router";
import { vi } from "vitest";
import { AppProviders, AppRoutes } from "../App";
import { ApiClientProvider } from "../api/api-context";
import type { ApiClient, ExportedFile } from "../api/client";
import { loadChartPage, loadHomePage } from "../app/lazy-pages";
import { loadOperationChecks } from "../editor/lazy-operation-checks";
import { preloadInterchangeDialogs } from "../interchange/lazy-dialogs";

// The pages, dialogs and the editor's checks are lazy chunks. Load their code once, before
// any test renders, so no test's waiting time includes transforming it on demand (seconds
// on a busy machine), and edits are checked as they are once the page has been idle.
await Promise.all([
  loadChartPage(),
  loadHomePage(),
  preloadInterchangeDialogs(),
  loadOperationChecks(),
]);

/** An ApiClient whose every method is a vi.fn with a harmless default answer. */
export function fakeApi(overrides: Partial<ApiClient> = {}) {
  const api = {
    listCharts: vi.fn(async () => ({
      charts: [] as ChartListItem[],
      total: 0,
      limit: 100,
      offset: 0,
    })),
    getChart: vi.fn(async (): Promise<ChartRecord> => {
      throw new Error("getChart not faked");
    }),
    createChart: vi.fn(async (): Promise<ChartRecord> => {
      throw new Error("createChart not faked");
    }),
    deleteChart: vi.fn(async () => {}),
    postOperations: vi.fn(async (id: string) => ({
      id,
      version: 2,
      updatedAt: new Date().toISOString(),
      findings: [],
    })),
    getFindings: vi.fn(async () => ({ findings: [] })),
    listTemplates: vi.fn(async () => ({ templates: listTemplates() as TemplateSummary[] })),
    previewImport: vi.fn(async (): Promise<ImportPreview> => {
      throw new Error("previewImport not faked");
    }),
    importChart: vi.fn(async (): Promise<ChartRecord> => {
      throw new Error("importChart not faked");
    }),
    exportChart: vi.fn(async (): Promise<ExportedFile> => {
      throw new Error("exportChart not faked");
    }),
    ...overrides,
  };
  return api satisfies ApiClient;
}

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname}</output>;
}

/** The whole app at `path`, on a fake API, with a fresh cache that does not retry. */
export function renderApp(path: string, api: ApiClient = fakeApi(), extra?: ReactNode) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return render(
    <ApiClientProvider client={api}>
      <AppProviders queryClient={queryClient}>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes />
          <LocationProbe />
          {extra}
        </MemoryRouter>
      </AppProviders>
    </ApiClientProvider>,
  );
}

export function chartListItem(overrides: Partial<ChartListItem> = {}): ChartListItem {
  return {
    id: "4a8e7c1e-1d7b-4a55-9f0a-0d2f3c4b5a61",
    name: "Acme technology leadership",
    version: 3,
    updatedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    counts: { roles: 11, responsibilities: 18, errors: 2, warnings: 1, infos: 0 },
    ...overrides,
  };
}
