import { expect, test } from "./fixtures";

test.describe("chart page", () => {
  test("undoes and redoes a rename with the keyboard and the buttons; reload keeps it", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split", "Original");
    await chartPage.goto(chart.id);
    await expect(chartPage.undoButton).toBeDisabled();

    await chartPage.rename("Renamed");
    await chartPage.expectSaved();
    await expect.poll(async () => (await api.getChart(chart.id)).document.name).toBe("Renamed");

    await page.keyboard.press("Control+z");
    await expect(chartPage.title).toHaveText("Original");
    await chartPage.expectSaved();
    await expect.poll(async () => (await api.getChart(chart.id)).document.name).toBe("Original");

    await page.keyboard.press("Control+Shift+z");
    await expect(chartPage.title).toHaveText("Renamed");

    await chartPage.undoButton.click();
    await expect(chartPage.title).toHaveText("Original");
    await page.keyboard.press("Control+y");
    await expect(chartPage.title).toHaveText("Renamed");
    await expect(chartPage.redoButton).toBeDisabled();
    await chartPage.expectSaved();

    await page.reload();
    await expect(chartPage.title).toHaveText("Renamed");
  });

  test("Escape cancels a rename and Ctrl+Z in the field does not undo the chart", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split", "Original");
    await chartPage.goto(chart.id);
    await chartPage.rename("First");
    await chartPage.title.click();
    await chartPage.titleInput.fill("Typing");
    await chartPage.titleInput.press("Control+z");
    await chartPage.titleInput.press("Escape");
    await expect(chartPage.title).toHaveText("First");
    await expect(page).toHaveTitle("First – Rolemap");
  });

  test("keeps an edit made while the connection is down and sends it when it is back", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split", "Original");
    await chartPage.goto(chart.id);
    const indicator = page.getByTestId("connection-indicator");
    await expect(indicator).toHaveAttribute("data-status", "live");
    await page.context().setOffline(true);
    await expect(indicator).toHaveAttribute("data-status", "offline");
    await chartPage.rename("Saved later");
    await expect(chartPage.saveStatus).toHaveAttribute("data-status", "offline");
    await expect(indicator).toContainText("1 change kept in this browser");
    await page.context().setOffline(false);
    await expect(indicator).toHaveAttribute("data-status", "live");
    await chartPage.expectSaved();
    await expect.poll(async () => (await api.getChart(chart.id)).document.name).toBe("Saved later");
  });

  test("shows an edit made elsewhere at once, and both edits stand", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split", "Original");
    await chartPage.goto(chart.id);
    await expect(page.getByTestId("connection-indicator")).toHaveAttribute("data-status", "live");
    await api.editElsewhere(chart.id, [
      { op: "updateRole", id: "ceo", changes: { title: "Chief Everything Officer" } },
    ]);
    await expect(page.locator(`.react-flow__node[data-id="ceo"]`)).toContainText(
      "Chief Everything Officer",
    );
    await chartPage.rename("Mine");
    await chartPage.expectSaved();
    const stored = await api.getChart(chart.id);
    expect(stored.document.name).toBe("Mine");
    expect(stored.document.roles.find((role) => role.id === "ceo")?.title).toBe(
      "Chief Everything Officer",
    );
  });

  test("says so for an unknown chart or page", async ({ page }) => {
    await page.goto("/charts/00000000-0000-4000-8000-000000000000");
    await expect(page.getByTestId("not-found")).toContainText("Chart not found");
    await page.goto("/charts/not-a-chart");
    await expect(page.getByTestId("not-found")).toContainText("Chart not found");
    await page.goto("/no/such/page");
    await expect(page.getByTestId("not-found")).toContainText("Page not found");
    await page.getByRole("link", { name: "Go to all charts" }).click();
    await expect(page).toHaveURL(/\/$/);
  });
});
