import { expect, test } from "./fixtures";

test.describe("findings panel", () => {
  test("says so when a chart has no findings", async ({ api, chartPage, page }) => {
    const chart = await api.createChart("classic-split");
    await chartPage.goto(chart.id);
    await expect(page.getByTestId("findings-empty")).toContainText(
      "Every area has exactly one accountable role",
    );
    await expect(page.locator("[data-rule]")).toHaveCount(0);
  });

  test("groups findings and selects a finding's roles and rows on click or Enter", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split");
    await api.editElsewhere(chart.id, [
      {
        op: "addResponsibility",
        responsibility: { id: "shared-cloud", name: "Shared cloud budget", category: "Operations" },
      },
      {
        op: "addAssignment",
        assignment: { role: "cio", responsibility: "shared-cloud", code: "A" },
      },
      {
        op: "addAssignment",
        assignment: { role: "cto", responsibility: "shared-cloud", code: "A" },
      },
      {
        op: "addAssignment",
        assignment: { role: "cto", responsibility: "shared-cloud", code: "R" },
      },
    ]);
    await chartPage.goto(chart.id);

    const errors = page.getByTestId("findings-error");
    await expect(errors.getByRole("heading", { level: 3 })).toContainText("Errors");
    const finding = page.locator('[data-rule="raci/multiple-accountable"]');
    await expect(finding).toHaveCount(1);
    await expect(finding).toContainText("Shared cloud budget has 2 accountable roles");

    await finding.click();
    await expect(finding).toHaveAttribute("aria-pressed", "true");
    // The matrix highlights the row and the roles' columns…
    await expect(page.getByTestId("row-shared-cloud")).toHaveAttribute("data-selected", "true");
    await expect(page.getByTestId("column-cio")).toHaveAttribute("data-selected", "true");
    await expect(page.getByTestId("column-cto")).toHaveAttribute("data-selected", "true");
    await expect(page.locator('[role="row"][data-selected]')).toHaveCount(1);
    // …and the canvas selects the roles.
    const card = (id: string) => page.locator(`[data-testid="role-card"][data-role-id="${id}"]`);
    await expect(card("cio")).toHaveAttribute("data-selected", "true");
    await expect(card("cto")).toHaveAttribute("data-selected", "true");
    await expect(card("ceo")).not.toHaveAttribute("data-selected", "true");

    // A second click clears the selection.
    await finding.click();
    await expect(finding).toHaveAttribute("aria-pressed", "false");
    await expect(page.getByTestId("row-shared-cloud")).not.toHaveAttribute("data-selected");

    // Keyboard: Enter selects too.
    await finding.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("row-shared-cloud")).toHaveAttribute("data-selected", "true");
  });

  test("follows every edit in the matrix", async ({ api, chartPage, page }) => {
    const chart = await api.createChart("classic-split");
    await chartPage.goto(chart.id);
    // The Head of Product's column is off screen: filter the roles as a user would.
    await page.getByTestId("matrix-role-search").fill("head of product");
    const cell = page.getByTestId("cell-head-product-it-strategy");
    await cell.click();
    await page.getByTestId("code-option-A").click();
    const multiple = page.locator('[data-rule="raci/multiple-accountable"]');
    await expect(multiple).toHaveCount(1);
    await expect(page.getByTestId("findings-error")).toContainText("Overlaps");
    await cell.press("Delete");
    await expect(multiple).toHaveCount(0);
    await expect(page.getByTestId("findings-empty")).toBeVisible();
  });
});
