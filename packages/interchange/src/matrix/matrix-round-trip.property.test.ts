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
import { matchKey } from "../text/cells";
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

type Texts = { title: string; holder: string | null }[];
type Names = { name: string; category: string | undefined }[];

/** A chart of these roles and responsibilities, without lines or assignments. */
const chartOf = (roles: Texts, responsibilities: Names): ChartDocument => ({
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
});

/**
 * Charts that are hard to write as CSV: repeated titles (held, vacant, both), names with
 * quotes, commas, separators, formula characters, apostrophes and accents.
 */
const TRICKY = [
  ...["=1+1", "-x", "+y", "@z", "'=q", "''-r", "a,b", 'say "hi"', "A/R", "Zoë; Ü", "x'"],
  ...['=HYPERLINK("http://evil","x")', "-2+3", "@SUM(A1)", "\u0001", "a;b;c;d;e", "<b>&amp;"],
];
/** Starts that an import folds away (white space), for charts of any text. */
const STARTS = [...TRICKY, "\t=1", "\r=1", "\n-1", " '=x", "'\t@"];
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
  .map(({ roles, responsibilities }) => chartOf(roles, responsibilities))
  .chain((document) =>
    assignmentsOf(document).map((assignments) => ({ ...document, assignments })),
  );

/**
 * Charts whose texts are any strings at all (the API accepts any): control characters,
 * lone surrogates, line breaks, separators, formula triggers. `folded` keeps to what an
 * import can create (no surrounding or repeated white space), for a new chart.
 */
const anyTextChart = (folded: boolean): fc.Arbitrary<ChartDocument> => {
  const raw = fc.oneof(
    fc.string({ unit: "binary", minLength: 1, maxLength: 30 }),
    fc
      .tuple(fc.constantFrom(...STARTS), fc.string({ unit: "binary", maxLength: 8 }))
      .map(([start, rest]) => start + rest),
  );
  const text = (folded ? raw.map((t) => t.replace(/\s+/g, " ").trim()) : raw).filter(
    (t) => t.trim() !== "",
  );
  return fc
    .record({
      roles: fc.array(fc.record({ title: text, holder: fc.option(text, { nil: null }) }), {
        minLength: 1,
        maxLength: 6,
      }),
      responsibilities: fc.uniqueArray(
        fc.record({ name: text, category: fc.option(text, { nil: undefined }) }),
        { minLength: 1, maxLength: 6, selector: (r) => (folded ? matchKey(r.name) : r.name) },
      ),
    })
    .map(({ roles, responsibilities }) => chartOf(roles, responsibilities))
    .chain((document) =>
      assignmentsOf(document).map((assignments) => ({ ...document, assignments })),
    );
};

const charts = fc.oneof(templateWithMatrix, trickyChart);

// Generous timeouts: a few hundred random charts take a second or two, more on a busy machine.
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

  it("export, then import into the same chart, is exact for any text at all", () => {
    fc.assert(
      fc.property(anyTextChart(false), (document) => {
        expect(parseChart(document).ok).toBe(true);
        const result = importMatrixCsv(exportMatrixCsv(document), { into: document });
        expect(result.problems).toEqual([]);
        expect(result.document).toEqual(document);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

  it("export, then import as a new chart, keeps any text that an import can hold", () => {
    fc.assert(
      fc.property(anyTextChart(true), (document) => {
        const text = exportMatrixCsv(document);
        const result = importMatrixCsv(text);
        expect(result.problems).toEqual([]);
        expect(result.document?.responsibilities.map((r) => [r.name, r.category])).toEqual(
          document.responsibilities.map((r) => [r.name, r.category]),
        );
        expect(result.document && exportMatrixCsv(result.document)).toBe(text);
      }),
      { numRuns: 300 },
    );
  }, 30_000);

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
