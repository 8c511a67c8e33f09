import type { Locator, Page } from "@playwright/test";
import { expect, type NewContext, type RolemapApi, test } from "./fixtures";
import { OWNER } from "./owner";

/**
 * Comments and history (issue 18): two people argue on a matrix cell, live; the owner walks
 * the history back, looks at an old version read-only and restores it.
 */

const BEN = { name: "Ben Okafor", email: "ben@example.com" };

const cell = (page: Page, role: string, row: string) => page.getByTestId(`cell-${role}-${row}`);
const card = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const panel = (page: Page) => page.getByTestId("comments-panel");
const threads = (page: Page) => panel(page).getByTestId("comment-thread");

/** Opens the comments panel by its tab in the side column. */
async function openComments(page: Page) {
  await page.getByTestId("side-tab-comments").click();
  await expect(panel(page)).toBeVisible();
}

/** Every control inside has a name a screen reader says. */
async function expectLabelled(region: Locator) {
  for (const control of await region.locator("button, textarea, [role=option]").all())
    await expect(control).toHaveAccessibleName(/\S/);
}

/** Ben, a member who may comment, in a browser of his own, on the chart. */
async function benOn(api: RolemapApi, chartId: string, newContext: NewContext) {
  const { state } = await api.createAccount(BEN.name, BEN.email);
  await api.addMember(chartId, BEN.email, "comment");
  const { page } = await newContext(state);
  await page.goto(`/charts/${chartId}`);
  await expect(page.getByTestId("chart-title")).toBeVisible();
  return page;
}

test.describe("comments", () => {
  test("a comment on a matrix cell reaches another browser live; reply and resolve", async ({
    api,
    chartPage,
    page,
    newContext,
  }) => {
    const chart = await api.createChart("classic-split", "Comments");
    await chartPage.goto(chart.id);
    const ben = await benOn(api, chart.id, newContext);
    await expect(ben.getByTestId("connection-indicator")).toHaveAttribute("data-status", "live");

    // The owner selects a cell (its code menu opens: Escape closes it, the cell stays chosen).
    await cell(page, "cio", "it-strategy").click();
    await page.keyboard.press("Escape");
    await openComments(page);
    await expect(panel(page).getByTestId("comments-scope")).toHaveText(
      "On Chief Information Officer · IT strategy and planning",
    );
    await expect(panel(page).getByTestId("comments-empty")).toBeVisible();

    // Plain Enter is a new line; Ctrl+Enter sends. Markup is text.
    const field = panel(page).getByTestId("new-comment").getByTestId("comment-field");
    await field.fill("Should the CIO really be accountable here?");
    await field.press("Enter");
    await field.pressSequentially("<b>not bold</b>");
    await field.press("Control+Enter");
    await expect(threads(page)).toHaveCount(1);
    const body = threads(page).getByTestId("comment-body").first();
    await expect(body).toHaveText("Should the CIO really be accountable here?\n<b>not bold</b>");
    await expect(body.locator("b")).toHaveCount(0);
    await expect(field).toHaveValue("");

    // Ben sees the marker on the cell without reloading, and opens its thread from it.
    const badge = cell(ben, "cio", "it-strategy").getByTestId("comment-badge");
    await expect(badge).toHaveAttribute("data-count", "1");
    await expect(ben.getByTestId("side-tab-comments")).toHaveText("Comments 1");
    await badge.click();
    await expect(panel(ben).getByTestId("comments-scope")).toHaveText(
      "On Chief Information Officer · IT strategy and planning",
    );
    await expect(threads(ben)).toHaveCount(1);
    // A commenter may not change the chart: the cell opens no code menu.
    await expect(ben.getByTestId("cell-menu")).toHaveCount(0);

    // Ben replies, mentioning a role by name with the keyboard.
    await threads(ben).getByTestId("comment-reply-button").click();
    const reply = threads(ben).getByTestId("reply-composer").getByTestId("comment-field");
    await reply.pressSequentially("I think @chief te");
    const suggestions = threads(ben).getByTestId("mention-suggestions");
    await expect(suggestions.getByRole("option").first()).toHaveText("@Chief Technology Officer");
    await reply.press("Enter");
    await expect(reply).toHaveValue("I think @Chief Technology Officer ");
    await reply.pressSequentially("should be.");
    await reply.press("Control+Enter");

    // The owner sees the reply live, with the mention as a button that selects the role.
    const mention = threads(page).getByTestId("comment-mention");
    await expect(mention).toHaveText("@Chief Technology Officer");
    await mention.click();
    await expect(card(page, "cto").getByTestId("role-card")).toHaveAttribute(
      "data-selected",
      "true",
    );
    // The panel stays on the cell's threads.
    await expect(panel(page).getByTestId("comments-scope")).toHaveText(
      "On Chief Information Officer · IT strategy and planning",
    );

    await expectLabelled(panel(page));
    // The owner resolves the thread: it leaves Ben's open list and his marker goes.
    await threads(page).getByTestId("comment-resolve-button").click();
    await expect(threads(page)).toHaveCount(0);
    await expect(badge).toHaveCount(0);
    await expect(threads(ben)).toHaveCount(0);
    await panel(ben).getByTestId("comments-filter-resolved").click();
    await expect(threads(ben)).toHaveCount(1);
    await expect(threads(ben).getByTestId("comment-resolved-note")).toContainText(
      `Resolved by ${OWNER.name}`,
    );
    await expect(threads(ben).getByTestId("comment")).toHaveCount(2);

    // By the keyboard, read-only: arrows move in the matrix, Enter chooses the cell.
    await cell(ben, "cio", "it-strategy").focus();
    await ben.keyboard.press("ArrowRight");
    await ben.keyboard.press("Enter");
    await expect(panel(ben).getByTestId("comments-scope")).toHaveText(
      "On Chief Information Security Officer · IT strategy and planning",
    );
  });
});

