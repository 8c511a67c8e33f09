import {
  type APIRequestContext,
  test as base,
  expect,
  type Locator,
  type Page,
} from "@playwright/test";
import type { ChartDocument, ChartListResponse, ChartRecord, Operation } from "@rolemap/contract";

/** Direct calls to the server under test, to arrange data and check what was stored. */
export class RolemapApi {
  constructor(private readonly request: APIRequestContext) {}

  async deleteAllCharts(): Promise<void> {
    for (;;) {
      const response = await this.request.get("/api/charts?limit=200");
      expect(response.ok()).toBe(true);
      const { charts } = (await response.json()) as ChartListResponse;
      if (charts.length === 0) return;
      for (const chart of charts) await this.request.delete(`/api/charts/${chart.id}`);
    }
  }

  async createChart(template: string, name?: string): Promise<ChartRecord> {
    const response = await this.request.post("/api/charts", {
      data: name === undefined ? { template } : { template, name },
    });
    expect(response.status()).toBe(201);
    return (await response.json()) as ChartRecord;
  }

  async createChartFrom(document: ChartDocument): Promise<ChartRecord> {
    const response = await this.request.post("/api/charts", { data: { document } });
    expect(response.status()).toBe(201);
    return (await response.json()) as ChartRecord;
  }

  async listCharts(): Promise<ChartListResponse> {
    const response = await this.request.get("/api/charts?limit=200");
    expect(response.ok()).toBe(true);
    return (await response.json()) as ChartListResponse;
  }

  async getChart(id: string): Promise<ChartRecord> {
    const response = await this.request.get(`/api/charts/${id}`);
    expect(response.ok()).toBe(true);
    return (await response.json()) as ChartRecord;
  }

  /** An edit by "someone else" (no version: applies to the latest chart). */
  async editElsewhere(id: string, operations: Operation[]): Promise<void> {
    const response = await this.request.post(`/api/charts/${id}/operations`, {
      data: { operations },
    });
    expect(response.ok()).toBe(true);
  }
}

/** The home page (`/`), by its data-testids. */
export class HomePageModel {
  readonly newChartButton: Locator;
  readonly importButton: Locator;
  readonly importDialog: Locator;
  readonly emptyState: Locator;
  readonly rows: Locator;
  readonly newChartDialog: Locator;
  readonly deleteDialog: Locator;
  readonly advisor: Locator;

  constructor(readonly page: Page) {
    this.newChartButton = page.getByTestId("new-chart-button");
    this.importButton = page.getByTestId("import-chart-button");
    this.importDialog = page.getByTestId("import-dialog");
    this.emptyState = page.getByTestId("empty-state");
    this.rows = page.getByTestId("chart-row");
    this.newChartDialog = page.getByTestId("new-chart-dialog");
    this.deleteDialog = page.getByTestId("delete-chart-dialog");
    this.advisor = page.getByTestId("advisor");
  }

  async goto() {
    await this.page.goto("/");
  }

  row(name: string): Locator {
    return this.rows.filter({
      has: this.page.getByTestId("chart-link").getByText(name, { exact: true }),
    });
  }
}

/** The chart page (`/charts/:id`), by its data-testids. */
export class ChartPageModel {
  readonly title: Locator;
  readonly titleInput: Locator;
  readonly saveStatus: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;
  readonly notice: Locator;
  readonly exportButton: Locator;
  readonly exportDialog: Locator;
  readonly importMatrixButton: Locator;
  readonly importDialog: Locator;

  constructor(readonly page: Page) {
    this.title = page.getByTestId("chart-title");
    this.titleInput = page.getByTestId("chart-title-input");
    this.saveStatus = page.getByTestId("save-status");
    this.undoButton = page.getByTestId("undo-button");
    this.redoButton = page.getByTestId("redo-button");
    this.notice = page.getByTestId("notice");
    this.exportButton = page.getByTestId("export-button");
    this.exportDialog = page.getByTestId("export-dialog");
    this.importMatrixButton = page.getByTestId("import-matrix-button");
    this.importDialog = page.getByTestId("import-dialog");
  }

  async goto(id: string) {
    await this.page.goto(`/charts/${id}`);
    await expect(this.title).toBeVisible();
  }

  async rename(name: string) {
    await this.title.click();
    await this.titleInput.fill(name);
    await this.titleInput.press("Enter");
    await expect(this.title).toHaveText(name);
  }

  async expectSaved() {
    await expect(this.saveStatus).toHaveAttribute("data-status", "saved");
  }
}

export const test = base.extend<{
  api: RolemapApi;
  home: HomePageModel;
  chartPage: ChartPageModel;
}>({
  // Every test starts from an empty database (tests run one at a time, see the config).
  api: async ({ request }, use) => {
    const api = new RolemapApi(request);
    await api.deleteAllCharts();
    await use(api);
  },
  home: async ({ page }, use) => use(new HomePageModel(page)),
  chartPage: async ({ page }, use) => use(new ChartPageModel(page)),
});

export { expect };

export const CHART_URL = /\/charts\/[0-9a-f-]{36}$/;
