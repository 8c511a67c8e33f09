import type { ChartDocument, ChartRecord, CompareResponse } from "@rolemap/contract";
import { compareCharts } from "@rolemap/domain";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/client";
import { loadComparePage } from "../app/lazy-pages";
import { saveFile } from "../lib/save-file";
import { comparePath } from "../scenarios/scenario-paths";
import { fakeApi, renderApp } from "../test/render";
import { DIFF, NO_DIFF, PRIMARY, SCENARIO } from "./compare-fixtures";

vi.mock("../lib/save-file", () => ({ saveFile: vi.fn() }));
// The chart page the promote leads to belongs to other tests.
vi.mock("../canvas/ChartCanvas", () => ({ ChartCanvas: () => <p>canvas</p> }));
vi.mock("../matrix/ResponsibilityMatrix", () => ({ ResponsibilityMatrix: () => <p>matrix</p> }));
vi.mock("../findings/FindingsPanel", () => ({ FindingsPanel: () => <p>findings</p> }));

await loadComparePage();

const A = "0b6a3c2e-8f55-4f0b-9d55-2f1f1b9c1a01";
const B = "7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6";
const PATH = comparePath(A, B);

const record = (id: string, document: ChartDocument, extra: Partial<ChartRecord> = {}) => ({
  id,
  version: 4,
  updatedAt: "2026-12-07T10:00:00.000Z",
  document,
  access: "owner" as const,
  ...extra,
});

function compareApi({
  diff = DIFF,
  primaryAccess = "owner",
  primary = PRIMARY,
  baseVersion = 4,
  ...overrides
}: Parameters<typeof fakeApi>[0] & {
  diff?: CompareResponse["diff"];
  primaryAccess?: ChartRecord["access"];
  /** The primary as it is now (version 4). */
  primary?: ChartDocument;
  /** The primary's version the scenario was made from (4: it has not changed since). */
  baseVersion?: number;
} = {}) {
  const records = [
    record(A, primary, { access: primaryAccess }),
    record(B, SCENARIO, { scenarioOf: A, baseVersion }),
  ];
  return fakeApi({
    getChart: vi.fn(async (id: string) => {
      const found = records.find((candidate) => candidate.id === id);
      if (found === undefined) throw new ApiError(404, "not_found", `chart ${id} not found`);
      return found;
    }),
    compareCharts: vi.fn(
      async (): Promise<CompareResponse> => ({
        a: { id: A, name: PRIMARY.name, version: 4 },
        b: { id: B, name: SCENARIO.name, version: 4 },
        diff,
      }),
    ),
    ...overrides,
  });
}

/** The API when the primary is `now` and the scenario was made from PRIMARY at version 2. */
const changedSince = (now: ChartDocument) =>
  compareApi({
    primary: now,
    baseVersion: 2,
    diff: compareCharts(now, SCENARIO),
    getVersion: vi.fn(async (id: string, version: number) => ({ id, version, document: PRIMARY })),
  });

