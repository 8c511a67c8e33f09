import { TEMPLATES } from "@rolemap/domain";
import { describe, expect, it } from "vitest";
import { problemLines } from "../testing/expect-import";
import { importJson } from "./import-json";

describe("importJson", () => {
  it.each(TEMPLATES.map((template) => [template.id, template.document] as const))(
    "round-trips the %s template exactly (export is JSON.stringify)",
    (_, document) => {
      const result = importJson(JSON.stringify(document, null, 2));
      expect(result.problems).toEqual([]);
      expect(result.document).toEqual(document);
      expect(result.counts).toEqual({
        roles: document.roles.length,
        reportingLines: document.reportingLines.length,
        responsibilities: document.responsibilities.length,
        assignments: document.assignments.length,
      });
    },
  );

  it("accepts a byte order mark", () => {
    const [template] = TEMPLATES;
    expect(importJson(`\ufeff${JSON.stringify(template?.document)}`).document).toEqual(
      template?.document,
    );
  });

  it("names every problem of an invalid document by its JSON path, and still counts", () => {
    const result = importJson(
      JSON.stringify({
        format: "rolemap.chart/v1",
        name: "x",
        roles: [{ id: "a", title: "" }],
        reportingLines: [],
        responsibilities: [{ id: "r", name: "R" }],
        assignments: [{ role: "cxo", responsibility: "r", code: "A" }],
      }),
    );
    expect(result.problems).toEqual([
      { line: null, column: null, message: "roles[0].title: title must not be empty" },
      { line: null, column: null, message: 'assignments[0].role: unknown role "cxo"' },
    ]);
    expect(result.counts).toEqual({
      roles: 1,
      reportingLines: 0,
      responsibilities: 1,
      assignments: 1,
    });
  });

  it.each([
    ["", "the file is empty"],
    ["[]", "(document): Invalid input: expected object, received array"],
  ])("reports %j", (text, message) => {
    expect(problemLines(importJson(text))).toEqual([message]);
  });

  it("gives the line of a syntax error", () => {
    const [problem] = importJson('{\n  "format": "rolemap.chart/v1",\n  "name": "x",,\n}').problems;
    expect(problem?.line).toBe(3);
    expect(problem?.message).toMatch(/^not valid JSON: /);
  });
});
