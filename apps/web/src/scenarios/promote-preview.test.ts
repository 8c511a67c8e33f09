import type { ChartDocument } from "@rolemap/contract";
import { compareCharts } from "@rolemap/domain";
import { describe, expect, it } from "vitest";
import { PRIMARY, SCENARIO } from "../compare/compare-fixtures";
import { planPromote } from "./promote-preview";

const withCfo: ChartDocument = {
  ...PRIMARY,
  roles: [...PRIMARY.roles, { id: "cfo", title: "CFO", holder: "Flo" }],
  reportingLines: [...PRIMARY.reportingLines, { manager: "ceo", report: "cfo", kind: "solid" }],
};

describe("planPromote", () => {
  it("is the scenario itself, under the primary's name, when the primary has not changed", () => {
    const plan = planPromote(PRIMARY, SCENARIO, PRIMARY);
    if (!plan.ok) throw new Error("conflicts");
    expect(plan.document).toEqual({ ...SCENARIO, name: PRIMARY.name });
    expect(plan.diff).toEqual(compareCharts(PRIMARY, { ...SCENARIO, name: PRIMARY.name }));
  });

  it("keeps what the primary changed since the base and lists only the scenario's changes", () => {
    const plan = planPromote(PRIMARY, SCENARIO, withCfo);
    if (!plan.ok) throw new Error("conflicts");
    expect(plan.document.roles.map((role) => role.id)).toContain("cfo");
    expect(plan.diff.roles.removed).toEqual([{ id: "dpo", title: "Data Protection Officer" }]);
    expect(plan.diff.roles.moved).toEqual([{ id: "ciso", title: "CISO", from: "cto", to: "cio" }]);
  });

  it("names each clash when both changed the same thing", () => {
    const renamed = {
      ...PRIMARY,
      roles: PRIMARY.roles.map((role) => (role.id === "cio" ? { ...role, title: "CDO" } : role)),
    };
    const plan = planPromote(PRIMARY, SCENARIO, renamed);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.conflicts).toEqual([
      expect.objectContaining({ kind: "role", subject: "cio", field: "title" }),
    ]);
  });

  it("does not mutate its input", () => {
    const before = JSON.stringify([PRIMARY, SCENARIO, withCfo]);
    planPromote(PRIMARY, SCENARIO, withCfo);
    expect(JSON.stringify([PRIMARY, SCENARIO, withCfo])).toBe(before);
  });
});
