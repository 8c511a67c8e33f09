import { describe, expect, it } from "vitest";
import { noChanges, scenarioPair } from "../testing/comparisons";
import {
  describeComparison,
  findingsDelta,
  formatValue,
  summariseComparison,
} from "./describe-changes";

const texts = (sections: ReturnType<typeof describeComparison>, title: string) =>
  sections.find((section) => section.title === title)?.items.map((item) => item.text);

describe("describeComparison", () => {
  it("says what happened to each role, by title, with old and new managers", () => {
    const { a, b, comparison } = scenarioPair();
    const sections = describeComparison(a, b, comparison);
    expect(sections.find((s) => s.title === "Roles")?.items).toEqual([
      { mark: "added", text: "CDO (vacant) added under CIO" },
      { mark: "removed", text: "EA (Holder of ea) removed; was under CIO" },
      { mark: "moved", text: "CISO: Chief Technology Officer → CIO" },
      {
        mark: "changed",
        text: "Chief Technology Officer: title “CTO” → “Chief Technology Officer”",
      },
    ]);
  });

  it("names a move to or from the top as no manager", () => {
    const { a, b, comparison } = scenarioPair();
    comparison.roles.moved = [{ id: "ciso", title: "CISO", from: null, to: "cio" }];
    expect(texts(describeComparison(a, b, comparison), "Roles")).toContain(
      "CISO: no manager → CIO",
    );
  });

  it("leaves out the lines the roles already explain, and says so", () => {
    const { a, b, comparison } = scenarioPair();
    comparison.lines.added.push({ manager: "ceo", report: "ops", kind: "dotted" });
    comparison.lines.removed.push({ manager: "cto", report: "ceo", kind: "dotted" });
    const section = describeComparison(a, b, comparison).find((s) => s.title === "Reporting lines");
    expect(section?.items).toEqual([
      { mark: "added", text: "OPS now reports to CEO (dotted line)" },
      { mark: "removed", text: "CEO no longer reports to Chief Technology Officer (dotted line)" },
      { mark: "changed", text: "OPS to Chief Technology Officer: dotted line → solid line" },
    ]);
    expect(section?.note).toContain("described with the roles");
  });

  it("lists changed cells by row with their whole codes before and after, not those of removed roles", () => {
    const { a, b, comparison } = scenarioPair();
    a.assignments.push({ role: "ea", responsibility: "data", code: "C" });
    comparison.cells.removed.push({ role: "ea", responsibility: "data", code: "C" });
    b.assignments.push({ role: "ciso", responsibility: "data", code: "I" });
    comparison.cells.added.push({ role: "ciso", responsibility: "data", code: "I" });
    const section = describeComparison(a, b, comparison).find((s) => s.title === "Matrix cells");
    expect(section?.items).toEqual([
      { mark: "changed", text: "Cybersecurity: Chief Technology Officer A → none; CISO R → A/R" },
      { mark: "added", text: "Data governance: CISO none → I" },
    ]);
    expect(section?.note).toContain("removed roles");
  });

  it("shows a cell that keeps a code with all of its codes", () => {
    const { a, b, comparison } = scenarioPair();
    a.assignments.push({ role: "cio", responsibility: "data", code: "R" });
    b.assignments = b.assignments.filter(
      (cell) => !(cell.role === "cio" && cell.responsibility === "data" && cell.code === "A"),
    );
    b.assignments.push({ role: "cio", responsibility: "data", code: "R" });
    comparison.cells = {
      removed: [{ role: "cio", responsibility: "data", code: "A" }],
      added: [],
    };
    expect(texts(describeComparison(a, b, comparison), "Matrix cells")).toEqual([
      "Data governance: CIO A/R → R",
    ]);
  });

  it("lists responsibilities and the chart's settings, not its name (the heading has both)", () => {
    const { a, b, comparison } = scenarioPair();
    comparison.responsibilities = {
      added: [{ id: "ai", name: "AI policy" }],
      removed: [{ id: "old", name: "Mainframe" }],
      changed: [{ id: "sec", name: "Security", fields: { name: ["Cybersecurity", "Security"] } }],
    };
    comparison.chart.fields.settings = [{ maxSpanOfControl: 8 }, { maxSpanOfControl: 10 }];
    const sections = describeComparison(a, b, comparison);
    expect(texts(sections, "Responsibilities")).toEqual([
      "AI policy added",
      "Mainframe removed",
      "Security: name “Cybersecurity” → “Security”",
    ]);
    expect(texts(sections, "Chart")).toEqual(["settings: maxSpanOfControl 8 → 10"]);
  });

  it("gives nothing for two equal charts", () => {
    const { a } = scenarioPair();
    expect(describeComparison(a, a, noChanges())).toEqual([]);
  });

  it("puts every text on one clean line", () => {
    const { a, b, comparison } = scenarioPair();
    comparison.roles.added = [{ id: "cdo", title: "Chief\n\tData\u0001 <b>Officer</b>" }];
    const [added] =
      describeComparison(a, b, comparison).find((s) => s.title === "Roles")?.items ?? [];
    expect(added?.text).toBe("Chief Data\ufffd <b>Officer</b> (vacant) added under CIO");
  });

  it("does not change its input", () => {
    const { a, b, comparison } = scenarioPair();
    const before = structuredClone({ a, b, comparison });
    describeComparison(a, b, comparison);
    expect({ a, b, comparison }).toEqual(before);
  });
});

describe("formatValue", () => {
  it.each([
    ["CIO", "“CIO”"],
    [null, "none"],
    ["  ", "none"],
    [8, "8"],
    ["x".repeat(100), `“${"x".repeat(59)}…”`],
  ])("shows %j as %j", (value, shown) => {
    expect(formatValue(value)).toBe(shown);
  });
});

describe("summariseComparison", () => {
  it("counts each kind of change and the findings delta", () => {
    const { comparison } = scenarioPair();
    expect(summariseComparison(comparison)).toBe(
      "Roles: 1 added, 1 removed, 1 moved, 1 changed; 5 reporting lines; 2 matrix cells. Findings: 1 fixed, 1 new.",
    );
  });

  it("says when nothing changed", () => {
    expect(summariseComparison(noChanges())).toBe("No changes. Findings: none fixed, none new.");
    expect(findingsDelta(noChanges().findings)).toBe("None fixed, none new");
  });
});
