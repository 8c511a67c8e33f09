import type { ChartDocument, RaciCode, Round } from "@rolemap/contract";
import { applyOperations, leadingCodesOf, tallyRound } from "@rolemap/domain";
import { describe, expect, it } from "vitest";
import {
  adoptionEdit,
  currentRound,
  describeResult,
  formatCounts,
  summariseRows,
  votesByCell,
  withCodes,
} from "./round-model";

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
  ],
  assignments: [
    { role: "cto", responsibility: "sec", code: "A" },
    { role: "ciso", responsibility: "sec", code: "I" },
  ],
};

const vote = (voter: string, responsibility: string, role: string, codes: RaciCode[]) => ({
  voter,
  responsibility,
  role,
  codes,
});

/** A revealed round on both rows: everyone sees CIO accountable for security; budget splits. */
function revealed(): Round {
  const round = { responsibilities: ["sec", "budget"], roles: ["cio", "cto", "ciso"] };
  return {
    id: "6f0e2d8a-3c1b-4a5e-9f7d-2b8c4e6a1d30",
    chartId: "0b6a3c2e-8f55-4f0b-9d55-2f1f1b9c1a01",
    status: "revealed",
    ...round,
    startedAt: "2026-12-07T10:00:00.000Z",
    startedBy: { name: "Dana" },
    revealedAt: "2026-12-07T10:05:00.000Z",
    participants: 3,
    mine: [],
    results: tallyRound({
      ...round,
      votes: [
        vote("ann", "sec", "cio", ["A"]),
        vote("ann", "sec", "ciso", ["R"]),
        vote("bob", "sec", "cio", ["A"]),
        vote("bob", "sec", "ciso", ["R", "C"]),
        vote("cid", "sec", "cio", ["A"]),
        vote("ann", "budget", "cio", ["A"]),
        vote("bob", "budget", "cto", ["A"]),
      ],
    }),
  };
}

describe("withCodes and votesByCell", () => {
  it("sets, replaces and drops my codes for a cell without changing the votes given", () => {
    const none = votesByCell([]);
    const one = withCodes(none, "cio", "sec", ["R", "A"]);
    expect([...one.values()]).toEqual([{ role: "cio", responsibility: "sec", codes: ["A", "R"] }]);
    expect(none.size).toBe(0);
    const replaced = withCodes(one, "cio", "sec", ["C"]);
    expect([...replaced.values()].map((v) => v.codes)).toEqual([["C"]]);
    expect(withCodes(replaced, "cio", "sec", []).size).toBe(0);
    expect(votesByCell([{ role: "cio", responsibility: "sec", codes: [] }]).size).toBe(0);
  });
});

describe("currentRound", () => {
  const open = { ...revealed(), id: "open", status: "open" as const, results: null };
  const old = { ...revealed(), id: "old" };
  it("shows the open round, else the newest revealed one unless it was put away", () => {
    expect(currentRound([old, open], new Set())?.id).toBe("open");
    expect(currentRound([old], new Set())?.id).toBe("old");
    expect(currentRound([old], new Set(["old"]))).toBeNull();
    expect(currentRound([], new Set())).toBeNull();
  });
});

describe("formatCounts and describeResult", () => {
  it("says how many chose each code in display order, and whether people disagree", () => {
    const result = {
      role: "ciso",
      responsibility: "sec",
      counts: { R: 2, A: 0, C: 1, I: 0, S: 0 },
      disagree: true,
    };
    expect(formatCounts(result.counts)).toBe("R 2 · C 1");
    expect(formatCounts({ R: 1, A: 3, C: 0, I: 2, S: 1 })).toBe("A 3 · R 1 · S 1 · I 2");
    expect(describeResult(result)).toBe("round: R 2, C 1; people disagree");
    expect(describeResult({ ...result, disagree: false })).toBe("round: R 2, C 1");
  });
});

describe("summariseRows", () => {
  it("names each row's accountables, disagreement and what adopting sets", () => {
    const round = revealed();
    const rows = summariseRows(
      round,
      chart,
      leadingCodesOf(round.results ?? { cells: [], rows: [] }),
    );
    expect(rows).toEqual([
      {
        id: "sec",
        name: "Security",
        voters: 3,
        accountables: "CIO 3",
        disagree: false,
        disagreements: 1,
        leading: "A: CIO · R: CISO",
      },
      {
        id: "budget",
        name: "Budget",
        voters: 2,
        accountables: "CIO 1 · CTO 1",
        disagree: true,
        disagreements: 2,
        leading: "",
      },
    ]);
  });

  it("leaves out rows removed from the chart since", () => {
    const round = revealed();
    const smaller = { ...chart, responsibilities: [{ id: "budget", name: "Budget" }] };
    const rows = summariseRows(round, smaller, new Map());
    expect(rows.map((row) => row.id)).toEqual(["budget"]);
  });
});

describe("adoptionEdit", () => {
  const round = revealed();
  const leading = leadingCodesOf(round.results ?? { cells: [], rows: [] });

  it("sets every role of the round on the row to its leading codes, as ordinary operations", () => {
    const edit = adoptionEdit(chart, round, leading, "sec");
    expect(edit?.label).toBe("Adopt the round's result on Security");
    const result = applyOperations(chart, edit?.operations ?? []);
    if (!result.ok) throw new Error("the adoption did not apply");
    const sec = result.document.assignments.filter((a) => a.responsibility === "sec");
    expect(sec.map((a) => `${a.role}:${a.code}`).sort()).toEqual(["cio:A", "ciso:R"]);
    expect(adoptionEdit(result.document, round, leading, "sec")).toBeNull();
  });

  it("adopts one cell alone", () => {
    const edit = adoptionEdit(chart, round, leading, "sec", "ciso");
    expect(edit?.label).toBe("Adopt the round's result for CISO on Security");
    expect(edit?.operations).toEqual([
      {
        op: "updateAssignment",
        assignment: { role: "ciso", responsibility: "sec", code: "I" },
        code: "R",
      },
    ]);
  });

  it("does nothing for a row outside the round or gone from the chart", () => {
    const other = { ...round, responsibilities: ["budget"] };
    expect(adoptionEdit(chart, other, leading, "sec")).toBeNull();
    expect(adoptionEdit(chart, round, leading, "gone")).toBeNull();
  });

  it("does not change the chart it is given", () => {
    const copy = structuredClone(chart);
    adoptionEdit(chart, round, leading, "sec");
    expect(chart).toEqual(copy);
  });
});
