import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** The chart page's header on a 1024 px projector: every action on screen and usable. */

async function expectOnScreen(page: Page, locator: Locator) {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  const width = page.viewportSize()?.width ?? 0;
  expect(box).not.toBeNull();
  expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= width).toBe(true);
}

test.describe("chart header at 1024×768", () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test("reaches Export, Import matrix, Share, the panel toggles and the presentation view", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split", "Classic split for the leadership team");
    await chartPage.goto(chart.id);
    // Nothing in the header runs off the window.
    const overflow = await page
      .locator("header")
      .first()
      .evaluate((header) => header.scrollWidth - header.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // The name has room for more than a word, and its whole in a tooltip.
    const title = chartPage.title;
    expect((await title.boundingBox())?.width ?? 0).toBeGreaterThan(120);
    await expect(
      page.getByRole("button", { name: /Classic split for the leadership team/ }),
    ).toHaveAttribute("title", /Classic split for the leadership team/);

    for (const id of [
      "undo-button",
      "redo-button",
      "present-button",
      "export-button",
      "more-button",
    ])
      await expectOnScreen(page, page.getByTestId(id));

    await chartPage.exportButton.click();
    await expect(chartPage.exportDialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(chartPage.exportDialog).toBeHidden();

    // Import matrix and the panel toggles are in the More menu.
    await page.getByTestId("more-button").click();
    await expectOnScreen(page, page.getByTestId("more-import-matrix"));
    await page.getByTestId("more-import-matrix").click();
    await expect(chartPage.importDialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(chartPage.importDialog).toBeHidden();

    // Share is there too.
    await page.getByTestId("more-button").click();
    await page.getByTestId("more-share").click();
    await expect(page.getByTestId("share-done")).toBeVisible();
    await page.getByTestId("share-done").click();

    await expect(page.getByTestId("matrix-region")).toBeVisible();
    await page.getByTestId("more-button").click();
    await page.getByTestId("more-toggle-matrix").click();
    await expect(page.getByTestId("matrix-region")).toBeHidden();
    await expect(page.getByTestId("more-menu")).toBeHidden();
    // With the keyboard: the menu opens with Enter, Escape closes it.
    await page.getByTestId("more-button").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("more-toggle-findings")).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(page.getByTestId("more-toggle-matrix")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("matrix-region")).toBeVisible();

    await page.getByTestId("present-button").click();
    await expect(page.getByTestId("presentation-bar")).toBeVisible();
    await page.getByTestId("exit-presentation").click();
    await expect(page.getByTestId("export-button")).toBeVisible();
  });

  test("folds the palette and the overview, and remembers it after a reload", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split");
    await chartPage.goto(chart.id);
    await page.getByRole("button", { name: "Hide the palette" }).click();
    await expect(page.getByTestId("palette")).toHaveCount(0);
    await page.getByTestId("minimap-toggle").click();
    await expect(page.locator(".react-flow__minimap")).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole("button", { name: "Show the palette" })).toHaveAttribute(
      "aria-expanded",
      "false",
    );
    await expect(page.getByTestId("minimap-toggle")).toHaveText("Show overview");
    await expect(page.locator(".react-flow__minimap")).toHaveCount(0);
    await page.getByRole("button", { name: "Show the palette" }).click();
    await expect(page.getByTestId("palette")).toBeVisible();
    await page.getByTestId("minimap-toggle").click();
    await expect(page.locator(".react-flow__minimap")).toBeVisible();
  });
});