describe("ComparePage", () => {
  it("shows the changes in words, the changed cells and the findings delta by name", async () => {
    const api = compareApi();
    renderApp(PATH, api);
    expect(await screen.findByTestId("compare-title")).toHaveTextContent(
      "CISO under CIO with Acme",
    );
    expect(api.compareCharts).toHaveBeenCalledWith(A, B, expect.anything());
    expect(screen.getByTestId("compare-summary")).toHaveTextContent(
      "10 changes in CISO under CIO (version 4) against Acme (version 4) · findings: 1 fixed, 4 new",
    );
    const list = screen.getByTestId("change-list");
    expect(list).toHaveTextContent("MovedCISOnow reports to Chief Information Officer (was CTO)");
    expect(list).toHaveTextContent("title: CIO → Chief Information Officer");
    // A scenario's own name is no change.
    expect(list).not.toHaveTextContent("name: Acme");

    const cell = screen.getByTestId("changed-cell-ciso-cyber");
    expect(cell).toHaveTextContent("CISO – Cybersecurity: was R, now A/R (A added)");
    expect(within(screen.getByTestId("cell-changes")).getByRole("table")).toBeInTheDocument();

    expect(screen.getByTestId("findings-fixed")).toHaveTextContent(
      "Data Protection Officer is accountable for Data governance, but the role is vacant.",
    );
    expect(screen.getByTestId("findings-new")).toHaveTextContent(
      "Nobody is accountable for Data governance",
    );
    expect(document.title).toBe("Compare CISO under CIO with Acme – Rolemap");
  });

  it("switches between the overlay and the two charts side by side", async () => {
    const user = userEvent.setup();
    renderApp(PATH, compareApi());
    const overlay = await screen.findByTestId("view-overlay");
    expect(overlay).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByTestId("compare-overlay")).toHaveAccessibleName(
      "Scenario: CISO under CIO over Primary: Acme",
    );
    expect(screen.getByTestId("mark-legend")).toHaveTextContent("Removed (faint where it was)");

    await user.click(screen.getByTestId("view-side-by-side"));
    expect(screen.getByTestId("view-side-by-side")).toHaveAttribute("aria-pressed", "true");
    expect(screen.queryByTestId("compare-overlay")).toBeNull();
    expect(screen.getByRole("heading", { name: "Primary: Acme" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Scenario: CISO under CIO" })).toBeInTheDocument();
    expect(screen.getByTestId("compare-before")).toBeInTheDocument();
    expect(screen.getByTestId("compare-after")).toBeInTheDocument();
  });

  it("promotes after a confirmation that lists what will change, then opens the primary", async () => {
    const user = userEvent.setup();
    const api = compareApi({
      promoteScenario: vi.fn(async () => ({ id: A, version: 5, applied: 9 })),
    });
    renderApp(PATH, api);
    await user.click(await screen.findByTestId("promote-button"));
    const dialog = screen.getByTestId("promote-dialog");
    expect(within(dialog).getByRole("heading", { level: 2 })).toHaveTextContent(
      "Promote “CISO under CIO” into “Acme”?",
    );
    expect(within(dialog).getByTestId("promote-changes")).toHaveTextContent(
      "CISOnow reports to Chief Information Officer (was CTO)",
    );
    expect(within(dialog).getByTestId("promote-findings")).toHaveTextContent(
      "Findings: 1 fixed, 4 new.",
    );

    await user.click(within(dialog).getByTestId("promote-confirm"));
    expect(api.promoteScenario).toHaveBeenCalledWith(B);
    await waitFor(() => expect(screen.getByTestId("location")).toHaveTextContent(`/charts/${A}`));
    // The primary's page says what arrived, once it is there (its editor takes a moment).
    expect(await screen.findByTestId("notice", {}, { timeout: 5000 })).toHaveTextContent(
      "“CISO under CIO” was promoted into this chart as version 5.",
    );
  });

  it("lists only the scenario's own changes when the primary changed since it was made", async () => {
    const user = userEvent.setup();
    // After the scenario was made (version 2), the primary got a CFO: the two charts now
    // differ by it, but a promote keeps it.
    const now: ChartDocument = {
      ...PRIMARY,
      roles: [...PRIMARY.roles, { id: "cfo", title: "CFO", holder: "Flo" }],
      reportingLines: [...PRIMARY.reportingLines, { manager: "ceo", report: "cfo", kind: "solid" }],
    };
    const api = changedSince(now);
    renderApp(PATH, api);
    expect(await screen.findByTestId("change-list")).toHaveTextContent("RemovedCFO");
    expect(screen.getByTestId("primary-moved")).toHaveTextContent(
      "Acme has changed since this scenario was made (version 2 → 4): a promote keeps those changes.",
    );
    await user.click(screen.getByTestId("promote-button"));
    const dialog = screen.getByTestId("promote-dialog");
    const changes = await within(dialog).findByTestId("promote-changes");
    expect(api.getVersion).toHaveBeenCalledWith(A, 2, expect.anything());
    expect(changes).toHaveTextContent("CISOnow reports to Chief Information Officer (was CTO)");
    expect(changes).not.toHaveTextContent("CFO");
    expect(within(dialog).getByTestId("promote-moved")).toHaveTextContent(
      "Acme has changed since this scenario was made (version 2 → 4). Those changes stay",
    );
  });

  it("foresees a clash with a change of the primary and offers no promote", async () => {
    const user = userEvent.setup();
    const now: ChartDocument = {
      ...PRIMARY,
      roles: PRIMARY.roles.map((role) =>
        role.id === "cio" ? { ...role, title: "Chief Digital Officer" } : role,
      ),
    };
    const api = changedSince(now);
    renderApp(PATH, api);
    await user.click(await screen.findByTestId("promote-button"));
    const dialog = screen.getByTestId("promote-dialog");
    const conflicts = await within(dialog).findByTestId("promote-conflicts");
    expect(conflicts).toHaveTextContent("This promote would change nothing");
    expect(within(conflicts).getByTestId("promote-conflict")).toHaveTextContent(
      "Chief Digital Officer",
    );
    expect(within(dialog).queryByTestId("promote-confirm")).toBeNull();
    expect(api.promoteScenario).not.toHaveBeenCalled();
  });

  it("lists each clash of a promote conflict and promotes nothing", async () => {
    const user = userEvent.setup();
    const api = compareApi({
      promoteScenario: vi.fn(async () => {
        throw new ApiError(
          409,
          "promote_conflict",
          "the original changed the same things as the scenario since version 2; nothing was changed",
          [
            {
              path: "roles.ciso",
              message: "both moved CISO: under CIO in the scenario, under CFO in the original",
            },
            {
              path: "cells.ciso/cyber",
              message: "both changed CISO on Cybersecurity: A/R in the scenario, C in the original",
            },
          ],
        );
      }),
    });
    renderApp(PATH, api);
    await user.click(await screen.findByTestId("promote-button"));
    const dialog = screen.getByTestId("promote-dialog");
    await user.click(within(dialog).getByTestId("promote-confirm"));

    const conflicts = await within(dialog).findByTestId("promote-conflicts");
    expect(conflicts).toHaveTextContent("Nothing was promoted");
    expect(
      within(conflicts)
        .getAllByTestId("promote-conflict")
        .map((li) => li.textContent),
    ).toEqual([
      "both moved CISO: under CIO in the scenario, under CFO in the original",
      "both changed CISO on Cybersecurity: A/R in the scenario, C in the original",
    ]);
    expect(within(dialog).queryByTestId("promote-confirm")).toBeNull();
    expect(screen.getByTestId("location")).toHaveTextContent(PATH);
    expect(api.promoteScenario).toHaveBeenCalledTimes(1);

    await user.click(within(dialog).getByRole("button", { name: "Close" }));
    expect(screen.queryByTestId("promote-dialog")).toBeNull();
  });

  it("keeps Promote from someone who does not own the primary, and says why", async () => {
    const user = userEvent.setup();
    const api = compareApi({ primaryAccess: "edit" });
    renderApp(PATH, api);
    const button = await screen.findByTestId("promote-button");
    expect(button).toHaveAttribute("aria-disabled", "true");
    expect(button).toHaveAccessibleDescription(
      "Only the owner of Acme can promote a scenario into it.",
    );
    await user.click(button);
    expect(screen.queryByTestId("promote-dialog")).toBeNull();
    expect(api.promoteScenario).not.toHaveBeenCalled();
  });

  it("says so when there are no differences, with nothing to promote", async () => {
    renderApp(PATH, compareApi({ diff: NO_DIFF }));
    expect(await screen.findByTestId("no-differences")).toHaveTextContent(
      "No differences: CISO under CIO is the same as Acme.",
    );
    expect(screen.getByTestId("compare-summary")).toHaveTextContent("No differences");
    expect(screen.queryByTestId("cell-changes")).toBeNull();
    expect(screen.getByTestId("findings-fixed")).toHaveTextContent("Fixes no finding.");
    expect(screen.getByTestId("promote-button")).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByTestId("promote-reason")).toHaveTextContent("Nothing to promote");
  });

  it("shows the loading state, then a failure with a retry that asks again", async () => {
    const user = userEvent.setup();
    let fail = true;
    const answer = compareApi().compareCharts;
    const api = compareApi({
      compareCharts: vi.fn(async (a: string, b: string) => {
        if (fail) throw new ApiError(503, "database_unavailable", "The database is not answering.");
        return answer(a, b);
      }),
    });
    renderApp(PATH, api);
    expect(await screen.findByTestId("compare-loading")).toHaveTextContent(
      "Comparing the two charts…",
    );
    const error = await screen.findByTestId("error-state");
    expect(error).toHaveTextContent("The comparison could not be loaded.");
    expect(error).toHaveTextContent("The database is not answering.");

    fail = false;
    await user.click(within(error).getByRole("button", { name: "Try again" }));
    expect(await screen.findByTestId("change-list")).toBeInTheDocument();
  });

  it("says nothing can be compared when a chart is missing or not theirs", async () => {
    renderApp(
      PATH,
      compareApi({
        compareCharts: vi.fn(async () => {
          throw new ApiError(404, "not_found", "chart not found");
        }),
      }),
    );
    expect(await screen.findByTestId("not-found")).toHaveTextContent("Nothing to compare");
  });

  it("downloads the comparison as PDF and PNG from the export route", async () => {
    const user = userEvent.setup();
    const pdf = new Blob(["%PDF"], { type: "application/pdf" });
    const api = compareApi({
      exportComparison: vi.fn(async (_a: string, _b: string, format: string) =>
        format === "pdf"
          ? { blob: pdf, filename: "CISO under CIO vs Acme.pdf" }
          : { blob: new Blob(["png"]), filename: null },
      ),
    });
    vi.mocked(saveFile).mockClear();
    renderApp(PATH, api);
    await user.click(await screen.findByRole("button", { name: "Export PDF" }));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(1));
    expect(api.exportComparison).toHaveBeenCalledWith(A, B, "pdf");
    expect(vi.mocked(saveFile).mock.calls[0]?.slice(0, 2)).toEqual([
      pdf,
      "CISO under CIO vs Acme.pdf",
    ]);

    await user.click(screen.getByTestId("export-comparison-png"));
    await waitFor(() => expect(saveFile).toHaveBeenCalledTimes(2));
    // No name from the server: one made of the two charts' names.
    expect(vi.mocked(saveFile).mock.calls[1]?.[1]).toBe("CISO under CIO vs Acme.png");
  });

  it("says why an export failed", async () => {
    const user = userEvent.setup();
    renderApp(
      PATH,
      compareApi({
        exportComparison: vi.fn(async () => {
          throw new ApiError(503, "server_busy", "Too many exports at once.");
        }),
      }),
    );
    await user.click(await screen.findByTestId("export-comparison-png"));
    expect(await screen.findByTestId("export-comparison-error")).toHaveTextContent(
      "Export failed: Too many exports at once.",
    );
  });
});