test.describe("history", () => {
  test("walks back to an old version read-only and restores it as a new version", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split", "History");
    await api.editElsewhere(chart.id, [
      { op: "updateRole", id: "cto", changes: { title: "Chief Product Technologist" } },
    ]);
    await api.editElsewhere(chart.id, [{ op: "removeRole", id: "head-product" }]);
    await chartPage.goto(chart.id);
    const title = card(page, "cto").getByTestId("role-card");
    await expect(title).toContainText("Chief Product Technologist");
    await expect(card(page, "head-product")).toHaveCount(0);

    await page.getByTestId("side-tab-history").click();
    const history = page.getByTestId("history-panel");
    const rows = history.getByTestId("version-row");
    await expect(rows.first()).toHaveAttribute("data-version", "3");
    await expect(rows.first()).toHaveAttribute("aria-pressed", "true");

    // Version 1, as the chart was created: the old title and role, read-only.
    await history.locator('[data-testid="version-row"][data-version="1"]').click();
    const banner = page.getByTestId("version-preview-banner");
    await expect(banner).toContainText("Viewing version 1");
    await expect(banner).toContainText("read-only");
    await expect(title).toContainText("Chief Technology Officer");
    await expect(card(page, "head-product")).toHaveCount(1);
    await expect(page.getByTestId("undo-button")).toHaveCount(0);
    // No edits: a double click opens no editor, a matrix cell opens no menu.
    await title.dblclick();
    await expect(card(page, "cto").getByLabel("Title", { exact: true })).toHaveCount(0);
    await cell(page, "cio", "it-strategy").click();
    await expect(page.getByTestId("cell-menu")).toHaveCount(0);

    await expectLabelled(history);
    await expectLabelled(banner);
    // Escape is back to now; choose it again and restore.
    await page.keyboard.press("Escape");
    await expect(banner).toHaveCount(0);
    await expect(title).toContainText("Chief Product Technologist");
    await history.locator('[data-testid="version-row"][data-version="1"]').click();
    await expect(banner).toContainText("Viewing version 1");
    await banner.getByTestId("restore-version-button").click();
    const dialog = page.getByTestId("restore-dialog");
    await expect(dialog).toContainText("Restore version 1?");
    await dialog.getByTestId("confirm-restore").click();

    // The chart is as it was, and the restore is the newest version.
    await expect(banner).toHaveCount(0);
    await expect(title).toContainText("Chief Technology Officer");
    await expect(card(page, "head-product")).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute("data-version", "4");
    await expect(rows.first()).toHaveAttribute("data-kind", "restore");
    await expect(rows.first()).toContainText("restored version 1");
    const stored = await api.getChart(chart.id);
    expect(stored.version).toBe(4);
    expect(stored.document.roles.find((role) => role.id === "cto")?.title).toBe(
      "Chief Technology Officer",
    );
  });
});

