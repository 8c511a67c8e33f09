import type { Page } from "@playwright/test";
import type { ChartRecord, ReportingLine } from "@rolemap/contract";
import { generateChart } from "../../../packages/domain/bench/generate-chart";
import { card, centreOf, drag } from "./canvas-gestures";
import { type ChartPageModel, expect, test } from "./fixtures";

/**
 * The org-chart canvas with real mouse and keyboard input: palette drops, drawing and
 * switching lines, re-parenting by drag, auto layout, search, collapse, inline editing,
 * deleting, undo/redo, and what the server stored.
 */

const lineId = ({ manager, report, kind }: ReportingLine) =>
  `${encodeURIComponent(manager)}>${encodeURIComponent(report)}:${kind}`;
const edge = (page: Page, line: ReportingLine) => page.getByTestId(`rf__edge-${lineId(line)}`);
const solid = (manager: string, report: string): ReportingLine => ({
  manager,
  report,
  kind: "solid",
});

/** Opens the chart with the matrix hidden, so the canvas has the room of the page. */
async function openCanvas(page: Page, chartPage: ChartPageModel, chart: ChartRecord) {
  await chartPage.goto(chart.id);
  const matrix = page.getByTestId("matrix-region");
  if (await matrix.isVisible()) await page.getByTestId("toggle-matrix").click();
  await expect(matrix).toBeHidden();
  await expect(card(page, "ceo")).toBeVisible();
}

const linesOf = async (api: { getChart(id: string): Promise<ChartRecord> }, id: string) =>
  (await api.getChart(id)).document.reportingLines;

