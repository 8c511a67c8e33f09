import { type BrowserContext, type Page, request } from "@playwright/test";
import type { ChartRecord, Operation } from "@rolemap/contract";
import { LIVE_SUBPROTOCOL } from "@rolemap/contract/constants";
import {
  expect,
  type NewContext,
  openAsGuest,
  type RolemapApi,
  type SignedInState,
  test,
} from "./fixtures";
import { OWNER } from "./owner";
import { RestartableServer } from "./restartable-server";
import { setUpOwner } from "./setup-owner";

/**
 * Live workshops (issue 16): three people in three browsers on one chart. Edits, presence,
 * follow and summon, the owner's lock, a server restart and an offline tab, a viewer link.
 */

/** What "at once" means for a peer's edit: it appears in the other browsers within this. */
const LIVE_MS = 1000;

const ADA = { name: "Ada Lovelace", email: "ada@example.com" };
const BEN = { name: "Ben Okafor", email: "ben@example.com" };

const card = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const indicator = (page: Page) => page.getByTestId("connection-indicator");
const saveStatus = (page: Page) => page.getByTestId("save-status");
const findingsToggle = (page: Page) => page.getByTestId("toggle-findings");
const cell = (page: Page, role: string, row: string) => page.getByTestId(`cell-${role}-${row}`);

async function expectLive(page: Page, timeout?: number) {
  await expect(indicator(page)).toHaveAttribute("data-status", "live", { timeout });
}

/** The time left of LIVE_MS since `editedAt`: the timeout of a check that a peer sees an edit. */
const within = (editedAt: number) => ({ timeout: Math.max(1, LIVE_MS - (Date.now() - editedAt)) });

/**
 * Renames a role on the canvas as a person does: open the card's editor, type, Enter.
 * Returns when the edit was made (for `within`).
 */
async function renameRole(page: Page, id: string, title: string): Promise<number> {
  // By the keyboard: a card near the canvas's edge may be under its toolbar for a pointer.
  await card(page, id).focus();
  await page.keyboard.press("Enter");
  const input = card(page, id).getByLabel("Title", { exact: true });
  await input.fill(title);
  await input.press("Enter");
  const editedAt = Date.now();
  await expect(card(page, id).getByLabel("Title", { exact: true })).toHaveCount(0);
  return editedAt;
}

/** Sets a matrix cell's code with its menu, as a person does; returns when. */
async function setCode(page: Page, role: string, row: string, code: string): Promise<number> {
  await cell(page, role, row).click();
  await page.getByTestId(`code-option-${code}`).click();
  const editedAt = Date.now();
  await expect(cell(page, role, row)).toHaveAttribute("data-codes", code);
  return editedAt;
}

/** React Flow's pan and zoom of a page's canvas. */
async function viewportOf(page: Page) {
  const style = await page.locator(".react-flow__viewport").getAttribute("style");
  const match = /translate\(([-\d.e]+)px, ([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(style ?? "");
  if (match === null) throw new Error(`no transform in ${style}`);
  return { x: Number(match[1]), y: Number(match[2]), zoom: Number(match[3]) };
}

/** Waits until `follower`'s view shows what `leader`'s shows (the windows are the same size). */
async function expectSameView(follower: Page, leader: Page, timeout = 3000) {
  await expect
    .poll(
      async () => {
        const [a, b] = [await viewportOf(follower), await viewportOf(leader)];
        return (
          Math.abs(a.x - b.x) <= 3 && Math.abs(a.y - b.y) <= 3 && Math.abs(a.zoom - b.zoom) <= 0.005
        );
      },
      { timeout, message: "the views should match" },
    )
    .toBe(true);
}

/** A point of the canvas's empty background (not a card, panel or line), in page pixels. */
async function emptyCanvasPoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.locator(".react-flow").evaluate((flow) => {
    const box = flow.getBoundingClientRect();
    for (let fy = 0.5; fy < 0.95; fy += 0.05)
      for (let fx = 0.3; fx < 0.9; fx += 0.05) {
        const x = box.left + box.width * fx;
        const y = box.top + box.height * fy;
        if (document.elementFromPoint(x, y)?.classList.contains("react-flow__pane"))
          return { x, y };
      }
    return null;
  });
  if (point === null) throw new Error("the canvas has no empty point");
  return point;
}

/** Pans the canvas by dragging its background, as a person does. */
async function pan(page: Page, dx: number, dy: number) {
  const from = await emptyCanvasPoint(page);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 10 });
  await page.mouse.up();
}

