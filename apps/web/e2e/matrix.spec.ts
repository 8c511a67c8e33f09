import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

/** The responsibility matrix of the chart page, by its data-testids and accessible names. */
function matrixOf(page: Page) {
  const matrix = page.getByTestId("matrix");
  return {
    matrix,
    cell: (roleId: string, rowId: string) => matrix.getByTestId(`cell-${roleId}-${rowId}`),
    rowHeader: (rowId: string) => matrix.getByTestId(`rowheader-${rowId}`),
    row: (rowId: string) => matrix.getByTestId(`row-${rowId}`),
    menu: page.getByTestId("cell-menu"),
    /** Rows and columns off screen are not rendered: scroll as a user would. */
    async scrollToBottom() {
      await matrix
        .getByTestId("matrix-scroller")
        .evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    },
    async addRow(name: string, category?: string) {
      await matrix.getByTestId("add-row").click();
      await matrix.getByTestId("add-row-name").fill(name);
      if (category !== undefined) await matrix.getByTestId("add-row-category").fill(category);
      await matrix.getByTestId("add-row-name").press("Enter");
      await expect(matrix.getByTestId("add-row-name")).toHaveValue("");
      await matrix.getByTestId("add-row-name").press("Escape");
    },
    async rowMenu(rowId: string, action: string) {
      await matrix.getByTestId(`rowheader-${rowId}`).click();
      await matrix.getByTestId(`row-menu-${rowId}`).click();
      await page.getByTestId("row-menu").getByRole("menuitem", { name: action }).click();
    },
  };
}

