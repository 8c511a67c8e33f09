import { TEMPLATES } from "@rolemap/domain";
import { describe, expect, it } from "vitest";
import { describeImportProblem } from "./describe-problem";
import { importChart } from "./import-chart";
import { exportMatrixCsv } from "./matrix/export-matrix-csv";
import { expectDocument, problemLines } from "./testing/expect-import";

const template = TEMPLATES[0]?.document;
if (template === undefined) throw new Error("no template");

describe("importChart", () => {
  it("dispatches on the format", () => {
    expect(expectDocument(importChart("org-csv", "Title\nCEO\n")).roles).toHaveLength(1);
    expect(expectDocument(importChart("matrix-csv", "Responsibility,CIO\nOps,A\n")).roles).toEqual([
      { id: "cio", title: "CIO", holder: null },
    ]);
    expect(importChart("json", JSON.stringify(template)).document).toEqual(template);
  });

  it("merges a matrix into a chart", () => {
    const text = exportMatrixCsv({ ...template, assignments: [] });
    const merged = expectDocument(importChart("matrix-csv", text, { into: template }));
    expect(merged.assignments).toEqual([]);
    expect(merged.roles).toEqual(template.roles);
  });

  it("names the chart: the option wins, a JSON document keeps its own otherwise", () => {
    expect(expectDocument(importChart("org-csv", "Title\nCEO\n", { name: "Org" })).name).toBe(
      "Org",
    );
    const json = JSON.stringify(template);
    expect(expectDocument(importChart("json", json, { name: " Copy " })).name).toBe("Copy");
    expect(expectDocument(importChart("json", json, { name: " " })).name).toBe(template.name);
    expect(problemLines(importChart("json", json, { name: "n".repeat(201) }))).toEqual([
      "the chart name has 201 characters; at most 200",
    ]);
  });

  it("refuses to merge anything but a matrix", () => {
    expect(problemLines(importChart("org-csv", "Title\nCEO\n", { into: template }))).toEqual([
      "only a matrix-csv file can be merged into a chart, not org-csv",
    ]);
  });
});

describe("describeImportProblem", () => {
  it.each([
    [
      { line: 14, column: "Manager", message: 'manager "J. Doe" matches no one' },
      'line 14, column Manager: manager "J. Doe" matches no one',
    ],
    [
      { line: 14, column: null, message: 'manager "J. Doe" matches no one' },
      'line 14: manager "J. Doe" matches no one',
    ],
    [{ line: null, column: "CIO", message: "m" }, "column CIO: m"],
    [{ line: null, column: null, message: "the file is empty" }, "the file is empty"],
  ])("%j → %s", (problem, text) => {
    expect(describeImportProblem(problem)).toBe(text);
  });
});
