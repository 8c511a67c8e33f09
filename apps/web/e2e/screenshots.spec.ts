import { expect, test } from "./fixtures";

/**
 * Not a test: takes screenshots of every state of the pages for a person to look at.
 * `SCREENSHOTS=/tmp/shots npm run e2e -- screenshots` writes them there.
 */
const dir = process.env.SCREENSHOTS;
test.skip(!dir, "set SCREENSHOTS=<folder> to take screenshots");

const shot = (name: string) => ({ path: `${dir}/${name}.png`, fullPage: false });

test("screenshots of the home page", async ({ api, home, page }) => {
  await home.goto();
  await expect(home.emptyState).toBeVisible();
  await page.screenshot(shot("home-empty"));

  await page.route("**/api/charts?*", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  for (const template of ["classic-split", "product-led", "single-technology-leader"])
    await api.createChart(template);
  await page.reload();
  await expect(page.getByTestId("chart-list-loading")).toBeVisible();
  await page.screenshot(shot("home-loading"));
  await expect(home.rows).toHaveCount(3);
  await page.unroute("**/api/charts?*");
  await page.screenshot(shot("home-list"));

  for (const name of ["A mix", "Heavily", "Over 1,000", "No"])
    await home.advisor.getByRole("radio", { name, exact: true }).check();
  await home.advisor.getByTestId("advisor-create").focus();
  await page.screenshot({ path: `${dir}/home-advisor.png`, fullPage: true });

  await home.newChartButton.click();
  await home.newChartDialog.getByTestId("template-option-product-led").click();
  await page.screenshot(shot("home-new-chart-dialog"));
  await page.keyboard.press("Escape");

  await home.rows.first().getByTestId("rename-button").click();
  await page.screenshot(shot("home-rename"));
  await page.keyboard.press("Escape");
  await home.rows.first().getByTestId("delete-button").click();
  await page.screenshot(shot("home-delete-dialog"));
  await page.keyboard.press("Escape");

  await page.route("**/api/charts?*", (route) =>
    route.fulfill({ status: 500, contentType: "application/json", body: "{}" }),
  );
  await page.reload();
  await expect(page.getByTestId("error-state")).toBeVisible({ timeout: 20_000 });
  await page.screenshot(shot("home-error"));
});

test("screenshots of the chart page", async ({ api, chartPage, page }) => {
  const chart = await api.createChart("classic-split");
  await chartPage.goto(chart.id);
  await page.screenshot(shot("chart"));

  await chartPage.title.click();
  await page.screenshot(shot("chart-renaming"));
  await chartPage.titleInput.press("Escape");

  await page.route("**/api/charts/*/operations", (route) =>
    route.fulfill({
      status: 503,
      contentType: "application/json",
      body: JSON.stringify({
        error: { code: "internal", message: "Service unavailable", issues: [] },
      }),
    }),
  );
  await chartPage.rename("Renamed while the server is down");
  await expect(chartPage.saveStatus).toHaveAttribute("data-status", "failed");
  await page.screenshot(shot("chart-save-failed"));
  await page.unroute("**/api/charts/*/operations");
  await api.editElsewhere(chart.id, [{ op: "updateChart", name: "Changed elsewhere" }]);
  await page.getByTestId("retry-save").click();
  await expect(chartPage.notice).toBeVisible();
  await chartPage.expectSaved();
  await page.screenshot(shot("chart-conflict-notice"));

  await page.route(`**/api/charts/${chart.id}`, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.reload();
  await expect(page.getByTestId("chart-loading")).toBeVisible();
  await page.screenshot(shot("chart-loading"));

  await page.goto("/charts/00000000-0000-4000-8000-000000000000");
  await expect(page.getByTestId("not-found")).toBeVisible();
  await page.screenshot(shot("chart-not-found"));
});

test("screenshots of export and import", async ({ api, chartPage, home, page }) => {
  const chart = await api.createChart("product-led");
  await chartPage.goto(chart.id);
  await chartPage.exportButton.click();
  const exportDialog = chartPage.exportDialog;
  await expect(exportDialog.getByTestId("export-preview-image")).toBeVisible();
  await page.screenshot(shot("chart-export-png"));
  await exportDialog.getByTestId("export-format-pdf").click();
  await exportDialog.getByRole("checkbox", { name: /Show findings/ }).check();
  await page.screenshot(shot("chart-export-pdf-findings"));
  await exportDialog.getByTestId("export-format-csv").click();
  await page.screenshot(shot("chart-export-csv"));
  await exportDialog.getByTestId("export-format-png").click();
  const downloaded = page.waitForEvent("download");
  await exportDialog.getByTestId("export-download").click();
  await downloaded;
  await expect(exportDialog.getByTestId("export-status")).toContainText("Downloaded");
  await page.screenshot(shot("chart-export-downloaded"));
  await page.keyboard.press("Escape");

  await chartPage.importMatrixButton.click();
  await chartPage.importDialog.getByTestId("import-file-input").setInputFiles({
    name: "raci.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(
      "Responsibility,Head of Product,VP Engineering\nQuantum readiness,A,R\nCloud spend,R,A\n",
    ),
  });
  await expect(chartPage.importDialog.getByTestId("import-preview")).toHaveAttribute(
    "data-state",
    "ok",
  );
  await page.screenshot(shot("chart-import-matrix"));
  await page.keyboard.press("Escape");

  await home.goto();
  await home.importButton.click();
  await page.screenshot(shot("home-import-empty"));
  await page.route("**/api/charts/import?*", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const people = [
    "Name;Job title;Reports to;Department",
    "Ada Lovelace;Chief Executive Officer;;Board",
    "Grace Hopper;Chief Information Officer;Ada Lovelace;Technology",
    "Alan Turing;Chief Technology Officer;Ada Lovelace;Technology",
    ";Head of Data;Grace Hopper;Technology",
  ].join("\n");
  const input = home.importDialog.getByTestId("import-file-input");
  await input.setInputFiles({
    name: "acme_people.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(people),
  });
  await expect(home.importDialog.getByTestId("import-preview")).toHaveAttribute(
    "data-state",
    "loading",
  );
  await page.screenshot(shot("home-import-loading"));
  await expect(home.importDialog.getByTestId("import-preview")).toHaveAttribute("data-state", "ok");
  await page.screenshot(shot("home-import-preview"));
  await page.unroute("**/api/charts/import?*");

  const broken = [
    "Name,Title,Manager,Email",
    "Ada,CEO,,ada@example.com",
    "Grace,CIO,J. Doe,grace@example.com",
    "Alan,,Ada,alan@example.com",
    "Bob,CTO,Bob,ada@example.com",
    ...Array.from({ length: 30 }, (_, at) => `Person ${at},Engineer,Nobody ${at},`),
  ].join("\n");
  await input.setInputFiles({
    name: "broken.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(broken),
  });
  await expect(home.importDialog.getByTestId("import-preview")).toHaveAttribute(
    "data-state",
    "problems",
  );
  await page.screenshot(shot("home-import-problems"));
});

test("screenshots of the presentation view", async ({ api, chartPage, page }) => {
  const chart = await api.createChart("classic-split");
  // A vacant CTO and an overloaded CIO: the marks a room must see.
  await api.editElsewhere(chart.id, [
    { op: "updateRole", id: "cto", changes: { holder: null } },
    { op: "updateChart", settings: { ...chart.document.settings, maxAccountablePerRole: 1 } },
  ]);
  for (const size of [
    { width: 1024, height: 768 },
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await chartPage.goto(chart.id);
    await page.screenshot(shot(`chart-${size.width}`));
    await page.locator("body").press("p");
    await expect(page.getByTestId("findings-strip")).toBeVisible();
    await expect(page.locator('[data-role-id="ceo"]')).toBeInViewport();
    await page.screenshot(shot(`presentation-${size.width}`));
    await page.mouse.move(size.width / 2, size.height / 2);
    // Out to compact cards (below zoom 0.45), not to a speck.
    for (let step = 0; step < 2; step++) await page.mouse.wheel(0, 250);
    await expect(page.getByTestId("role-findings").first()).toBeVisible();
    await page.screenshot(shot(`presentation-${size.width}-zoomed-out`));
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("export-button")).toBeVisible();
  }
});