test.describe("canvas", () => {
  test("drops a CIO from the palette on the CEO, undoes and redoes it, and keeps it after reload", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("product-led");
    await openCanvas(page, chartPage, chart);
    const before = await page.getByTestId("role-card").count();

    await page.getByTestId("palette-cio").dragTo(card(page, "ceo"));

    const added = card(page, "cio-2");
    await expect(added).toBeVisible();
    await expect(added.getByTestId("role-card")).toHaveAttribute("data-vacant", "true");
    await expect(added).toHaveAttribute("aria-label", /vacant/);
    await expect(edge(page, solid("ceo", "cio-2")).getByTestId("line-path")).toHaveAttribute(
      "data-kind",
      "solid",
    );
    await chartPage.expectSaved();
    let stored = (await api.getChart(chart.id)).document;
    expect(stored.roles.find((role) => role.id === "cio-2")).toMatchObject({
      title: "Chief Information Officer",
      holder: null,
    });
    expect(stored.reportingLines).toContainEqual(solid("ceo", "cio-2"));

    await page.keyboard.press("Control+z");
    await expect(added).toHaveCount(0);
    await expect(page.getByTestId("role-card")).toHaveCount(before);
    await chartPage.expectSaved();
    await expect
      .poll(async () => (await api.getChart(chart.id)).document.roles.length)
      .toBe(before);

    await page.keyboard.press("Control+Shift+z");
    await expect(added).toBeVisible();
    await chartPage.expectSaved();

    await page.reload();
    await expect(card(page, "cio-2")).toBeVisible();
    await expect(edge(page, solid("ceo", "cio-2"))).toBeAttached();
    stored = (await api.getChart(chart.id)).document;
    expect(stored.reportingLines).toContainEqual(solid("ceo", "cio-2"));
  });

  test("opens with the whole chart fitted into view, and the overview in the corner", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split");
    await chartPage.goto(chart.id);
    const cards = page.locator(".react-flow__node");
    await expect(cards).toHaveCount(chart.document.roles.length);
    const pane = await page.locator(".react-flow").boundingBox();
    if (pane === null) throw new Error("no canvas");
    for (const box of await cards.evaluateAll((nodes) =>
      nodes.map((node) => node.getBoundingClientRect().toJSON() as DOMRect),
    )) {
      expect(box.left).toBeGreaterThanOrEqual(pane.x);
      expect(box.right).toBeLessThanOrEqual(pane.x + pane.width);
      expect(box.top).toBeGreaterThanOrEqual(pane.y);
      expect(box.bottom).toBeLessThanOrEqual(pane.y + pane.height);
    }
    await expect(page.getByRole("img", { name: "Overview of the chart" })).toBeVisible();
  });

  test("opens a large chart with the cards in view first, then mounts every card, asking for the chart once", async ({
    api,
    page,
  }) => {
    const roles = 800;
    const chart = generateChart({ roles, responsibilities: 4, assignments: 20, seed: 11 });
    const { id } = await api.createChartFrom(chart);
    // Each state of the canvas's data-cards, from its first render, with the most cards
    // mounted while it lasted.
    await page.addInitScript(() => {
      const seen: { cards: string | null; mounted: number }[] = [];
      (window as unknown as { __cards: typeof seen }).__cards = seen;
      new MutationObserver(() => {
        const canvas = document.querySelector('[data-testid="chart-canvas"]');
        if (canvas === null) return;
        const cards = canvas.getAttribute("data-cards");
        const mounted = document.querySelectorAll(".react-flow__node").length;
        const last = seen.at(-1);
        if (last !== undefined && last.cards === cards)
          last.mounted = Math.max(last.mounted, mounted);
        else seen.push({ cards, mounted });
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    const chartRequests: string[] = [];
    page.on("request", (sent) => {
      if (new URL(sent.url()).pathname === `/api/charts/${id}`) chartRequests.push(sent.method());
    });

    await page.goto(`/charts/${id}`);
    await expect(page.getByTestId("chart-canvas")).toHaveAttribute("data-cards", "all");
    await expect(page.locator(".react-flow__node")).toHaveCount(roles);
    const seen = await page.evaluate(
      () => (window as unknown as { __cards: { cards: string; mounted: number }[] }).__cards,
    );
    expect(seen.map((step) => step.cards)).toEqual(["view", "all"]);
    // The first view: some cards, far from all of them.
    expect(seen[0]?.mounted).toBeGreaterThan(0);
    expect(seen[0]?.mounted).toBeLessThan(roles / 2);
    // index.html's early request is the one the page uses: the chart is not fetched twice.
    expect(chartRequests).toEqual(["GET"]);
  });

  for (const template of ["classic-split", "product-led", "operations-led"])
    test(`draws every reporting line of the ${template} template`, async ({
      api,
      chartPage,
      page,
    }) => {
      const chart = await api.createChart(template);
      await openCanvas(page, chartPage, chart);
      for (const line of chart.document.reportingLines)
        await expect(edge(page, line).getByTestId("line-path")).toHaveAttribute(
          "data-kind",
          line.kind,
        );
      await expect(page.locator(".react-flow__edge")).toHaveCount(
        chart.document.reportingLines.length,
      );
    });

  test("draws a dotted line as dots, and as a faint line once zoomed out so far that the dots blend", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split");
    await openCanvas(page, chartPage, chart);
    const dotted = chart.document.reportingLines.find((line) => line.kind === "dotted");
    if (dotted === undefined) throw new Error("the template has no dotted line");
    const path = edge(page, dotted).getByTestId("line-path");
    const dashes = () => path.evaluate((element) => getComputedStyle(element).strokeDasharray);
    expect(await dashes()).not.toBe("none");

    const canvas = page.getByTestId("chart-canvas");
    const zoomOut = page.getByRole("button", { name: "Zoom Out" });
    for (
      let press = 0;
      press < 30 && (await canvas.getAttribute("data-dots")) !== "merged";
      press++
    )
      await zoomOut.click();
    await expect(canvas).toHaveAttribute("data-dots", "merged");
    await expect.poll(dashes).toBe("none");

    await page.getByRole("button", { name: "Fit View" }).click();
    await expect(canvas).toHaveAttribute("data-dots", "apart");
    await expect.poll(dashes).not.toBe("none");
  });

  test("reaches a line with the keyboard and selects it with Enter; its toolbar comes next", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split");
    await openCanvas(page, chartPage, chart);
    // The lines come before the cards in the tab order: Shift+Tab from the first card.
    await page.locator(".react-flow__node").first().focus();
    await page.keyboard.press("Shift+Tab");
    const focusedLine = page.locator(".react-flow__edge:focus");
    await expect(focusedLine).toHaveCount(1);
    const path = focusedLine.getByTestId("line-path");
    await expect(path).toHaveAttribute("data-selected", "false");

    await page.keyboard.press("Enter");
    await expect(path).toHaveAttribute("data-selected", "true");
    const toolbar = page.getByTestId("line-toolbar");
    await expect(toolbar).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(toolbar.getByRole("button", { name: "Solid" })).toBeFocused();
  });

  test("arranges the chart with auto layout: no card overlaps, one undo step", async ({
    api,
    chartPage,
    page,
  }) => {
    const created = await api.createChart("classic-split");
    // Scatter the cards into a heap, as a careless hand would.
    await api.editElsewhere(
      created.id,
      created.document.roles.map((role, index) => ({
        op: "moveRole" as const,
        id: role.id,
        position: { x: index * 40, y: index * 30 },
      })),
    );
    const chart = await api.getChart(created.id);
    const original = chart.document.roles.map((role) => role.position);
    await openCanvas(page, chartPage, chart);

    await page.getByTestId("auto-layout").click();
    await chartPage.expectSaved();
    const overlaps = await page.locator(".react-flow__node").evaluateAll((nodes) => {
      const boxes = nodes.map((node) => node.getBoundingClientRect());
      let count = 0;
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          if (
            a &&
            b &&
            a.left < b.right &&
            b.left < a.right &&
            a.top < b.bottom &&
            b.top < a.bottom
          )
            count++;
        }
      return count;
    });
    expect(overlaps).toBe(0);
    const laidOut = (await api.getChart(chart.id)).document.roles.map((role) => role.position);
    expect(laidOut).not.toEqual(original);

    await page.keyboard.press("Control+z");
    await chartPage.expectSaved();
    await expect
      .poll(async () => (await api.getChart(chart.id)).document.roles.map((role) => role.position))
      .toEqual(original);
  });

  test("draws a line between two roles by their handles: dotted to a role with a manager, solid once it has none", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split");
    await openCanvas(page, chartPage, chart);
    await page.getByTestId("auto-layout").click();
    await chartPage.expectSaved();

    const cto = card(page, "cto");
    const opsHead = card(page, "head-it-ops");
    const drawCtoToOps = async () => {
      await cto.hover();
      const from = await centreOf(cto.locator(".react-flow__handle-bottom"));
      const to = await centreOf(opsHead.locator(".react-flow__handle-top"));
      await drag(page, from, to);
    };
    // The head of IT operations reports to the CIO: a second manager is a dotted line.
    await drawCtoToOps();
    const second: ReportingLine = { manager: "cto", report: "head-it-ops", kind: "dotted" };
    await expect(edge(page, second).getByTestId("line-path")).toHaveAttribute(
      "data-kind",
      "dotted",
    );
    await expect.poll(() => linesOf(api, chart.id)).toContainEqual(second);
    await page.keyboard.press("Control+z");
    await expect(edge(page, second)).toHaveCount(0);
    await expect.poll(() => linesOf(api, chart.id)).not.toContainEqual(second);

    // Without its solid-line manager, the same gesture draws a solid line.
    await api.editElsewhere(chart.id, [
      { op: "removeLine", line: { manager: "cio", report: "head-it-ops", kind: "solid" } },
    ]);
    await expect(edge(page, { manager: "cio", report: "head-it-ops", kind: "solid" })).toHaveCount(
      0,
    );
    await drawCtoToOps();
    const line = solid("cto", "head-it-ops");
    const path = edge(page, line).getByTestId("line-path");
    await expect(path).toHaveAttribute("data-kind", "solid");
    await expect.poll(() => linesOf(api, chart.id)).toContainEqual(line);

    // Click on the line itself: a point of its path that is not under a card.
    const point = await path.evaluate((element) => {
      const svgPath = element as SVGPathElement;
      const matrix = svgPath.getScreenCTM();
      const edgeGroup = svgPath.closest(".react-flow__edge");
      if (matrix === null || edgeGroup === null) throw new Error("no edge on screen");
      const length = svgPath.getTotalLength();
      for (let step = 1; step < 20; step++) {
        const at = svgPath.getPointAtLength((length * step) / 20);
        const x = at.x * matrix.a + matrix.e;
        const y = at.y * matrix.d + matrix.f;
        if (document.elementFromPoint(x, y)?.closest(".react-flow__edge") === edgeGroup)
          return { x, y };
      }
      throw new Error("the line is hidden everywhere");
    });
    await page.mouse.click(point.x, point.y);
    const toolbar = page.getByTestId("line-toolbar");
    await expect(toolbar).toBeVisible();
    await toolbar.getByRole("button", { name: "Dotted" }).click();

    const dotted: ReportingLine = { ...line, kind: "dotted" };
    await expect(edge(page, dotted).getByTestId("line-path")).toHaveAttribute(
      "data-kind",
      "dotted",
    );
    await expect(edge(page, line)).toHaveCount(0);
    await expect.poll(() => linesOf(api, chart.id)).toContainEqual(dotted);

    await page.getByTestId("line-toolbar").getByRole("button", { name: "Delete" }).click();
    await expect(edge(page, dotted)).toHaveCount(0);
    await expect.poll(() => linesOf(api, chart.id)).not.toContainEqual(dotted);
  });

  test("re-parents a role dragged onto another role, and moves a role dropped on empty canvas", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split");
    await openCanvas(page, chartPage, chart);
    await page.getByTestId("auto-layout").click();
    await chartPage.expectSaved();

    const architect = card(page, "enterprise-architect");
    await drag(
      page,
      await centreOf(architect.getByTestId("role-card")),
      await centreOf(card(page, "cto")),
    );
    await chartPage.expectSaved();
    await expect
      .poll(() => linesOf(api, chart.id))
      .toContainEqual(solid("cto", "enterprise-architect"));
    expect(await linesOf(api, chart.id)).not.toContainEqual(solid("cio", "enterprise-architect"));

    const before = (await api.getChart(chart.id)).document.roles.find(
      (r) => r.id === "ceo",
    )?.position;
    const start = await centreOf(card(page, "ceo"));
    await drag(page, start, { x: start.x + 120, y: start.y - 40 });
    await chartPage.expectSaved();
    await expect
      .poll(
        async () =>
          (await api.getChart(chart.id)).document.roles.find((r) => r.id === "ceo")?.position,
      )
      .not.toEqual(before);
    expect(await linesOf(api, chart.id)).toContainEqual(solid("ceo", "cio"));
  });

  test("search selects and centres a match; collapse hides a subtree and expand restores it", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split");
    await openCanvas(page, chartPage, chart);

    await page.getByTestId("role-search").fill("kowalczyk");
    await expect(page.getByTestId("search-count")).toHaveText("1 of 1");
    const match = card(page, "head-product");
    await expect(match.getByTestId("role-card")).toHaveAttribute("data-selected", "true");
    const pane = await page.locator(".react-flow").boundingBox();
    if (pane === null) throw new Error("no canvas");
    await expect
      .poll(async () => {
        const centre = await centreOf(match);
        return (
          Math.abs(centre.x - (pane.x + pane.width / 2)) +
          Math.abs(centre.y - (pane.y + pane.height / 2))
        );
      })
      .toBeLessThan(40);

    await page.getByRole("button", { name: "Fit to screen" }).click();
    const cards = page.getByTestId("role-card");
    const all = await cards.count();
    await card(page, "cio").getByTestId("collapse-toggle").click();
    await expect(cards).toHaveCount(all - 5);
    await expect(card(page, "ciso")).toHaveCount(0);
    await expect(card(page, "cio").getByTestId("collapse-toggle")).toHaveText("+5");

    // A search for a hidden role opens its manager again.
    await page.getByTestId("role-search").fill("Adaeze");
    await expect(card(page, "ciso")).toBeVisible();
    await expect(cards).toHaveCount(all);

    await page.getByRole("button", { name: "Fit to screen" }).click();
    await card(page, "cio").getByTestId("collapse-toggle").click();
    await expect(cards).toHaveCount(all - 5);
    await card(page, "cio").getByTestId("collapse-toggle").click();
    await expect(cards).toHaveCount(all);
  });

  test("edits a card inline with the keyboard and deletes roles with Delete", async ({
    api,
    chartPage,
    page,
  }) => {
    const chart = await api.createChart("classic-split");
    await openCanvas(page, chartPage, chart);

    const cdo = card(page, "cdo");
    await cdo.focus();
    await page.keyboard.press("Enter");
    const form = cdo.getByRole("form");
    await expect(form).toBeVisible();
    await form.getByLabel("Holder (empty: vacant)").fill("Someone Else");
    await page.keyboard.press("Escape");
    await expect(form).toBeHidden();
    await expect(cdo).toContainText("Priya Raghunathan");

    await cdo.getByTestId("role-card").dblclick();
    await form.getByLabel("Holder (empty: vacant)").fill("");
    await form.getByLabel("Department").fill("Data and AI");
    await page.keyboard.press("Enter");
    await expect(cdo).toContainText("Vacant");
    await expect(cdo).toContainText("Data and AI");
    await chartPage.expectSaved();
    await expect
      .poll(async () => (await api.getChart(chart.id)).document.roles.find((r) => r.id === "cdo"))
      .toMatchObject({ holder: null, department: "Data and AI" });

    await card(page, "ciso").getByTestId("role-card").click();
    await card(page, "cdo")
      .getByTestId("role-card")
      .click({ modifiers: ["Shift"] });
    await page.keyboard.press("Delete");
    await expect(card(page, "ciso")).toHaveCount(0);
    await expect(card(page, "cdo")).toHaveCount(0);
    await chartPage.expectSaved();
    await expect
      .poll(async () => (await api.getChart(chart.id)).document.roles.map((r) => r.id))
      .not.toContain("ciso");

    // One batch: one undo brings both back.
    await page.keyboard.press("Control+z");
    await expect(card(page, "ciso")).toBeVisible();
    await expect(card(page, "cdo")).toBeVisible();
  });
});
