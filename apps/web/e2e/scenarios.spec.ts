import type { Page } from "@playwright/test";
import type { ChartDocument } from "@rolemap/contract";
import { card, centreOf, drag } from "./canvas-gestures";
import { CHART_URL, type ChartPageModel, expect, type RolemapApi, test } from "./fixtures";

/**
 * What-if scenarios end to end (issue 18): make a scenario from the header's switcher,
 * change it (a role under another manager, a matrix cell), compare it with the primary
 * (marks, changes in words, changed cells, findings delta), and promote it into the
 * primary. `SCREENSHOTS=<folder>` keeps pictures of the compare view.
 */

const shots = process.env.SCREENSHOTS;
const shoot = async (page: Page, name: string) => {
  if (shots !== undefined) await page.screenshot({ path: `${shots}/${name}.png` });
};

const solidManagerOf = (document: ChartDocument, id: string) =>
  document.reportingLines.find((line) => line.kind === "solid" && line.report === id)?.manager;
const codesOf = (document: ChartDocument, role: string, row: string) =>
  document.assignments
    .filter((cell) => cell.role === role && cell.responsibility === row)
    .map((cell) => cell.code)
    .sort();

/** Shows or hides the matrix: its header button, or the More menu's item where the header is full. */
async function toggleMatrix(page: Page) {
  const button = page.getByTestId("toggle-matrix");
  if (await button.isVisible()) await button.click();
  else {
    await page.getByTestId("more-button").click();
    await page.getByTestId("more-toggle-matrix").click();
  }
}

/** Makes a scenario of the open chart through the switcher and waits for its page. */
async function newScenario(page: Page, chartPage: ChartPageModel, name: string) {
  await page.getByTestId("scenario-button").click();
  await page.getByRole("menuitem", { name: /New scenario/ }).click();
  const dialog = page.getByTestId("new-scenario-dialog");
  await dialog.getByTestId("new-scenario-name").fill(name);
  await dialog.getByTestId("new-scenario-name").press("Enter");
  await expect(dialog).toBeHidden();
  await expect(chartPage.title).toHaveText(name);
  return new URL(page.url()).pathname.split("/").pop() ?? "";
}

/** A primary "Acme" (classic-split) and a scenario of it made in the browser, open. */
async function primaryWithScenario(
  api: RolemapApi,
  page: Page,
  chartPage: ChartPageModel,
  name: string,
) {
  const primary = await api.createChart("classic-split", "Acme");
  await chartPage.goto(primary.id);
  await expect(page.getByTestId("scenario-button")).toHaveText(/Primary/);
  const scenarioId = await newScenario(page, chartPage, name);
  await expect(page).toHaveURL(CHART_URL);
  expect(scenarioId).not.toBe(primary.id);
  return { primary, scenarioId };
}

