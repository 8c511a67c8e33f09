import type { Page } from "@playwright/test";
import { expect, openAsGuest, test } from "./fixtures";

/** The owner's Share dialog on the open chart page: creates a link and reads its address. */
async function createLinkInDialog(page: Page, access: "view" | "comment" | "edit") {
  const dialog = page.getByTestId("share-dialog");
  const created = dialog.getByTestId("created-link");
  // The last link made is shown until the new one arrives: wait for a new address.
  const before = (await created.count()) > 0 ? await created.inputValue() : null;
  await dialog.getByTestId("link-access").selectOption(access);
  await dialog.getByTestId("create-link").click();
  await expect(created).toHaveValue(/\/s\/[A-Za-z0-9_-]+$/);
  if (before !== null) await expect(created).not.toHaveValue(before);
  await expect(dialog.getByText(`New ${access} link`)).toBeVisible();
  return created.inputValue();
}

test.describe("sharing a chart", () => {
  test("a view link shows the chart read-only; an edit link's changes are saved; revoking locks the guest out", async ({
    api,
    chartPage,
    page,
    newContext,
  }) => {
    const chart = await api.createChart("classic-split", "Shared chart");
    await chartPage.goto(chart.id);
    await page.getByTestId("share-button").click();
    const dialog = page.getByTestId("share-dialog");
    await expect(dialog.getByTestId("links-empty")).toBeVisible();
    const viewUrl = await createLinkInDialog(page, "view");
    const origin = new URL(page.url()).origin;
    expect(viewUrl.startsWith(`${origin}/s/`)).toBe(true);
    // Copy puts the full address on the clipboard.
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin });
    await dialog.getByTestId("created-link-copy").click();
    await expect(dialog.getByText("Copied. It is shown only this once.")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(viewUrl);
    const editUrl = await createLinkInDialog(page, "edit");
    await expect(dialog.getByTestId("link-row")).toHaveCount(2);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    // The viewer sees the chart and has no way to change it.
    const viewer = await openAsGuest(newContext, viewUrl, "Vera Viewer");
    await expect(viewer.getByTestId("access-badge")).toHaveText("View only");
    await expect(viewer.getByTestId("signed-in-as")).toContainText("Vera Viewer");
    await expect(viewer.getByTestId("chart-title")).toHaveText("Shared chart");
    await expect(viewer.getByTestId("palette")).toHaveCount(0);
    await expect(viewer.getByTestId("read-only-side")).toBeVisible();
    for (const control of [
      "share-button",
      "import-matrix-button",
      "undo-button",
      "auto-layout",
      "add-row",
    ])
      await expect(viewer.getByTestId(control)).toHaveCount(0);
    await expect(viewer.getByTestId("export-button")).toBeVisible();

    // A card does not move: dragging it pans the view, the chart stays as it is.
    const card = viewer.locator('.react-flow__node[data-id="cio"]');
    const ceo = viewer.locator('.react-flow__node[data-id="ceo"]');
    await expect(card).toBeVisible();
    await expect(card).not.toHaveClass(/\bdraggable\b/);
    const offset = async () => {
      const [a, b] = [await card.boundingBox(), await ceo.boundingBox()];
      if (a === null || b === null) throw new Error("a card has no box");
      return { x: Math.round(a.x - b.x), y: Math.round(a.y - b.y) };
    };
    const before = await offset();
    const box = await card.boundingBox();
    if (box === null) throw new Error("the card has no box");
    await viewer.mouse.move(box.x + 30, box.y + 15);
    await viewer.mouse.down();
    await viewer.mouse.move(box.x + 230, box.y + 155, { steps: 8 });
    await viewer.mouse.up();
    expect(await offset()).toEqual(before);

    const grid = viewer.getByTestId("matrix-grid");
    await expect(grid).toHaveAttribute("aria-readonly", "true");
    const row = chart.document.responsibilities[0];
    if (row === undefined) throw new Error("the template has no responsibilities");
    await expect(viewer.getByTestId(`row-menu-${row.id}`)).toHaveCount(0);
    const cell = viewer.getByTestId(`cell-cio-${row.id}`);
    const label = await cell.getAttribute("aria-label");
    await cell.click();
    await expect(viewer.getByTestId("cell-menu")).toHaveCount(0);
    await cell.press("a");
    await cell.press("Delete");
    await expect(cell).toHaveAttribute("aria-label", label ?? "");
    expect((await api.getChart(chart.id)).version).toBe(chart.version);

    // The editor guest's change is saved.
    const editor = await openAsGuest(newContext, editUrl, "Ed Editor");
    await expect(editor.getByTestId("access-badge")).toHaveText("Can edit");
    await expect(editor.getByTestId("share-button")).toHaveCount(0);
    await editor.getByTestId("palette-ciso").click();
    await expect(editor.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
    const saved = await api.getChart(chart.id);
    expect(saved.document.roles.length).toBe(chart.document.roles.length + 1);

    // The owner revokes the view link: the viewer's next load says the access has ended.
    await page.getByTestId("share-button").click();
    await dialog
      .locator('[data-testid="link-row"][data-access="view"]')
      .getByTestId("revoke-link")
      .click();
    await expect(dialog.getByTestId("link-row")).toHaveCount(1);
    await viewer.reload();
    await expect(viewer.getByTestId("access-ended")).toBeVisible();
    await expect(viewer).toHaveURL(/\/access-ended$/);

    // The edit link still works.
    await editor.reload();
    await expect(editor.getByTestId("chart-title")).toBeVisible();
  });

  test("the Share dialog works with the keyboard alone", async ({ api, chartPage, page }) => {
    const chart = await api.createChart("classic-split");
    await chartPage.goto(chart.id);
    const share = page.getByTestId("share-button");
    await share.focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByTestId("share-dialog");
    await expect(dialog.getByTestId("link-access")).toBeFocused();
    await page.keyboard.press("ArrowDown"); // Comment
    await page.keyboard.press("Tab");
    await expect(dialog.getByTestId("link-expiry")).toBeFocused();
    // A date field is a few stops (month, day, year), then the button.
    const create = dialog.getByTestId("create-link");
    for (
      let stop = 0;
      stop < 4 && !(await create.evaluate((b) => b === document.activeElement));
      stop += 1
    )
      await page.keyboard.press("Tab");
    await expect(create).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(dialog.getByText("New comment link")).toBeVisible();
    await expect(dialog.getByTestId("link-row")).toHaveAttribute("data-access", "comment");
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(share).toBeFocused();
  });

  test("a revoked or unknown link says that it opens nothing", async ({ newContext }) => {
    const { page } = await newContext();
    await page.goto("/s/not-a-real-token-at-all");
    await page.getByTestId("guest-name").fill("Someone");
    await page.getByTestId("guest-continue").click();
    await expect(page.getByTestId("share-link-invalid")).toBeVisible();
  });

  test("a signed-in person is told that a share link signs them out", async ({ api, page }) => {
    const chart = await api.createChart("classic-split");
    const link = await api.createLink(chart.id, "view");
    await page.goto(link.url);
    await expect(page.getByTestId("guest-signs-out")).toContainText("signs you out");
  });

  test("the owner adds a member by email, changes their level and removes them", async ({
    api,
    chartPage,
    page,
    newContext,
  }) => {
    const chart = await api.createChart("product-led", "Team chart");
    const { account, state } = await api.createAccount("Mia Member", "mia@example.com");
    await chartPage.goto(chart.id);
    await page.getByTestId("share-button").click();
    const dialog = page.getByTestId("share-dialog");
    await expect(dialog.getByTestId("members-empty")).toBeVisible();

    await dialog.getByTestId("member-email").fill("nobody@example.com");
    await dialog.getByTestId("add-member").click();
    await expect(dialog.getByTestId("member-error")).toContainText("No account has this email");

    await dialog.getByTestId("member-email").fill(account.email);
    await dialog.getByTestId("member-access").selectOption("view");
    await dialog.getByTestId("member-email").press("Enter");
    const member = dialog.locator(`[data-testid="member-row"][data-email="${account.email}"]`);
    await expect(member).toContainText("Mia Member");
    await member.getByTestId("member-level").selectOption("edit");
    await expect(member.getByTestId("member-level")).toHaveValue("edit");

    const { page: mia } = await newContext(state);
    await mia.goto(`/charts/${chart.id}`);
    await expect(mia.getByTestId("access-badge")).toHaveText("Can edit");

    await member.getByTestId("remove-member").click();
    await expect(dialog.getByTestId("members-empty")).toBeVisible();
    await mia.reload();
    await expect(mia.getByTestId("not-found")).toBeVisible();
  });
});