/**
 * Not a test: the panels' states for a person to look at.
 * `SCREENSHOTS=/tmp/shots npx playwright test … comments-history` writes them there.
 */
test.describe("screenshots of comments and history", () => {
  const dir = process.env.SCREENSHOTS;
  test.skip(!dir, "set SCREENSHOTS=<folder> to take screenshots");
  const shot = (name: string) => ({ path: `${dir}/${name}.png`, fullPage: false });

  test("the panels", async ({ api, chartPage, page, newContext }) => {
    const chart = await api.createChart("classic-split", "Screenshots");
    for (const title of ["Chief Product Technologist", "Chief Technology Officer"])
      await api.editElsewhere(chart.id, [{ op: "updateRole", id: "cto", changes: { title } }]);
    await api.editElsewhere(chart.id, [{ op: "removeRole", id: "head-product" }]);
    await chartPage.goto(chart.id);
    const ben = await benOn(api, chart.id, newContext);

    // Comments: a thread with a reply and a mention on a cell, one on a role, one on the chart.
    await cell(page, "cio", "it-strategy").click();
    await page.keyboard.press("Escape");
    await openComments(page);
    await page.screenshot(shot("comments-empty"));
    const field = panel(page).getByTestId("new-comment").getByTestId("comment-field");
    await field.fill(
      "Should the CIO really be accountable for IT strategy?\nThe CEO signs the budget.",
    );
    await field.press("Control+Enter");
    await expect(threads(page)).toHaveCount(1);
    await cell(ben, "cio", "it-strategy").getByTestId("comment-badge").click();
    await threads(ben).getByTestId("comment-reply-button").click();
    const reply = threads(ben).getByTestId("reply-composer").getByTestId("comment-field");
    await reply.pressSequentially("Agreed — ask @chief");
    await ben.screenshot(shot("comments-mention-suggestions"));
    await reply.press("Enter");
    await reply.pressSequentially("too.");
    await reply.press("Control+Enter");
    await expect(threads(page).getByTestId("comment-mention")).toHaveCount(1);
    await card(page, "cto").getByTestId("role-card").click();
    await field.fill("Who holds this role after the reorganisation?");
    await field.press("Control+Enter");
    await panel(page).getByTestId("comments-show-all").click();
    await expect(threads(page)).toHaveCount(2);
    await page.screenshot(shot("comments-all"));
    await ben.screenshot(shot("comments-cell-thread-other-browser"));
    await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });

    // History: the timeline, a preview and the restore dialog.
    await page.getByTestId("side-tab-history").click();
    await expect(page.getByTestId("version-row").first()).toBeVisible();
    await page.screenshot(shot("history-timeline"));
    await page.locator('[data-testid="version-row"][data-version="1"]').click();
    await expect(page.getByTestId("version-preview-banner")).toContainText("Viewing version 1");
    await page.screenshot(shot("history-preview"));
    await page.getByTestId("restore-version-button").click();
    await page.screenshot(shot("history-restore-dialog"));
  });
});