test.describe("scenarios", () => {
  test("make a scenario, change it, compare it with the primary and promote it", async ({
    api,
    chartPage,
    page,
  }) => {
    // ---- make the scenario: a copy, opened at once, marked as a scenario of Acme
    const { primary, scenarioId } = await primaryWithScenario(
      api,
      page,
      chartPage,
      "Architecture under the CTO",
    );
    await expect(page.getByTestId("scenario-banner")).toContainText("Scenario of Acme");
    await expect(page.getByTestId("scenario-marker")).toHaveText("Scenario");
    await shoot(page, "scenario-header");

    // ---- change it: the Enterprise Architect under the CTO (drag), and a matrix cell
    const matrix = page.getByTestId("matrix-region");
    await toggleMatrix(page);
    await expect(matrix).toBeHidden();
    const architect = card(page, "enterprise-architect");
    await drag(
      page,
      await centreOf(architect.getByTestId("role-card")),
      await centreOf(card(page, "cto")),
    );
    await chartPage.expectSaved();
    await toggleMatrix(page);
    const cell = page.getByTestId("matrix").getByTestId("cell-ciso-technology-vision");
    await cell.click();
    await page.keyboard.press("Escape");
    await expect(cell).toBeFocused();
    await page.keyboard.press("A");
    await expect(cell).toHaveAccessibleName(/Chief Information Security Officer – .*: A\/I/);
    await chartPage.expectSaved();
    // The primary is untouched.
    const untouched = (await api.getChart(primary.id)).document;
    expect(solidManagerOf(untouched, "enterprise-architect")).toBe("cio");

    // ---- compare with the primary
    await page.getByTestId("compare-button").click();
    await expect(page).toHaveURL(`/charts/${primary.id}/compare/${scenarioId}`);
    await expect(page.getByTestId("compare-title")).toHaveText(
      "Architecture under the CTO with Acme",
    );
    const changes = page.getByTestId("change-list");
    await expect(
      changes.getByTestId("change").filter({ hasText: "Enterprise Architect" }),
    ).toHaveText(
      /Moved.*Enterprise Architect.*now reports to Chief Technology Officer \(was Chief Information Officer\)/,
    );
    await expect(page.getByTestId("changed-cell-ciso-technology-vision")).toContainText(
      "was I, now A/I (A added)",
    );
    // Two accountable roles now: the findings delta names it.
    await expect(page.getByTestId("findings-new")).toContainText("accountable");
    await expect(page.getByTestId("findings-fixed")).toContainText("Fixes no finding.");

    // The overlay marks the moved card in words, not only in amber.
    const overlay = page.getByTestId("compare-overlay");
    const moved = overlay.locator('[data-testid="diff-card"][data-role-id="enterprise-architect"]');
    await expect(moved).toHaveAttribute("data-diff", "moved");
    await expect(moved.getByTestId("diff-mark")).toHaveText(/Moved/);
    await shoot(page, "compare-overlay");

    await page.getByTestId("view-side-by-side").click();
    await expect(page.getByTestId("compare-before")).toBeVisible();
    await expect(
      page
        .getByTestId("compare-after")
        .locator('[data-testid="diff-card"][data-role-id="enterprise-architect"]'),
    ).toHaveAttribute("data-diff", "moved");
    await shoot(page, "compare-side-by-side");
    // On a 1024×768 projector the header still fits, everything in reach.
    await page.setViewportSize({ width: 1024, height: 768 });
    const overflow = await page
      .locator("header")
      .first()
      .evaluate((header) => header.scrollWidth - header.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByTestId("promote-button")).toBeVisible();
    await shoot(page, "compare-side-by-side-1024");
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId("view-overlay").click();

    // ---- the comparison as a PDF for the deck
    const download = page.waitForEvent("download");
    await page.getByTestId("export-comparison-pdf").click();
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);

    // ---- promote: the confirmation lists what will change
    await page.getByTestId("promote-button").click();
    const dialog = page.getByTestId("promote-dialog");
    await expect(dialog.getByTestId("promote-changes")).toContainText("Enterprise Architect");
    await expect(dialog.getByTestId("promote-changes")).toContainText(
      "Executive technology alignment",
    );
    await shoot(page, "compare-promote-dialog");
    await dialog.getByTestId("promote-confirm").click();

    // ---- the primary has the change, as a new version
    await expect(page).toHaveURL(`/charts/${primary.id}`);
    await expect(chartPage.notice).toContainText(
      "“Architecture under the CTO” was promoted into this chart",
    );
    await expect(page.getByTestId("scenario-button")).toHaveAccessibleName("Primary: 1 scenario");
    await expect(page.getByTestId("scenario-banner")).toHaveCount(0);
    const promoted = (await api.getChart(primary.id)).document;
    expect(solidManagerOf(promoted, "enterprise-architect")).toBe("cto");
    expect(codesOf(promoted, "ciso", "technology-vision")).toEqual(["A", "I"]);
    expect(promoted.name).toBe("Acme");
    await shoot(page, "primary-after-promote");
  });

  test("a change of the primary that clashes is foreseen, or refused by the server, and nothing is promoted", async ({
    api,
    chartPage,
    page,
  }) => {
    const { primary, scenarioId } = await primaryWithScenario(api, page, chartPage, "Rename");
    await api.editElsewhere(scenarioId, [
      { op: "updateRole", id: "cio", changes: { title: "Chief Digital Officer" } },
    ]);
    await page.goto(`/charts/${primary.id}/compare/${scenarioId}`);
    await page.getByTestId("promote-button").click();
    const dialog = page.getByTestId("promote-dialog");
    await expect(dialog.getByTestId("promote-changes")).toContainText("Chief Digital Officer");

    // Meanwhile someone renames the same role in the primary: the server refuses the promote.
    await api.editElsewhere(primary.id, [
      { op: "updateRole", id: "cio", changes: { title: "Chief Information & Digital Officer" } },
    ]);
    const before = await api.getChart(primary.id);
    await dialog.getByTestId("promote-confirm").click();
    const conflicts = dialog.getByTestId("promote-conflicts");
    await expect(conflicts).toContainText("Nothing was promoted");
    await expect(conflicts.getByTestId("promote-conflict")).toHaveCount(1);
    await expect(conflicts.getByTestId("promote-conflict")).toContainText("Chief Digital Officer");
    await shoot(page, "compare-promote-conflict");
    await dialog.getByRole("button", { name: "Close" }).click();
    expect((await api.getChart(primary.id)).version).toBe(before.version);

    // Looked at again, the clash is foreseen before anything is sent.
    await page.reload();
    await page.getByTestId("promote-button").click();
    await expect(dialog.getByTestId("promote-conflicts")).toContainText(
      "This promote would change nothing",
    );
    await expect(dialog.getByTestId("promote-confirm")).toHaveCount(0);
  });

  test("the compare view says when there are no differences, and is reached by keyboard", async ({
    api,
    chartPage,
    page,
  }) => {
    await primaryWithScenario(api, page, chartPage, "Nothing yet");

    // The switcher by keyboard: open, move to Compare with primary, pick it.
    await page.getByTestId("scenario-button").focus();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("menuitemradio", { name: /Nothing yet/ })).toBeFocused();
    await page.getByRole("menuitem", { name: "Compare with primary" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("no-differences")).toHaveText(
      "= No differences: Nothing yet is the same as Acme.",
    );
    await expect(page.getByTestId("promote-button")).toHaveAttribute("aria-disabled", "true");
    await expect(page.getByTestId("promote-reason")).toContainText("Nothing to promote");
    await shoot(page, "compare-no-differences");

    // Tab reaches the view toggle, the exports and promote.
    await page.getByTestId("view-overlay").focus();
    await page.keyboard.press("Tab");
    await expect(page.getByTestId("view-side-by-side")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("compare-before")).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(page.getByTestId("export-comparison-pdf")).toBeFocused();
  });
});
