import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import type { ChartDocument } from "@rolemap/contract";
import { expect, openAsGuest, test } from "./fixtures";

/**
 * The silent RACI round (issue 18): the owner starts a round on two rows; Ben (a member who
 * may comment) and Gus (a guest with a comment link) fill in codes in browsers of their own,
 * neither seeing the other's; the owner reveals, sees where they disagree, adopts a row, and
 * the chart's matrix shows the adopted codes everywhere.
 */

const BEN = { name: "Ben Okafor", email: "ben@example.com" };

const workshop: ChartDocument = {
  format: "rolemap.chart/v1",
  name: "Silent round",
  roles: [
    { id: "cio", title: "CIO", holder: "Alex Ng" },
    { id: "cto", title: "CTO", holder: "Sam Lee" },
    { id: "ciso", title: "CISO", holder: "Kim Diaz" },
  ],
  reportingLines: [
    { manager: "cio", report: "cto", kind: "solid" },
    { manager: "cio", report: "ciso", kind: "solid" },
  ],
  responsibilities: [
    { id: "sec", name: "Cybersecurity" },
    { id: "budget", name: "IT budget" },
    { id: "ops", name: "Operations" },
  ],
  assignments: [{ role: "cto", responsibility: "ops", code: "A" }],
};

const cell = (page: Page, role: string, row: string) => page.getByTestId(`cell-${role}-${row}`);

/** Gives a private cell its codes, one code at a time through its code menu. */
async function fillIn(page: Page, role: string, row: string, codes: string[]) {
  for (const code of codes) {
    await cell(page, role, row).click();
    await page.getByTestId("cell-menu").getByTestId(`code-option-${code}`).click();
    await expect(page.getByTestId("cell-menu")).toHaveCount(0);
  }
  await expect(cell(page, role, row)).toHaveAttribute("data-codes", codes.join(""));
}

