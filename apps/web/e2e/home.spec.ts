import { CHART_URL, expect, HomePageModel, test } from "./fixtures";

test.describe("home page", () => {
  test("lists nothing at first, then creates a chart from a template and opens it", async ({
    api: _api,
    home,
    chartPage,
    page,
  }) => {
    await home.goto();
    await expect(home.emptyState).toBeVisible();
    await expect(home.rows).toHaveCount(0);

    await home.newChartButton.click();
    await expect(home.newChartDialog).toBeVisible();
    await home.newChartDialog.getByTestId("template-option-classic-split").click();
    const name = home.newChartDialog.getByTestId("new-chart-name");
    await expect(name).toHaveValue("Classic CIO / CTO split");
    await name.fill("Acme technology leadership");
    await home.newChartDialog.getByTestId("create-chart-submit").click();

    await expect(page).toHaveURL(CHART_URL);
    await expect(chartPage.title).toHaveText("Acme technology leadership");
    await expect(page).toHaveTitle("Acme technology leadership – Rolemap");

    await page.getByRole("link", { name: "Rolemap: all charts" }).click();
    const row = home.row("Acme technology leadership");
    await expect(row).toBeVisible();
    await expect(row).toContainText("11 roles");
    await expect(row).toContainText("changed just now");
  });

  test("creates a blank chart with a name", async ({ api: _api, home, chartPage, page }) => {
    await home.goto();
    await expect(home.emptyState).toBeVisible();
    await home.emptyState.getByRole("button", { name: "Create your first chart" }).click();
    await expect(home.newChartDialog.getByTestId("template-option-blank")).toBeVisible();
    await home.newChartDialog.getByTestId("new-chart-name").fill("From scratch");
    await home.newChartDialog.getByTestId("new-chart-name").press("Enter");
    await expect(page).toHaveURL(CHART_URL);
    await expect(chartPage.title).toHaveText("From scratch");
  });

  test("renames a chart in place (Enter saves, Escape cancels)", async ({ api, home, page }) => {
    await api.createChart("product-led", "Old name");
    await home.goto();
    const row = home.row("Old name");
    await row.getByTestId("rename-button").click();
    const input = page.getByTestId("rename-input");
    await expect(input).toBeFocused();
    await input.fill("Discarded");
    await input.press("Escape");
    await expect(home.row("Old name")).toBeVisible();

    await home.row("Old name").getByTestId("rename-button").click();
    await page.getByTestId("rename-input").fill("New name");
    // The list shows the name at once; the reload waits for the server to have it.
    const saved = page.waitForResponse((r) => r.url().endsWith("/operations") && r.ok());
    await page.getByTestId("rename-input").press("Enter");
    await expect(home.row("New name")).toBeVisible();
    await saved;
    await page.reload();
    await expect(home.row("New name")).toBeVisible();
    await expect(home.rows).toHaveCount(1);
  });

  test("deletes a chart only after confirmation", async ({ api, home, page }) => {
    await api.createChart("classic-split", "Keep me");
    await api.createChart("cto-under-cio", "Delete me");
    await home.goto();
    await expect(home.rows).toHaveCount(2);

    await home.row("Delete me").getByTestId("delete-button").click();
    await expect(home.deleteDialog).toBeVisible();
    await expect(home.deleteDialog).toContainText("Delete “Delete me”?");
    await expect(home.deleteDialog.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(home.deleteDialog).toBeHidden();
    await expect(home.rows).toHaveCount(2);

    await home.row("Delete me").getByTestId("delete-button").click();
    await home.deleteDialog.getByTestId("confirm-delete").click();
    await expect(home.deleteDialog).toBeHidden();
    await expect(home.rows).toHaveCount(1);
    await expect(home.row("Keep me")).toBeVisible();
    await page.reload();
    await expect(home.rows).toHaveCount(1);
  });
});

test.describe("advisor", () => {
  test("recommends an archetype, says why, and opens it", async ({
    api: _api,
    home,
    chartPage,
    page,
  }) => {
    await home.goto();
    const advisor = home.advisor;
    const answer = (name: string) => advisor.getByRole("radio", { name, exact: true });
    await answer("Software we sell").check();
    await answer("Lightly").check();
    await expect(advisor.getByTestId("advisor-recommendation")).toBeHidden();
    await expect(advisor).toContainText("2 of 4 answered");
    await answer("100 – 1,000").check();
    // Keyboard: the arrow keys move between the answers of a question.
    await answer("Yes").focus();
    await page.keyboard.press("ArrowRight");
    await expect(answer("No")).toBeChecked();

    const recommendation = advisor.getByTestId("advisor-recommendation");
    await expect(recommendation.getByTestId("advisor-template-name")).toHaveText(
      "Product-led company",
    );
    await expect(recommendation).toContainText("Because your revenue comes from software");

    await recommendation.getByTestId("advisor-create").click();
    await expect(page).toHaveURL(CHART_URL);
    await expect(chartPage.title).toHaveText("Product-led company");
  });
});

test.describe("charts shared with me", () => {
  test("lists a chart someone shared, marked with its owner, without owner actions", async ({
    api,
    newContext,
  }) => {
    const chart = await api.createChart("classic-split", "Olivia's chart");
    await api.createChart("product-led", "Not shared");
    const { account, state } = await api.createAccount("Sam Shared", "sam@example.com");
    await api.addMember(chart.id, account.email, "view");

    const { page } = await newContext(state);
    const home = new HomePageModel(page);
    await home.goto();
    await expect(home.rows).toHaveCount(1);
    const row = home.row("Olivia's chart");
    await expect(row.getByTestId("shared-with-me")).toHaveText(
      "Shared with me by Olivia Owner · view only",
    );
    await expect(row.getByTestId("rename-button")).toHaveCount(0);
    await expect(row.getByTestId("delete-button")).toHaveCount(0);
    await row.getByTestId("chart-link").click();
    await expect(page.getByTestId("access-badge")).toHaveText("View only");
  });

  test("a guest visiting the home page is sent to their chart", async ({ api, newContext }) => {
    const chart = await api.createChart("classic-split");
    const link = await api.createLink(chart.id, "view");
    const { page } = await newContext();
    await page.goto(link.url);
    await page.getByTestId("guest-name").fill("Gus Guest");
    await page.getByTestId("guest-continue").click();
    await expect(page.getByTestId("chart-title")).toBeVisible();
    await page.goto("/");
    await expect(page).toHaveURL(new RegExp(`/charts/${chart.id}$`));
  });
});