/** Zooms the canvas with the mouse wheel over its background. */
async function zoom(page: Page, deltaY: number) {
  const at = await emptyCanvasPoint(page);
  await page.mouse.move(at.x, at.y);
  await page.mouse.wheel(0, deltaY);
}

/**
 * Sends a batch over a live connection of the page's own (its cookies, its Origin), as a
 * client that skips the editor's checks would, and returns the server's `ack` or `reject`.
 */
async function sendOpsDirectly(page: Page, chartId: string, operations: Operation[]) {
  return page.evaluate(
    ({ chartId, operations, subprotocol }) =>
      new Promise<{ type: string; error?: { code: string } }>((resolve, reject) => {
        const url = `${location.origin.replace(/^http/, "ws")}/api/charts/${chartId}/live`;
        const socket = new WebSocket(url, subprotocol);
        const batch = crypto.randomUUID();
        const timer = setTimeout(() => reject(new Error("no answer to the batch")), 5000);
        socket.onopen = () =>
          socket.send(JSON.stringify({ type: "hello", since: null, client: crypto.randomUUID() }));
        socket.onclose = (event) => reject(new Error(`closed ${event.code} ${event.reason}`));
        socket.onmessage = (event) => {
          const message = JSON.parse(event.data as string);
          if (message.type === "welcome")
            socket.send(JSON.stringify({ type: "ops", batch, operations, base: message.version }));
          else if (
            (message.type === "ack" || message.type === "reject") &&
            message.batch === batch
          ) {
            clearTimeout(timer);
            socket.onclose = null;
            socket.close();
            resolve(message);
          }
        };
      }),
    { chartId, operations, subprotocol: LIVE_SUBPROTOCOL },
  );
}

interface Workshop {
  chart: ChartRecord;
  owner: Page;
  ada: Page;
  ben: Page;
}

/** The owner and two members who may edit, each in a browser of their own, on one chart. */
async function openWorkshop(api: RolemapApi, owner: Page, newContext: NewContext) {
  const chart = await api.createChart("classic-split", "Workshop");
  const people: Page[] = [];
  for (const person of [ADA, BEN]) {
    const { state } = await api.createAccount(person.name, person.email);
    await api.addMember(chart.id, person.email, "edit");
    people.push((await newContext(state)).page);
  }
  const [ada, ben] = people as [Page, Page];
  await Promise.all([owner, ada, ben].map((page) => page.goto(`/charts/${chart.id}`)));
  for (const page of [owner, ada, ben]) {
    await expectLive(page);
    await expect(page.getByTestId("people-here")).toHaveAttribute("data-count", "3");
    await expect(card(page, "ceo")).toBeVisible();
  }
  return { chart, owner, ada, ben } satisfies Workshop;
}