test("two people fill in a silent round privately; the facilitator reveals, sees the disagreement and adopts a row", async ({
  api,
  chartPage,
  page,
  newContext,
}, testInfo) => {
  test.setTimeout(120_000);
  const chart = await api.createChartFrom(workshop);
  const { state } = await api.createAccount(BEN.name, BEN.email);
  await api.addMember(chart.id, BEN.email, "comment");
  const link = await api.createLink(chart.id, "comment");

  await chartPage.goto(chart.id);
  const ben = (await newContext(state)).page;
  await ben.goto(`/charts/${chart.id}`);
  const gus = await openAsGuest(newContext, link.url, "Gus Guest");
  for (const each of [page, ben, gus])
    await expect(each.getByTestId("connection-indicator")).toHaveAttribute("data-status", "live");

  // The owner starts a round on two rows (the dialog confirms them).
  await page.getByTestId("round-start").click();
  const dialog = page.getByTestId("start-round-dialog");
  await dialog.getByTestId("round-choose-sec").check();
  await dialog.getByTestId("round-choose-budget").check();
  await dialog.getByTestId("confirm-start-round").click();
  await expect(page.getByTestId("round-banner")).toContainText("Silent round on 2 rows");

  // Ben and Gus see it live; its cells are private entry, the others stay the chart's.
  for (const each of [ben, gus]) {
    await expect(each.getByTestId("round-banner")).toContainText(
      "your codes are private until the reveal · 0 people have filled in",
    );
    await expect(cell(each, "cio", "sec")).toHaveAttribute("data-round", "private");
    await expect(cell(each, "cto", "ops")).not.toHaveAttribute("data-round");
    await expect(cell(each, "cto", "ops")).toHaveAttribute("data-codes", "A");
  }

  // Both see the CIO accountable for security and the CISO doing it; on the budget they differ.
  await fillIn(ben, "cio", "sec", ["A"]);
  await fillIn(ben, "ciso", "sec", ["R"]);
  await fillIn(ben, "cio", "budget", ["A"]);
  await fillIn(gus, "cio", "sec", ["A"]);
  await fillIn(gus, "ciso", "sec", ["R"]);
  await fillIn(gus, "cto", "budget", ["A", "R"]);
  for (const each of [ben, gus])
    await expect(each.getByTestId("round-save-state")).toHaveText("· Your codes are saved");
  await ben.screenshot({ path: testInfo.outputPath("open-round.png") });

  // No one sees another's codes: not each other, not the facilitator; only the count.
  await expect(cell(ben, "cto", "budget")).toHaveAttribute("data-codes", "");
  await expect(cell(gus, "cio", "budget")).toHaveAttribute("data-codes", "");
  await expect(page.getByTestId("round-participants")).toHaveText("2 people have filled in");
  await expect(cell(page, "cio", "sec")).toHaveAttribute("data-codes", "");
  await expect(cell(page, "cto", "budget")).toHaveAttribute("data-codes", "");
  // Nor has the chart changed.
  expect((await api.getChart(chart.id)).document.assignments).toEqual(workshop.assignments);

  // The reveal: everyone sees the tally; the budget is the agenda.
  await page.getByTestId("round-reveal").click();
  const results = page.getByTestId("round-results");
  await expect(page.getByTestId("round-results-banner")).toContainText(
    "Silent round revealed · 2 people filled in · 1 row to discuss: IT budget",
  );
  await expect(gus.getByTestId("round-agenda-names")).toHaveText("IT budget");
  await expect(cell(page, "cio", "sec").getByTestId("round-tally")).toHaveText("A 2");
  await page.screenshot({ path: testInfo.outputPath("revealed-round.png") });
  await page.getByTestId("round-results-toggle").click();
  const agenda = results.getByTestId("round-agenda");
  await expect(agenda.getByTestId("round-row-budget")).toContainText("≠ different accountables");
  await expect(agenda.getByTestId("round-row-budget")).toContainText("CIO 1 · CTO 1");
  await expect(cell(page, "cio", "budget")).toHaveAccessibleName(
    "CIO – IT budget: none; round: A 1; people disagree",
  );
  await expect(cell(page, "cio", "sec").getByTestId("round-tally")).toHaveText("A 2");
  await expect(cell(ben, "cto", "budget").getByTestId("round-tally")).toHaveText("A 1 · R 1");

  await page.screenshot({ path: testInfo.outputPath("revealed-round-rows.png") });

  // The facilitator adopts the security row: ordinary edits, saved and seen by everyone.
  await results.getByTestId("round-adopt-sec").click();
  await expect(results.getByTestId("round-adopt-sec")).toHaveText("In the chart");
  await chartPage.expectSaved();
  for (const each of [page, ben, gus]) {
    await expect(cell(each, "cio", "sec")).toHaveAttribute("data-codes", "A");
    await expect(cell(each, "ciso", "sec")).toHaveAttribute("data-codes", "R");
  }
  const adopted = (await api.getChart(chart.id)).document.assignments;
  expect(adopted).toEqual(
    expect.arrayContaining([
      { role: "cio", responsibility: "sec", code: "A" },
      { role: "ciso", responsibility: "sec", code: "R" },
    ]),
  );
  expect(adopted).toHaveLength(3);

  // The votes for after the workshop.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByTestId("round-download").click(),
  ]);
  const csv = readFileSync(await download.path(), "utf8");
  expect(csv).toContain("sec,Cybersecurity,cio,CIO,Ben Okafor,A");
  expect(csv).toContain("budget,IT budget,cto,CTO,Gus Guest,A/R");

  // Removing the round takes it off every matrix; the adopted codes stay.
  await page.getByTestId("round-remove").click();
  await page.getByTestId("confirm-remove-round").click();
  for (const each of [page, ben]) {
    await expect(each.getByTestId("round-results-banner")).toHaveCount(0);
    await expect(cell(each, "cio", "sec")).not.toHaveAttribute("data-round");
    await expect(cell(each, "cio", "sec")).toHaveAttribute("data-codes", "A");
  }
});
