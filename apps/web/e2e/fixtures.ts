import { readFileSync } from "node:fs";
import {
  type APIRequestContext,
  type BrowserContext,
  test as base,
  expect,
  type Locator,
  type Page,
  request as requests,
} from "@playwright/test";
import type {
  AccessLevel,
  Account,
  AdminAccountsResponse,
  ChartDocument,
  ChartListResponse,
  ChartRecord,
  CreatedLink,
  InviteListResponse,
  LinkAccess,
  Operation,
} from "@rolemap/contract";
import { OWNER, OWNER_TOKEN } from "./owner";

/** The browser state of someone signed in elsewhere: for `browser.newContext({ storageState })`. */
export type SignedInState = Awaited<ReturnType<APIRequestContext["storageState"]>>;

/** No cookies: a visitor who has never signed in (the config's default is the owner's). */
export const NOBODY: SignedInState = { cookies: [], origins: [] };

/**
 * Direct calls to the server under test, to arrange data and check what was stored. They
 * act as the owner, with the owner's API token (a Bearer request needs no Origin).
 */
export class RolemapApi {
  constructor(
    private readonly request: APIRequestContext,
    private readonly baseURL: string,
  ) {}

  /** Back to an instance with only the owner: other accounts and pending invites removed. */
  async deleteOtherAccounts(): Promise<void> {
    const accounts = await this.request.get("/api/admin/accounts");
    expect(accounts.ok()).toBe(true);
    for (const account of ((await accounts.json()) as AdminAccountsResponse).accounts)
      if (account.email !== OWNER.email)
        expect((await this.request.delete(`/api/admin/accounts/${account.id}`)).status()).toBe(204);
    const invites = await this.request.get("/api/admin/invites");
    for (const invite of ((await invites.json()) as InviteListResponse).invites)
      await this.request.delete(`/api/admin/invites/${invite.id}`);
  }

  /**
   * A new account, invited by the owner and signed up like a browser does; returns it with
   * its signed-in browser state.
   */
  async createAccount(
    name: string,
    email: string,
  ): Promise<{ account: Account; state: SignedInState }> {
    const invite = await this.request.post("/api/admin/invites", { data: { email } });
    expect(invite.status()).toBe(201);
    const { url } = (await invite.json()) as { url: string };
    const origin = new URL(this.baseURL).origin;
    const browser = await requests.newContext({
      baseURL: this.baseURL,
      extraHTTPHeaders: { Origin: origin },
    });
    try {
      const signup = await browser.post("/api/auth/signup", {
        data: { email, name, password: "a long enough password", invite: url.split("/").pop() },
      });
      expect(signup.status()).toBe(201);
      const { account } = (await signup.json()) as { account: Account };
      return { account, state: await browser.storageState() };
    } finally {
      await browser.dispose();
    }
  }

  async addMember(chartId: string, email: string, access: AccessLevel): Promise<void> {
    const response = await this.request.put(`/api/charts/${chartId}/members`, {
      data: { email, access },
    });
    expect(response.ok()).toBe(true);
  }

  async createLink(chartId: string, access: LinkAccess): Promise<CreatedLink> {
    const response = await this.request.post(`/api/charts/${chartId}/links`, { data: { access } });
    expect(response.status()).toBe(201);
    return (await response.json()) as CreatedLink;
  }

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

/**
 * Opens the header's account menu (administration, sign out) and returns its panel. Wait for
 * the page first: a loading frame's header is replaced by the page's, menu and all.
 */
export async function openAccountMenu(page: Page): Promise<Locator> {
  await page.getByTestId("account-button").click();
  const panel = page.getByTestId("account-panel");
  await expect(panel).toBeVisible();
  return panel;
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

/** Opens a browser context of its own (another person), closed after the test. */
export type NewContext = (
  state?: SignedInState,
) => Promise<{ context: BrowserContext; page: Page }>;

/** Someone else, in a browser of their own, opens a share link under `name`. */
export async function openAsGuest(newContext: NewContext, url: string, name: string) {
  const { page } = await newContext();
  await page.goto(url);
  const guestPage = page.getByTestId("guest-page");
  await expect(guestPage).toBeVisible();
  await guestPage.getByTestId("guest-name").fill(name);
  await guestPage.getByTestId("guest-continue").click();
  await expect(page).toHaveURL(/\/charts\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("chart-title")).toBeVisible();
  return page;
}

export const test = base.extend<{
  api: RolemapApi;
  home: HomePageModel;
  chartPage: ChartPageModel;
  newContext: NewContext;
  cspViolations: string[];
}>({
  // Every test starts from an instance with only the owner and no charts (tests run one at
  // a time, see the config).
  api: async ({ baseURL }, use) => {
    if (baseURL === undefined) throw new Error("no baseURL");
    const request = await requests.newContext({
      baseURL,
      extraHTTPHeaders: { Authorization: `Bearer ${readFileSync(OWNER_TOKEN, "utf8")}` },
    });
    const api = new RolemapApi(request, baseURL);
    await api.deleteAllCharts();
    await api.deleteOtherAccounts();
    await use(api);
    await request.dispose();
  },
  newContext: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (state = NOBODY) => {
      const context = await browser.newContext({ storageState: state });
      contexts.push(context);
      return { context, page: await context.newPage() };
    });
    for (const context of contexts) await context.close();
  },
  // The server's Content-Security-Policy must allow everything the app does: a violation
  // on the test's page fails the test.
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on("console", (message) => {
        if (message.text().includes("Content Security Policy")) violations.push(message.text());
      });
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
  home: async ({ page }, use) => use(new HomePageModel(page)),
  chartPage: async ({ page }, use) => use(new ChartPageModel(page)),
});

export { expect };

export const CHART_URL = /\/charts\/[0-9a-f-]{36}$/;