test.describe("responsibility matrix", () => {
  test("sets A by menu and by typing; findings follow; undo, redo and reload keep it", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split", "Matrix");
    await chartPage.goto(chart.id);
    const m = matrixOf(page);
    const noAccountable = page.locator('[data-rule="raci/no-accountable"]');
    const multipleAccountable = page.locator('[data-rule="raci/multiple-accountable"]');

    // A new row has nobody accountable.
    await m.addRow("Quantum readiness", "Innovation");
    await expect(m.rowHeader("quantum-readiness")).toContainText("Quantum readiness");
    await expect(noAccountable).toHaveCount(1);
    await expect(multipleAccountable).toHaveCount(0);

    // Click a cell and choose A.
    const cioCell = m.cell("cio", "quantum-readiness");
    await expect(cioCell).toHaveAccessibleName(
      "Chief Information Officer – Quantum readiness: none",
    );
    await cioCell.click();
    await expect(m.menu).toBeVisible();
    await m.menu.getByRole("menuitemcheckbox", { name: /^A – Accountable/ }).click();
    await expect(m.menu).toBeHidden();
    await expect(cioCell).toHaveAccessibleName("Chief Information Officer – Quantum readiness: A");
    await expect(noAccountable).toHaveCount(0);

    // Type A on another focused cell: two accountable roles.
    const ctoCell = m.cell("cto", "quantum-readiness");
    await ctoCell.click();
    await page.keyboard.press("Escape");
    await expect(ctoCell).toBeFocused();
    await page.keyboard.press("A");
    await expect(ctoCell).toHaveAccessibleName("Chief Technology Officer – Quantum readiness: A");
    await expect(multipleAccountable).toHaveCount(1);
    await expect(ctoCell).toHaveAttribute("data-severity", "error");
    await expect(m.rowHeader("quantum-readiness")).toHaveAttribute("data-severity", "error");

    // A role may hold A and R: shown as "A/R".
    await page.keyboard.press("R");
    await expect(ctoCell).toHaveAccessibleName("Chief Technology Officer – Quantum readiness: A/R");

    // Undo and redo with the keyboard.
    await page.keyboard.press("Control+z");
    await expect(ctoCell).toHaveAccessibleName("Chief Technology Officer – Quantum readiness: A");
    await page.keyboard.press("Control+z");
    await expect(ctoCell).toHaveAccessibleName(
      "Chief Technology Officer – Quantum readiness: none",
    );
    await expect(multipleAccountable).toHaveCount(0);
    await page.keyboard.press("Control+Shift+z");
    await expect(ctoCell).toHaveAccessibleName("Chief Technology Officer – Quantum readiness: A");
    await expect(multipleAccountable).toHaveCount(1);

    // Clear with Backspace, then reload: the matrix is as it was saved.
    await ctoCell.focus();
    await page.keyboard.press("Backspace");
    await expect(ctoCell).toHaveAccessibleName(
      "Chief Technology Officer – Quantum readiness: none",
    );
    await chartPage.expectSaved();
    await page.reload();
    await m.scrollToBottom();
    await expect(m.cell("cio", "quantum-readiness")).toHaveAccessibleName(
      "Chief Information Officer – Quantum readiness: A",
    );
    await expect(m.cell("cto", "quantum-readiness")).toHaveAccessibleName(
      "Chief Technology Officer – Quantum readiness: none",
    );
    const saved = (await api.getChart(chart.id)).document;
    expect(saved.responsibilities.at(-1)).toEqual({
      id: "quantum-readiness",
      name: "Quantum readiness",
      category: "Innovation",
    });
    expect(saved.assignments.filter((a) => a.responsibility === "quantum-readiness")).toEqual([
      { role: "cio", responsibility: "quantum-readiness", code: "A" },
    ]);
  });

  test("moves with the arrow keys and opens the menu with Enter", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split");
    await chartPage.goto(chart.id);
    const m = matrixOf(page);
    await m.cell("ceo", "technology-vision").click();
    await page.keyboard.press("Escape");
    await page.keyboard.press("ArrowDown");
    await expect(m.cell("ceo", "it-strategy")).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await expect(m.cell("cio", "it-strategy")).toBeFocused();
    await page.keyboard.press("Home");
    await expect(m.rowHeader("it-strategy")).toBeFocused();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await expect(m.menu).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(m.menu).toBeHidden();
    await expect(m.cell("ceo", "it-strategy")).toBeFocused();
  });

  test("adds, renames, categorises, moves and removes a row; reload keeps it", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split");
    await chartPage.goto(chart.id);
    const m = matrixOf(page);

    await m.addRow("Vendor risk");
    await m.rowMenu("vendor-risk", "Rename");
    const nameInput = m.matrix.getByTestId("row-name-input");
    await nameInput.fill("Supplier risk");
    await nameInput.press("Enter");
    await expect(m.rowHeader("vendor-risk")).toContainText("Supplier risk");
    await expect(m.rowHeader("vendor-risk")).toBeFocused();

    await m.rowMenu("vendor-risk", "Set category");
    await m.matrix.getByTestId("row-category-input").fill("Security");
    await m.matrix.getByTestId("row-category-input").press("Enter");
    await expect(m.rowHeader("vendor-risk")).toContainText("Security");

    await m.rowHeader("vendor-risk").press("Alt+ArrowUp");
    await chartPage.expectSaved();
    let saved = (await api.getChart(chart.id)).document.responsibilities;
    expect(saved.at(-2)).toEqual({
      id: "vendor-risk",
      name: "Supplier risk",
      category: "Security",
    });

    await page.reload();
    await m.scrollToBottom();
    await expect(m.rowHeader("vendor-risk")).toContainText("Supplier risk");

    // Remove asks first; Cancel keeps the row.
    await m.rowMenu("vendor-risk", "Remove…");
    const dialog = page.getByTestId("remove-row-dialog");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(m.row("vendor-risk")).toBeVisible();

    await m.rowMenu("vendor-risk", "Remove…");
    await page.getByTestId("confirm-remove-row").click();
    await expect(m.row("vendor-risk")).toHaveCount(0);
    await chartPage.expectSaved();
    saved = (await api.getChart(chart.id)).document.responsibilities;
    expect(saved.some((r) => r.id === "vendor-risk")).toBe(false);

    // Undo brings it back, with its place.
    await page.keyboard.press("Control+z");
    await expect(m.rowHeader("vendor-risk")).toContainText("Supplier risk");
    await chartPage.expectSaved();
    await page.reload();
    await m.scrollToBottom();
    await expect(m.rowHeader("vendor-risk")).toContainText("Supplier risk");
  });

  test("a chart of 1,000 roles shows the involved roles and stays usable", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split", "Large");
    const extra = Array.from({ length: 990 }, (_, i) => ({
      op: "addRole" as const,
      role: { id: `role-${i}`, title: `Team lead ${i}`, holder: `Person ${i}` },
    }));
    await api.editElsewhere(chart.id, [
      ...extra,
      ...extra.map(({ role }, i) => ({
        op: "addLine" as const,
        line: {
          manager: i < 10 ? "cto" : `role-${i % 10}`,
          report: role.id,
          kind: "solid" as const,
        },
      })),
      {
        op: "addAssignment",
        assignment: { role: "role-500", responsibility: "cybersecurity", code: "C" },
      },
    ]);
    await chartPage.goto(chart.id);
    const m = matrixOf(page);
    await expect(m.matrix.getByTestId("matrix-role-count")).toHaveText("12 of 1001 roles");
    await m.matrix.getByTestId("matrix-role-search").fill("lead 500");
    await expect(m.matrix.getByTestId("matrix-role-count")).toHaveText("1 of 1001 roles");
    await expect(m.cell("role-500", "cybersecurity")).toHaveAccessibleName(
      "Team lead 500 – Cybersecurity of internal systems: C",
    );
    // Only what is on screen is rendered, even with every role shown.
    await m.matrix.getByTestId("matrix-role-search").fill("");
    await m.matrix.getByTestId("matrix-role-scope").selectOption("all");
    await expect(m.matrix.getByTestId("matrix-role-count")).toHaveText("1001 roles");
    expect(await m.matrix.getByRole("gridcell").count()).toBeLessThan(600);
    await m.matrix.getByTestId("matrix-role-search").fill("lead 989");
    await expect(m.cell("role-989", "cybersecurity")).toBeVisible();
  });

  test("clicking cells and headers leaves the canvas where it is", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split", "Still canvas");
    await chartPage.goto(chart.id);
    const m = matrixOf(page);
    const row = chart.document.responsibilities[0]?.id ?? "";
    const viewport = page.locator(".react-flow__viewport");
    await expect(page.getByTestId("role-card").first()).toBeVisible();
    const before = await viewport.evaluate((element) => element.style.transform);

    await m.cell("cto", row).click();
    await expect(m.menu).toBeVisible();
    await page.keyboard.press("Escape");
    await m.rowHeader(row).click();
    const column = m.matrix.locator("[data-column-role]").first();
    await column.click();
    // The canvas shows the selection where it is.
    await expect(
      page.locator('[data-testid="role-card"][data-selected="true"]').first(),
    ).toBeAttached();
    expect(await viewport.evaluate((element) => element.style.transform)).toBe(before);
  });
});
