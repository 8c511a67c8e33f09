import type { AccessLevel, ChartDocument, RaciCode, Round } from "@rolemap/contract";
import { tallyRound } from "@rolemap/domain";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiClientProvider } from "../api/api-context";
import { type ApiClient, ApiError } from "../api/client";
import { ResponsibilityMatrix } from "../matrix/ResponsibilityMatrix";
import { CHART_ID, chartRecord, createTestEditor, settle } from "../test/editor-fixtures";
import { fakeApi } from "../test/render";
import { SilentRoundProvider } from "./SilentRoundProvider";

const chart: ChartDocument = {
  format: "rolemap.chart/v1",
  name: "Workshop",
  roles: [
    { id: "cio", title: "CIO" },
    { id: "cto", title: "CTO" },
    { id: "ciso", title: "CISO" },
  ],
  reportingLines: [],
  responsibilities: [
    { id: "sec", name: "Security" },
    { id: "budget", name: "Budget" },
    { id: "ops", name: "Operations" },
  ],
  assignments: [{ role: "ciso", responsibility: "sec", code: "I" }],
};

const ROUND_ID = "6f0e2d8a-3c1b-4a5e-9f7d-2b8c4e6a1d30";
const open = (overrides: Partial<Round> = {}): Round => ({
  id: ROUND_ID,
  chartId: CHART_ID,
  status: "open",
  responsibilities: ["sec", "budget"],
  roles: ["cio", "cto", "ciso"],
  startedAt: "2026-12-07T10:00:00.000Z",
  startedBy: { name: "Dana" },
  revealedAt: null,
  participants: 2,
  mine: [],
  results: null,
  ...overrides,
});

const vote = (voter: string, responsibility: string, role: string, codes: RaciCode[]) => ({
  voter,
  responsibility,
  role,
  codes,
});

/** Security: all three see CIO accountable, two of them CISO responsible; budget splits. */
const revealed = (): Round =>
  open({
    status: "revealed",
    revealedAt: "2026-12-07T10:05:00.000Z",
    participants: 3,
    results: tallyRound({
      responsibilities: ["sec", "budget"],
      roles: ["cio", "cto", "ciso"],
      votes: [
        vote("ann", "sec", "cio", ["A"]),
        vote("ann", "sec", "ciso", ["R"]),
        vote("bob", "sec", "cio", ["A"]),
        vote("bob", "sec", "ciso", ["R"]),
        vote("cid", "sec", "cio", ["A"]),
        vote("ann", "budget", "cio", ["A"]),
        vote("bob", "budget", "cto", ["A"]),
      ],
    }),
  });

function setup(access: AccessLevel, rounds: Round[], overrides: Partial<ApiClient> = {}) {
  // Rounds put away by an earlier test stay away in this browser otherwise.
  localStorage.removeItem("rolemap.dismissedRounds");
  const { editor, server } = createTestEditor({ record: chartRecord(chart, 1, access) });
  const api = fakeApi({ listRounds: vi.fn(async () => ({ rounds })), ...overrides });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const user = userEvent.setup();
  render(
    <QueryClientProvider client={queryClient}>
      <ApiClientProvider client={api}>
        <SilentRoundProvider editor={editor}>
          <ResponsibilityMatrix editor={editor} />
        </SilentRoundProvider>
      </ApiClientProvider>
    </QueryClientProvider>,
  );
  return { editor, server, api, user };
}

const cell = (name: string | RegExp) => screen.getByRole("gridcell", { name });
const codesOf = (editor: ReturnType<typeof setup>["editor"], role: string, row: string) =>
  editor
    .getState()
    .document.assignments.filter((a) => a.role === role && a.responsibility === row)
    .map((a) => a.code)
    .sort();

