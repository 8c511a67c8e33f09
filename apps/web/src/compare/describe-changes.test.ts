import { describe, expect, it } from "vitest";
import { DIFF, NO_DIFF, PRIMARY, SCENARIO } from "./compare-fixtures";
import {
  cellChangesOf,
  countChanges,
  describeChanges,
  formatFields,
  formatValue,
} from "./describe-changes";

const itemsOf = (id: string, keepsName = false) =>
  describeChanges(DIFF, PRIMARY, SCENARIO, { keepsName }).find((section) => section.id === id)
    ?.items ?? [];

describe("describeChanges", () => {
  it("says what happened to each role with titles, the move from → to by manager", () => {
    expect(itemsOf("roles")).toEqual([
      { key: "added:ai", kind: "added", subject: "Head of AI", detail: "under CTO" },
      {
        key: "removed:dpo",
        kind: "removed",
        subject: "Data Protection Officer",
        // The removed role's manager is named as the primary had it.
        detail: "was under CIO",
      },
      {
        key: "moved:ciso",
        kind: "moved",
        subject: "CISO",
        detail: "now reports to Chief Information Officer (was CTO)",
      },
      {
        key: "changed:cio",
        kind: "changed",
        subject: "Chief Information Officer",
        detail: "title: CIO → Chief Information Officer",
      },
    ]);
  });

  it("lists only lines that no move, added or removed role explains", () => {
    // cto>ciso is the move; cto>ai and cio>dpo come with their roles.
    expect(itemsOf("lines")).toEqual([
      {
        key: "changed:cio>ciso",
        kind: "changed",
        subject: "CISO – Chief Information Officer",
        detail: "dotted line → solid line",
      },
    ]);
  });

  it("gives each changed cell its codes before and after, by row and role name", () => {
    expect(
      itemsOf("cells").map(({ kind, subject, detail }) => ({ kind, subject, detail })),
    ).toEqual([
      { kind: "added", subject: "AI policy · Head of AI", detail: "none → A" },
      { kind: "changed", subject: "Cybersecurity · CISO", detail: "R → A/R" },
      { kind: "removed", subject: "Cybersecurity · CTO", detail: "A → none" },
      { kind: "removed", subject: "Data governance · Data Protection Officer", detail: "A → none" },
    ]);
  });

  it("names new rows and the chart's changed fields, leaving out a scenario's own name", () => {
    expect(itemsOf("responsibilities")).toEqual([
      { key: "added:ai-policy", kind: "added", subject: "AI policy", detail: "new row" },
    ]);
    expect(itemsOf("chart")).toEqual([
      { key: "chart", kind: "changed", subject: "Chart", detail: "name: Acme → CISO under CIO" },
    ]);
    expect(itemsOf("chart", true)).toEqual([]);
  });

  it("says a changed line kind, a changed row and a setting in words", () => {
    const sections = describeChanges(
      {
        ...NO_DIFF,
        lines: {
          added: [],
          removed: [],
          changed: [{ manager: "cio", report: "ciso", from: "solid", to: "dotted" }],
        },
        responsibilities: {
          added: [],
          removed: [],
          changed: [
            { id: "cyber", name: "Security", fields: { name: ["Cybersecurity", "Security"] } },
          ],
        },
        chart: { fields: { "settings.maxResponsible": [null, 3] } },
      },
      PRIMARY,
      SCENARIO,
    );
    expect(
      sections.map((section) => section.items.map((item) => `${item.subject}: ${item.detail}`)),
    ).toEqual([
      ["CISO – Chief Information Officer: solid line → dotted line"],
      ["Security: name: Cybersecurity → Security"],
      ["Chart: settings.maxResponsible: — → 3"],
    ]);
  });

  it("has no section at all for two equal charts", () => {
    const sections = describeChanges(NO_DIFF, PRIMARY, PRIMARY);
    expect(sections).toEqual([]);
    expect(countChanges(sections)).toBe(0);
  });

  it("counts every item", () => {
    expect(countChanges(describeChanges(DIFF, PRIMARY, SCENARIO))).toBe(11);
  });

  it("does not mutate its input", () => {
    const before = JSON.stringify([DIFF, PRIMARY, SCENARIO]);
    describeChanges(DIFF, PRIMARY, SCENARIO);
    cellChangesOf(DIFF, PRIMARY, SCENARIO);
    expect(JSON.stringify([DIFF, PRIMARY, SCENARIO])).toBe(before);
  });
});

describe("cellChangesOf", () => {
  it("puts a cell's added and removed codes together with its codes on both sides", () => {
    expect(cellChangesOf(DIFF, PRIMARY, SCENARIO)[1]).toEqual({
      role: "ciso",
      responsibility: "cyber",
      before: ["R"],
      after: ["A", "R"],
      added: ["A"],
      removed: [],
    });
  });
});

describe("formatValue", () => {
  it.each([
    [null, "—"],
    [undefined, "—"],
    ["", "—"],
    ["CIO", "CIO"],
    [3, "3"],
    [false, "false"],
    [{ maxResponsible: 2 }, '{"maxResponsible":2}'],
  ])("shows %j as %s", (value, text) => {
    expect(formatValue(value)).toBe(text);
  });

  it("lists fields in a stable order", () => {
    expect(formatFields({ title: ["A", "B"], holder: [null, "Ada"] })).toBe(
      "holder: — → Ada; title: A → B",
    );
  });
});