test.describe("a live workshop", () => {
  test("an edit in one browser appears in the other two within a second: cards, matrix and findings", async ({
    api,
    page,
    newContext,
  }) => {
    const { chart, owner, ada, ben } = await openWorkshop(api, page, newContext);

    // Ada renames a role on the canvas: the others' cards follow.
    let editedAt = await renameRole(ada, "cdo", "Chief Data & AI Officer");
    await Promise.all(
      [owner, ben].map((other) =>
        expect(card(other, "cdo")).toContainText("Chief Data & AI Officer", within(editedAt)),
      ),
    );

    // Ben makes a second accountable role in the matrix: the cell, the findings count and
    // the card's findings badge follow in the other two browsers.
    await expect(findingsToggle(owner)).toHaveText("Findings (0)");
    editedAt = await setCode(ben, "head-it-ops", "technology-vision", "A");
    await Promise.all(
      [owner, ada].map(async (other) => {
        await expect(cell(other, "head-it-ops", "technology-vision")).toHaveAttribute(
          "data-codes",
          "A",
          within(editedAt),
        );
        await expect(findingsToggle(other)).toHaveText("Findings (1)", within(editedAt));
        await expect(card(other, "head-it-ops").getByTestId("role-findings")).toContainText(
          "1",
          within(editedAt),
        );
      }),
    );
    await expect(findingsToggle(ben)).toHaveText("Findings (1)");

    // The owner clears it with the keyboard; everyone's findings follow.
    await cell(owner, "head-it-ops", "technology-vision").click();
    await owner.keyboard.press("Escape");
    await owner.keyboard.press("Delete");
    editedAt = Date.now();
    await Promise.all(
      [ada, ben].map(async (other) => {
        await expect(cell(other, "head-it-ops", "technology-vision")).toHaveAttribute(
          "data-codes",
          "",
          within(editedAt),
        );
        await expect(findingsToggle(other)).toHaveText("Findings (0)", within(editedAt));
      }),
    );

    for (const each of [owner, ada, ben])
      await expect(saveStatus(each)).toHaveAttribute("data-status", "saved");
    const stored = await api.getChart(chart.id);
    expect(stored.document.roles.find((role) => role.id === "cdo")?.title).toBe(
      "Chief Data & AI Officer",
    );
    expect(stored.version).toBe(chart.version + 3);
  });

  test("presence: who is here, a peer's cursor and the cards others select", async ({
    api,
    page,
    newContext,
  }) => {
    const { owner, ada, ben } = await openWorkshop(api, page, newContext);

    // Who is here: avatars in the header, names in the list.
    for (const name of [ADA.name, BEN.name])
      await expect(owner.locator(`[data-testid="peer-avatar"][data-peer="${name}"]`)).toBeVisible();
    await expect(
      ada.locator(`[data-testid="peer-avatar"][data-peer="${OWNER.name}"]`),
    ).toBeVisible();
    await owner.getByTestId("people-here").click();
    const list = owner.getByTestId("people-list");
    await expect(list.getByTestId("person")).toHaveCount(2);
    await expect(list.locator(`[data-testid="person"][data-peer="${ADA.name}"]`)).toBeVisible();
    await expect(list.locator(`[data-testid="person"][data-peer="${BEN.name}"]`)).toBeVisible();
    await owner.keyboard.press("Escape");
    await expect(list).toBeHidden();

    // Ada's pointer over the canvas: the others see her cursor where she points.
    const adaCursor = (other: Page) =>
      other.locator(`[data-testid="peer-cursor"][data-peer="${ADA.name}"]`);
    await expect(adaCursor(owner)).toBeHidden();
    const target = await emptyCanvasPoint(ada);
    await ada.mouse.move(target.x - 40, target.y - 40);
    await ada.mouse.move(target.x, target.y, { steps: 5 });
    await Promise.all(
      [owner, ben].map((other) => expect(adaCursor(other)).toBeVisible({ timeout: LIVE_MS })),
    );
    // The same window size and view: the cursor's tip is where Ada's pointer is.
    await expect
      .poll(async () => {
        const box = await adaCursor(owner).boundingBox();
        return box === null ? null : Math.hypot(box.x - target.x, box.y - target.y) < 12;
      })
      .toBe(true);

    // Ben selects a card: a ring with his name on it for the others, not for himself.
    await card(ben, "cio").getByTestId("role-card").click();
    await Promise.all(
      [owner, ada].map((other) =>
        expect(card(other, "cio").getByTestId("peer-selection")).toHaveAttribute(
          "data-peers",
          BEN.name,
          { timeout: LIVE_MS },
        ),
      ),
    );
    await expect(card(ben, "cio").getByTestId("peer-selection")).toHaveCount(0);
    await expect(owner.getByTestId("peer-selection")).toHaveCount(1);

    // He selects another: the ring moves.
    await card(ben, "cto").getByTestId("role-card").click();
    await expect(card(owner, "cto").getByTestId("peer-selection")).toHaveAttribute(
      "data-peers",
      BEN.name,
      { timeout: LIVE_MS },
    );
    await expect(card(owner, "cio").getByTestId("peer-selection")).toHaveCount(0);

    // Ben goes to the home page: a few seconds later he is gone from the others' lists.
    await ben.goto("/");
    await expect(owner.getByTestId("people-here")).toHaveAttribute("data-count", "2");
    await expect(owner.getByTestId("peer-selection")).toHaveCount(0);
    // Ada closes her tab: gone at once.
    await ada.close();
    await expect(owner.getByTestId("people-here")).toHaveAttribute("data-count", "1");
  });

  test("follow a person's view, and bring everyone to mine", async ({ api, page, newContext }) => {
    const { owner, ada, ben } = await openWorkshop(api, page, newContext);

    // The owner follows Ada.
    await owner.getByTestId("people-here").click();
    await owner.getByTestId(`follow-${ADA.name}`).click();
    await expect(owner.getByTestId("follow-status")).toContainText(`Following ${ADA.name}`);

    // Ada zooms in and pans: the owner's view moves with hers; Ben's stays.
    const bensView = await viewportOf(ben);
    await zoom(ada, -400);
    await pan(ada, -180, -120);
    const adasView = await viewportOf(ada);
    expect(adasView.zoom).not.toBeCloseTo(bensView.zoom, 2);
    await expectSameView(owner, ada);
    expect(await viewportOf(ben)).toEqual(bensView);
    await pan(ada, 150, 60);
    await expectSameView(owner, ada);

    // The owner pans himself: that ends the following.
    await pan(owner, 60, 40);
    await expect(owner.getByTestId("follow-status")).not.toContainText("Following");
    const ownersView = await viewportOf(owner);
    await pan(ada, -100, 0);
    await expect.poll(() => viewportOf(owner)).toEqual(ownersView);

    // Ben zooms out somewhere else and brings everyone to his view.
    await zoom(ben, 300);
    await pan(ben, 200, 100);
    await ben.getByTestId("summon-button").click();
    await expectSameView(owner, ben);
    await expectSameView(ada, ben);
    await expect(ada.getByTestId("follow-status")).toContainText(
      `${BEN.name} brought everyone to their view`,
    );
  });

  test("the owner's lock: the others see it and cannot edit until it is lifted", async ({
    api,
    page,
    newContext,
  }) => {
    const { chart, owner, ada, ben } = await openWorkshop(api, page, newContext);
    await expect(ada.getByTestId("palette")).toBeVisible();

    await owner.getByTestId("lock-toggle").click();
    await expect(owner.getByTestId("lock-toggle")).toHaveAttribute("data-locked", "true");
    for (const other of [ada, ben]) {
      await expect(other.getByTestId("locked-badge")).toBeVisible({ timeout: LIVE_MS });
      await expect(other.getByTestId("lock-toggle")).toHaveCount(0);
    }
    await expect(owner.getByTestId("locked-badge")).toHaveCount(0);

    // Ada's canvas and matrix are read-only: no palette, no card editor, no code typed.
    await expect(ada.getByTestId("palette")).toHaveCount(0);
    await expect(card(ada, "cio")).not.toHaveClass(/\bdraggable\b/);
    await card(ada, "cio").getByTestId("role-card").dblclick();
    await expect(card(ada, "cio").getByRole("form")).toHaveCount(0);
    await expect(ada.getByTestId("matrix-grid")).toHaveAttribute("aria-readonly", "true");
    const adaCell = cell(ada, "head-it-ops", "technology-vision");
    await adaCell.click();
    await expect(ada.getByTestId("cell-menu")).toHaveCount(0);
    await adaCell.press("a");
    await expect(adaCell).toHaveAttribute("data-codes", "");
    // A batch sent past the editor is refused by the server.
    const answer = await sendOpsDirectly(ada, chart.id, [
      { op: "updateRole", id: "cio", changes: { holder: "Sneaky" } },
    ]);
    expect(answer).toMatchObject({ type: "reject", error: { code: "locked" } });
    expect((await api.getChart(chart.id)).version).toBe(chart.version);

    // The owner still edits, and everyone sees it.
    const ownersEdit = await renameRole(owner, "ciso", "Chief Security Officer");
    await expect(card(ada, "ciso")).toContainText("Chief Security Officer", within(ownersEdit));

    // Unlocked: Ada edits again.
    await owner.getByTestId("lock-toggle").click();
    await expect(owner.getByTestId("lock-toggle")).toHaveAttribute("data-locked", "false");
    for (const other of [ada, ben])
      await expect(other.getByTestId("locked-badge")).toHaveCount(0, { timeout: LIVE_MS });
    await expect(ada.getByTestId("palette")).toBeVisible();
    const adasEdit = await renameRole(ada, "cio", "Chief Digital Officer");
    await expect(card(ben, "cio")).toContainText("Chief Digital Officer", within(adasEdit));
    await expect(saveStatus(ada)).toHaveAttribute("data-status", "saved");
    const stored = await api.getChart(chart.id);
    expect(stored.version).toBe(chart.version + 2);
    expect(stored.document.roles.find((role) => role.id === "cio")).toMatchObject({
      title: "Chief Digital Officer",
      holder: chart.document.roles.find((role) => role.id === "cio")?.holder,
    });
  });

  test("a viewer link sees edits live and cannot make any", async ({ api, page, newContext }) => {
    const chart = await api.createChart("classic-split", "Shown to viewers");
    const link = await api.createLink(chart.id, "view");
    await page.goto(`/charts/${chart.id}`);
    await expectLive(page);
    const viewer = await openAsGuest(newContext, link.url, "Vic Viewer");
    // Live: each sees the other.
    await expect(viewer.getByTestId("people-here")).toHaveAttribute("data-count", "2");
    await expect(page.getByTestId("people-here")).toHaveAttribute("data-count", "2");
    await expect(viewer.getByTestId("access-badge")).toHaveText("View only");
    await expect(page.locator('[data-testid="peer-avatar"][data-peer="Vic Viewer"]')).toBeVisible();

    // The owner's edits reach the viewer at once.
    let editedAt = await renameRole(page, "cdo", "Chief Data Officer (interim)");
    await expect(card(viewer, "cdo")).toContainText(
      "Chief Data Officer (interim)",
      within(editedAt),
    );
    editedAt = await setCode(page, "head-it-ops", "technology-vision", "A");
    await expect(cell(viewer, "head-it-ops", "technology-vision")).toHaveAttribute(
      "data-codes",
      "A",
      within(editedAt),
    );
    await expect(findingsToggle(viewer)).toHaveText("Findings (1)", within(editedAt));

    // The viewer has no way to edit, summon or lock.
    for (const control of ["palette", "summon-button", "lock-toggle", "undo-button"])
      await expect(viewer.getByTestId(control)).toHaveCount(0);
    await card(viewer, "cio").getByTestId("role-card").dblclick();
    await expect(card(viewer, "cio").getByRole("form")).toHaveCount(0);
    const viewerCell = cell(viewer, "cio", "technology-vision");
    const codes = await viewerCell.getAttribute("data-codes");
    await viewerCell.click();
    await viewerCell.press("Delete");
    await expect(viewerCell).toHaveAttribute("data-codes", codes ?? "");
    // Nor past the editor: the server refuses the batch.
    const answer = await sendOpsDirectly(viewer, chart.id, [
      { op: "updateRole", id: "cio", changes: { holder: "Vic" } },
    ]);
    expect(answer).toMatchObject({ type: "reject", error: { code: "forbidden" } });
    await expect(saveStatus(page)).toHaveAttribute("data-status", "saved");
    expect((await api.getChart(chart.id)).version).toBe(chart.version + 2);
  });

  test("an edit made while the live connection is blocked is kept in the browser, survives a reload and is saved once", async ({
    api,
    page,
  }) => {
    const chart = await api.createChart("classic-split", "Blocked");
    let isBlocked = true;
    // The page loads over HTTP; its live WebSocket is refused while blocked.
    await page.routeWebSocket(/\/api\/charts\/[^/]+\/live$/, (socket) => {
      if (isBlocked) void socket.close({ code: 1011, reason: "blocked by the test" });
      else socket.connectToServer();
    });
    await page.goto(`/charts/${chart.id}`);
    await expect(card(page, "cdo")).toBeVisible();
    await expect(indicator(page)).not.toHaveAttribute("data-status", "live");

    await renameRole(page, "cdo", "Kept Offline Officer");
    await expect(saveStatus(page)).toContainText("1 change waiting");
    await expect(indicator(page).locator("[title]").first()).toHaveAttribute(
      "title",
      /kept in this browser/,
    );

    // A reload, still blocked: the edit comes back from IndexedDB.
    await page.reload();
    await expect(card(page, "cdo")).toContainText("Kept Offline Officer");
    await expect(saveStatus(page)).toContainText("1 change waiting");
    expect((await api.getChart(chart.id)).version).toBe(chart.version);

    // The connection is let through: the edit is saved, once.
    isBlocked = false;
    // The next try comes within the back-off's 5 s.
    await expectLive(page, 10_000);
    await expect(saveStatus(page)).toHaveAttribute("data-status", "saved");
    let stored = await api.getChart(chart.id);
    expect(stored.version).toBe(chart.version + 1);
    expect(stored.document.roles.find((role) => role.id === "cdo")?.title).toBe(
      "Kept Offline Officer",
    );

    // The next visit sends nothing again.
    await page.reload();
    await expectLive(page);
    await expect(saveStatus(page)).toHaveAttribute("data-status", "saved");
    await expect(card(page, "cdo")).toContainText("Kept Offline Officer");
    stored = await api.getChart(chart.id);
    expect(stored.version).toBe(chart.version + 1);
  });

  test("offline: the indicator says so, the edit waits and is sent once the network is back", async ({
    api,
    page,
    newContext,
  }) => {
    const chart = await api.createChart("classic-split", "Offline");
    const { page: other } = await newContext(
      (await page.context().storageState()) as SignedInState,
    );
    await Promise.all([page, other].map((each) => each.goto(`/charts/${chart.id}`)));
    await expectLive(page);
    await expectLive(other);

    await page.context().setOffline(true);
    await expect(indicator(page)).toHaveAttribute("data-status", "offline");
    await renameRole(page, "ciso", "Offline Security Officer");
    await expect(saveStatus(page)).toHaveText(/1 change kept in this browser/);
    await expect(saveStatus(page)).toHaveAttribute("data-status", "offline");

    await page.context().setOffline(false);
    await expectLive(page, 10_000);
    await expect(saveStatus(page)).toHaveAttribute("data-status", "saved");
    await expect(card(other, "ciso")).toContainText("Offline Security Officer");
    expect((await api.getChart(chart.id)).version).toBe(chart.version + 1);
  });
});