describe("a silent round in the matrix", () => {
  it("lets the facilitator start one on the selected rows after confirming them", async () => {
    const startRound = vi.fn(async () => open({ participants: 0 }));
    const { editor, user } = setup("owner", [], { startRound });
    act(() => editor.setSelection({ responsibilities: ["budget"], roles: [] }));
    // The first test of the file also waits for its first render's code: a busy machine is slow.
    await user.click(
      await screen.findByRole("button", { name: "Silent round…" }, { timeout: 5000 }),
    );
    const dialog = screen.getByTestId("start-round-dialog");
    expect(within(dialog).getByRole("checkbox", { name: "Budget" })).toBeChecked();
    expect(within(dialog).getByRole("checkbox", { name: "Security" })).not.toBeChecked();
    await user.click(within(dialog).getByRole("checkbox", { name: "Security" }));
    await user.click(within(dialog).getByRole("button", { name: "Start on 2 rows" }));
    expect(startRound).toHaveBeenCalledWith(CHART_ID, { responsibilities: ["sec", "budget"] });
    expect(await screen.findByTestId("round-banner")).toHaveTextContent(
      "Silent round on 2 rows — your codes are private until the reveal · 0 people have filled in",
    );
    expect(screen.queryByRole("button", { name: "Silent round…" })).not.toBeInTheDocument();
  });

  it("makes the round's cells private entry for a participant: my codes, saved, not the chart's", async () => {
    const saveRoundVotes = vi.fn(async (_chart: string, _round: string, votes: Round["mine"]) =>
      open({ participants: 3, mine: votes }),
    );
    const { editor, user } = setup("comment", [open()], { saveRoundVotes });
    expect(await screen.findByTestId("round-banner")).toHaveTextContent(
      "your codes are private until the reveal · 2 people have filled in",
    );
    // The chart's I stays hidden: the cell shows my (empty) codes.
    await user.click(cell("CISO – Security: none (your private round codes)"));
    await user.keyboard("{Escape}r");
    expect(cell("CISO – Security: R (your private round codes)")).toHaveFocus();
    expect(codesOf(editor, "ciso", "sec")).toEqual(["I"]);
    expect(editor.getState().history.canUndo).toBe(false);
    await waitFor(() =>
      expect(saveRoundVotes).toHaveBeenCalledWith(CHART_ID, ROUND_ID, [
        { role: "ciso", responsibility: "sec", codes: ["R"] },
      ]),
    );
    expect(await screen.findByTestId("round-participants")).toHaveTextContent(
      "3 people have filled in",
    );
    expect(screen.getByTestId("round-save-state")).toHaveTextContent("Your codes are saved");
    // Outside the round, comment access stays read-only.
    await user.click(cell("CIO – Operations: none"));
    await user.keyboard("a");
    expect(cell("CIO – Operations: none")).toBeInTheDocument();
    expect(screen.queryByRole("menu")).not.toBeInTheDocument();
  });

  it("opens the code menu on a private cell and sets my codes from it", async () => {
    const saveRoundVotes = vi.fn(async () => open());
    const { editor, user } = setup("comment", [open()], { saveRoundVotes });
    await user.click(await screen.findByRole("gridcell", { name: /^CIO – Budget: none \(your/ }));
    const menu = screen.getByRole("menu", { name: "Codes for CIO – Budget (private)" });
    await user.click(within(menu).getByRole("menuitemcheckbox", { name: /^A – Accountable/ }));
    expect(cell("CIO – Budget: A (your private round codes)")).toBeInTheDocument();
    expect(codesOf(editor, "cio", "budget")).toEqual([]);
  });

  it("keeps the facilitator's edits outside the round rows on the chart", async () => {
    const { editor, user } = setup("owner", [open()], {
      saveRoundVotes: vi.fn(async () => open()),
    });
    await user.click(await screen.findByRole("gridcell", { name: /^CTO – Security: none \(your/ }));
    await user.keyboard("{Escape}a");
    expect(codesOf(editor, "cto", "sec")).toEqual([]);
    await user.click(cell("CTO – Operations: none"));
    await user.keyboard("{Escape}a");
    expect(codesOf(editor, "cto", "ops")).toEqual(["A"]);
  });

  it("tells someone whose codes could not be saved, and saves them on Try again", async () => {
    const saveRoundVotes = vi
      .fn<ApiClient["saveRoundVotes"]>()
      .mockRejectedValueOnce(new ApiError(503, "database_unavailable", "The database is away."))
      .mockResolvedValue(open());
    const { user } = setup("comment", [open()], { saveRoundVotes });
    await user.click(await screen.findByRole("gridcell", { name: /^CTO – Security: none \(your/ }));
    await user.keyboard("{Escape}c");
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Your codes are not saved: The database is away.",
    );
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("· Your codes are saved")).toBeInTheDocument();
    expect(saveRoundVotes).toHaveBeenCalledTimes(2);
  });

  it("shows viewers the round without letting them fill it in", async () => {
    setup("view", [open()]);
    expect(await screen.findByTestId("round-banner")).toHaveTextContent(
      "people who can comment fill it in; codes stay private until the reveal",
    );
    expect(cell("CISO – Security: I")).toHaveAttribute("aria-readonly", "true");
    expect(screen.queryByTestId("round-reveal")).not.toBeInTheDocument();
  });

  it("follows the participants' count from live round messages", async () => {
    const { editor, server } = setup("comment", [open()]);
    await screen.findByTestId("round-banner");
    await settle(editor);
    act(() =>
      server.broadcast({
        type: "round",
        id: ROUND_ID,
        status: "open",
        participants: 5,
        removed: false,
      }),
    );
    expect(await screen.findByText("5 people have filled in")).toBeInTheDocument();
  });

  it("lets the facilitator reveal, sending their own last codes first", async () => {
    const calls: string[] = [];
    const saveRoundVotes = vi.fn(async () => {
      calls.push("save");
      return open();
    });
    const revealRound = vi.fn(async () => {
      calls.push("reveal");
      return revealed();
    });
    const { user } = setup("owner", [open()], { saveRoundVotes, revealRound });
    await user.click(await screen.findByRole("gridcell", { name: /^CIO – Security: none \(your/ }));
    await user.keyboard("{Escape}a");
    await user.click(screen.getByRole("button", { name: "Reveal" }));
    expect(await screen.findByTestId("round-results-banner")).toHaveTextContent(
      "Silent round revealed · 3 people filled in · 1 row to discuss",
    );
    expect(calls).toEqual(["save", "reveal"]);
  });
});

describe("a revealed round in the matrix", () => {
  it("shows the tally per cell and marks disagreement in words, not colour only", async () => {
    const { user } = setup("comment", [revealed()]);
    const ciso = await screen.findByRole("gridcell", {
      name: "CISO – Security: I; round: R 2; people disagree",
    });
    expect(within(ciso).getByTestId("round-tally")).toHaveTextContent("R 2");
    expect(ciso).toHaveTextContent("≠");
    expect(cell("CIO – Security: none; round: A 3")).not.toHaveTextContent("≠");
    expect(screen.getByTestId("round-results-banner")).toHaveTextContent(
      "Silent round revealed · 3 people filled in · 1 row to discuss: Budget",
    );
    // The rows' list opens on demand (the matrix keeps its room).
    expect(screen.queryByTestId("round-results")).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Rows and adopting" }));
    const agenda = screen.getByTestId("round-agenda");
    expect(within(agenda).getByTestId("round-row-budget")).toHaveTextContent(
      "Budget≠ different accountables2 people · accountable: CIO 1 · CTO 1 · 2 cells differ",
    );
    expect(screen.getByTestId("round-agreed")).toHaveTextContent("Security");
    // Participants neither adopt nor download.
    expect(screen.queryByRole("button", { name: /Adopt/ })).not.toBeInTheDocument();
    expect(screen.queryByTestId("round-download")).not.toBeInTheDocument();
  });

  it("lets the facilitator adopt a row's leading result as one ordinary, undoable edit", async () => {
    const { editor, user } = setup("owner", [revealed()]);
    await user.click(await screen.findByRole("button", { name: "Rows and adopting" }));
    await user.click(screen.getByRole("button", { name: "Adopt the result on Security" }));
    expect(codesOf(editor, "cio", "sec")).toEqual(["A"]);
    expect(codesOf(editor, "ciso", "sec")).toEqual(["R"]);
    expect(editor.getState().history.undoLabel).toBe("Adopt the round's result on Security");
    expect(screen.getByRole("button", { name: "Adopt the result on Security" })).toHaveTextContent(
      "In the chart",
    );
    // The budget's tie gives no accountable: adopting it would change nothing.
    expect(screen.getByRole("button", { name: "Adopt the result on Budget" })).toBeDisabled();
  });

  it("lets the facilitator adopt one cell from its code menu", async () => {
    const { editor, user } = setup("owner", [revealed()]);
    await user.click(await screen.findByRole("gridcell", { name: /^CISO – Security: I; round/ }));
    await user.click(screen.getByRole("menuitem", { name: /Adopt the round's result: R/ }));
    expect(codesOf(editor, "ciso", "sec")).toEqual(["R"]);
    expect(codesOf(editor, "cio", "sec")).toEqual([]);
    expect(screen.queryByRole("menu")).not.toBeInTheDocument();
  });

  it("puts the results away for this person when they hide them", async () => {
    const { user } = setup("comment", [revealed()]);
    await user.click(await screen.findByRole("button", { name: "Hide results" }));
    expect(screen.queryByTestId("round-results-banner")).not.toBeInTheDocument();
    expect(cell("CISO – Security: I")).toBeInTheDocument();
  });

  it("says when the rounds cannot be loaded, and tries again", async () => {
    const listRounds = vi
      .fn<ApiClient["listRounds"]>()
      .mockRejectedValueOnce(new ApiError(503, "database_unavailable", "The database is away."))
      .mockResolvedValue({ rounds: [revealed()] });
    const { user } = setup("owner", [], { listRounds });
    expect(await screen.findByTestId("round-error")).toHaveTextContent("The database is away.");
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByTestId("round-results-banner")).toBeInTheDocument();
  });
});
