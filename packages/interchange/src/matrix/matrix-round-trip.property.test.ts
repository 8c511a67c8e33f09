import {
  type Assignment,
  type ChartDocument,
  parseChart,
  RACI_CODES,
  type Role,
} from "@rolemap/contract";
import { TEMPLATES } from "@rolemap/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportMatrixCsv } from "./export-matrix-csv";
import { importMatrixCsv } from "./import-matrix-csv";

/** The matrix as comparable text: "responsibility name | role column | code", sorted. */
const sortedAssignments = (assignments: readonly Assignment[]) =>
  assignments.map((a) => `${a.responsibility}\u0000${a.role}\u0000${a.code}`).sort();

/** Random assignments over a chart's roles and responsibilities (no repeats). */
const assignmentsOf = (document: ChartDocument) =>
  fc.uniqueArray(
    fc.record({
      role: fc.constantFrom(...document.roles.map((role) => role.id)),
      responsibility: fc.constantFrom(...document.responsibilities.map((r) => r.id)),
      code: fc.constantFrom(...RACI_CODES),
    }),
    { selector: (a) => `${a.role}/${a.responsibility}/${a.code}`, maxLength: 120 },
  );

const templateWithMatrix = fc
  .constantFrom(...TEMPLATES)
  .chain((template) =>
    assignmentsOf(template.document).map((assignments) => ({ ...template.document, assignments })),
  );

/**
 * Charts that are hard to write as CSV: repeated titles (held, vacant, both), names with
 * quotes, commas, separators, formula characters, apostrophes and accents.
 */
const TRICKY = ["=1+1", "-x", "+y", "@z", "'=q", "a,b", 'say "hi"', "A/R", "Zoë; Ü", "x'"];
const word = fc.oneof(fc.constantFrom(...TRICKY), fc.stringMatching(/^[A-Za-z]{1,6}$/));
const label = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(" "));

const trickyChart: fc.Arbitrary<ChartDocument> = fc
  .record({
    roles: fc.array(
      fc.record({
        title: fc.oneof(fc.constantFrom("Engineer", "engineer", "CIO"), label),
        holder: fc.option(fc.constantFrom("Sam Lee", "Kim Park", "vacant", " "), { nil: null }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    responsibilities: fc.uniqueArray(
      fc.record({ name: label, category: fc.option(label, { nil: undefined }) }),
      { minLength: 1, maxLength: 8, selector: (r) => r.name.toLowerCase() },
    ),
  })
  .map(
    ({ roles, responsibilities }): ChartDocument => ({
      format: "rolemap.chart/v1",
      name: "Tricky",
      roles: roles.map((role, index): Role => ({ id: `role-${index}`, ...role })),
      reportingLines: [],
      responsibilities: responsibilities.map((r, index) => ({
        id: `resp-${index}`,
        name: r.name,
        ...(r.category === undefined ? {} : { category: r.category }),
      })),
      assignments: [],
    }),
  )
  .chain((document) =>
    assignmentsOf(document).map((assignments) => ({ ...document, assignments })),
  );

const charts = fc.oneof(templateWithMatrix, trickyChart);

describe("matrix CSV round trip", () => {
  it("export, then import into the same chart, gives back the chart unchanged", () => {
    fc.assert(
      fc.property(charts, (document) => {
        expect(parseChart(document).ok).toBe(true);
        const result = importMatrixCsv(exportMatrixCsv(document), { into: document });
        expect(result.problems).toEqual([]);
        expect(result.document).toEqual(document);
      }),
      { numRuns: 150 },
    );
  });

  it("import into a chart replaces the matrix by the file's, whatever it was", () => {
    fc.assert(
      fc.property(
        templateWithMatrix.chain((document) =>
          assignmentsOf(document).map((other) => ({ document, other })),
        ),
        ({ document, other }) => {
          const text = exportMatrixCsv({ ...document, assignments: other });
          const merged = importMatrixCsv(text, { into: document }).document;
          expect(sortedAssignments(merged?.assignments ?? [])).toEqual(sortedAssignments(other));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("export, then import as a new chart, gives the same matrix (the same file again)", () => {
    fc.assert(
      fc.property(charts, (document) => {
        const text = exportMatrixCsv(document);
        const result = importMatrixCsv(text);
        expect(result.problems).toEqual([]);
        if (result.document === null) throw new Error("no document");
        expect(parseChart(result.document).ok).toBe(true);
        expect(result.document.responsibilities.map((r) => [r.name, r.category])).toEqual(
          document.responsibilities.map((r) => [r.name, r.category]),
        );
        expect(result.counts.assignments).toBe(document.assignments.length);
        expect(exportMatrixCsv(result.document)).toBe(text);
      }),
      { numRuns: 150 },
    );
  });
});