// ---- a server of the tests' own, restarted under the open pages ----

const RESTART_PORT = Number(
  process.env.E2E_RESTART_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 57,
);

test.describe("the server restarts under open tabs", () => {
  // One server for both tests (its first start, an empty database, takes ~10 s); each test
  // stops and starts it again and leaves it running.
  const server = new RestartableServer(RESTART_PORT);
  let owner: Awaited<ReturnType<typeof setUpOwner>>;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    await server.start();
    owner = await setUpOwner(
      server.baseURL,
      { email: "restart@example.com", name: "Rita Restart", password: "restart password" },
      "restart test",
    );
  });
  test.afterAll(() => server.dispose());

  /** The owner's API call to the server (Bearer token); its answer's JSON. */
  const call = async (method: "GET" | "POST", path: string, data?: object) => {
    const client = await request.newContext({
      baseURL: server.baseURL,
      extraHTTPHeaders: { Authorization: owner.authorization },
      timeout: 10_000,
    });
    try {
      const response = await client.fetch(path, { method, data });
      expect(response.ok(), `${method} ${path}: ${response.status()}`).toBe(true);
      return (await response.json()) as ChartRecord;
    } finally {
      await client.dispose();
    }
  };

  for (const signal of ["SIGTERM", "SIGKILL"] as const)
    test(`${signal}: the tabs reconnect; an edit made meanwhile is stored once, one acknowledged before is kept`, async ({
      browser,
    }) => {
      test.setTimeout(60_000);
      const chart = await call("POST", "/api/charts", {
        template: "classic-split",
        name: `Restarted by ${signal}`,
      });
      const contexts: BrowserContext[] = [];
      try {
        const tabs: Page[] = [];
        for (let i = 0; i < 2; i++) {
          const context = await browser.newContext({
            baseURL: server.baseURL,
            storageState: owner.storageState,
          });
          contexts.push(context);
          const tab = await context.newPage();
          await tab.goto(`/charts/${chart.id}`);
          tabs.push(tab);
        }
        const [a, b] = tabs as [Page, Page];
        for (const tab of tabs) {
          await expectLive(tab);
          await expect(tab.getByTestId("people-here")).toHaveAttribute("data-count", "2");
        }

        // An edit acknowledged just before the stop is durable, whatever the signal.
        await renameRole(b, "head-product", "Acknowledged Before");
        await expect(saveStatus(b)).toHaveAttribute("data-status", "saved");
        await expect(card(a, "head-product")).toContainText("Acknowledged Before");

        await server.stop(signal);
        for (const tab of tabs)
          await expect(indicator(tab)).toHaveAttribute("data-status", /reconnecting|offline/);
        await renameRole(a, "cdo", "Renamed While Down");
        await expect(saveStatus(a)).toContainText("1 change waiting");
        await expect(card(a, "cdo")).toContainText("Renamed While Down");
        await expect(card(b, "cdo")).not.toContainText("Renamed While Down");

        await server.start();
        // Back-off: at most 5 s between tries.
        for (const tab of tabs) await expectLive(tab, 10_000);
        await expect(saveStatus(a)).toHaveAttribute("data-status", "saved");
        await expect(card(b, "cdo")).toContainText("Renamed While Down", { timeout: LIVE_MS });
        const after = await call("GET", `/api/charts/${chart.id}`);
        const title = (id: string) => after.document.roles.find((role) => role.id === id)?.title;
        expect(title("cdo")).toBe("Renamed While Down");
        expect(title("head-product")).toBe("Acknowledged Before");
        expect(after.version, "each edit is stored exactly once").toBe(chart.version + 2);
        await expect(b.getByTestId("people-here")).toHaveAttribute("data-count", "2");

        // And the restarted server is live as before.
        const editedAt = await renameRole(b, "ciso", "After The Restart");
        await expect(card(a, "ciso")).toContainText("After The Restart", within(editedAt));
      } finally {
        for (const context of contexts) await context.close();
      }
    });
});
