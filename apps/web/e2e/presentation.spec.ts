import type { Page } from "@playwright/test";
import type { ChartDocument } from "@rolemap/contract";
import { expect, type RolemapApi, test } from "./fixtures";

/**
 * The presentation view for projectors: entered by P and by the header's button, at the
 * three window sizes of issue 16; no panels, the findings strip, titles at least 16 px
 * high, VACANT and the warning badges at a small zoom, and out again with Escape.
 */

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** The 11-role template with a vacant CTO and a CIO accountable for more than it may be. */
export async function createWorkshopChart(api: RolemapApi) {
  const template = await api.getChart((await api.createChart("classic-split")).id);
  const document: ChartDocument = {
    ...template.document,
    name: "Classic split workshop",
    settings: { ...template.document.settings, maxAccountablePerRole: 1 },
    roles: template.document.roles.map((role) =>
      role.id === "cto" ? { ...role, holder: null } : role,
    ),
  };
  return api.createChartFrom(document);
}

/** React Flow's zoom, from its viewport's transform. */
export async function canvasZoom(page: Page): Promise<number> {
  return page
    .locator(".react-flow__viewport")
    .evaluate((element) => new DOMMatrixReadOnly(getComputedStyle(element).transform).a);
}

/** How high a card's title is drawn on screen: its font size times the zoom. */
async function titlePx(page: Page, roleId: string): Promise<number> {
  const title = page.locator(`[data-role-id="${roleId}"] > div`).first();
  const fontSize = await title.evaluate((element) =>
    parseFloat(getComputedStyle(element).fontSize),
  );
  return fontSize * (await canvasZoom(page));
}

async function expectPresenting(page: Page) {
  await expect(page.getByTestId("presentation-bar")).toBeVisible();
  await expect(page.getByTestId("exit-presentation")).toBeVisible();
  for (const hidden of [
    "matrix-region",
    "findings-region",
    "palette",
    "export-button",
    "present-button",
  ])
    await expect(page.getByTestId(hidden)).toHaveCount(0);
  await expect(page.locator(".react-flow__minimap")).toHaveCount(0);
  await expect(page.locator(".react-flow__controls")).toHaveCount(0);
  const strip = page.getByTestId("findings-strip");
  await expect(strip).toBeVisible();
  await expect(strip).toContainText(/warning/);
  await expect(strip).toContainText(/accountable for/);
}

async function expectNotPresenting(page: Page) {
  await expect(page.getByTestId("presentation-bar")).toHaveCount(0);
  await expect(page.getByTestId("findings-strip")).toHaveCount(0);
  await expect(page.getByTestId("export-button")).toBeVisible();
}

for (const size of SIZES)
  test.describe(`presentation view at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test("enters by key and by button, hides the panels and leaves with Escape", async ({
      api,
      chartPage,
      page,
    }) => {
      const chart = await createWorkshopChart(api);
      await chartPage.goto(chart.id);
      await expect(page.getByTestId("role-card")).toHaveCount(11);

      await page.locator("body").press("p");
      await expectPresenting(page);
      await page.keyboard.press("Escape");
      await expectNotPresenting(page);

      await page.getByTestId("present-button").click();
      await expectPresenting(page);
      // Titles of 16 px or more (the fit waits for the pane's new size: poll).
      await expect.poll(() => titlePx(page, "ceo")).toBeGreaterThanOrEqual(16);
      const box = await page.locator('[data-role-id="ceo"] > div').first().boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(16);
      // The top of the tree is in view.
      await expect(page.locator('[data-role-id="ceo"]')).toBeInViewport();

      await page.getByTestId("exit-presentation").click();
      await expectNotPresenting(page);
      await expect(page.getByTestId("matrix-region")).toBeVisible();
    });

    test("keeps VACANT and the warning badge on cards zoomed far out", async ({
      api,
      chartPage,
      page,
    }) => {
      const chart = await createWorkshopChart(api);
      await chartPage.goto(chart.id);
      await page.locator("body").press("p");
      await expectPresenting(page);
      await expect.poll(() => titlePx(page, "ceo")).toBeGreaterThanOrEqual(16);
      // Zoom out with the wheel over the pane until the cards are compact.
      const pane = page.locator(".react-flow__pane");
      const paneBox = await pane.boundingBox();
      if (paneBox === null) throw new Error("no pane");
      await page.mouse.move(paneBox.x + paneBox.width / 2, paneBox.y + paneBox.height / 2);
      await expect(async () => {
        await page.mouse.wheel(0, 400);
        expect(await canvasZoom(page)).toBeLessThan(0.4);
      }).toPass();
      const vacant = page.locator('[data-role-id="cto"]');
      await expect(vacant.getByText("Vacant", { exact: true })).toBeVisible();
      const overloaded = page.locator('[data-role-id="cio"]').getByTestId("role-findings");
      await expect(overloaded).toBeVisible();
      await expect(overloaded).toHaveAttribute("data-severity", "warning");
      const badge = await overloaded.boundingBox();
      // Large enough to notice: at zoom 0.4 a 22 px mark is about 9 px high on screen.
      expect(badge?.height ?? 0).toBeGreaterThanOrEqual(8);

      await page.keyboard.press("Escape");
      await expectNotPresenting(page);
    });
  });
