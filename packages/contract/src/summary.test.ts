import { describe, expect, it } from "vitest";
import { type ChartSummary, ChartSummarySchema } from "./summary";

const summary = (): ChartSummary => ({
  roles: 3,
  vacantRoles: 1,
  solidLines: 2,
  dottedLines: 1,
  responsibilities: 2,
  assignments: 2,
  findings: {
    total: 5,
    bySeverity: { error: 2, warning: 2, info: 1 },
    byCategory: { gap: 3, overlap: 0, structure: 1, load: 0, authority: 1 },
  },
  spanOfControl: [{ role: "ceo", reports: 2 }],
  accountability: [
    { role: "ceo", accountable: 0, responsible: 0 },
    { role: "cio", accountable: 1, responsible: 0 },
    { role: "cto", accountable: 1, responsible: 0 },
  ],
});

type Container = Record<string | number, unknown>;

/** Copy of the well-formed summary with one value (by path) replaced. */
const withValue = (path: (string | number)[], value: unknown): Container => {
  const copy = structuredClone(summary()) as unknown as Container;
  const last = path[path.length - 1] ?? "";
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Container;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
};

describe("ChartSummarySchema", () => {
  it("accepts a well-formed summary unchanged", () => {
    expect(ChartSummarySchema.safeParse(summary())).toStrictEqual({
      success: true,
      data: summary(),
    });
  });

  it("accepts the summary of an empty chart", () => {
    const empty: ChartSummary = {
      roles: 0,
      vacantRoles: 0,
      solidLines: 0,
      dottedLines: 0,
      responsibilities: 0,
      assignments: 0,
      findings: {
        total: 0,
        bySeverity: { error: 0, warning: 0, info: 0 },
        byCategory: { gap: 0, overlap: 0, structure: 0, load: 0, authority: 0 },
      },
      spanOfControl: [],
      accountability: [],
    };
    expect(ChartSummarySchema.safeParse(empty).success).toBe(true);
  });

  it.each<[string, (string | number)[], unknown]>([
    ["a negative role count", ["roles"], -1],
    ["a negative vacant count", ["vacantRoles"], -2],
    ["a fractional line count", ["solidLines"], 1.5],
    ["a count as a string", ["assignments"], "2"],
    ["a negative total", ["findings", "total"], -1],
    ["a negative severity count", ["findings", "bySeverity", "error"], -1],
    ["a negative category count", ["findings", "byCategory", "gap"], -3],
    ["a negative span", ["spanOfControl", 0, "reports"], -1],
    ["a negative accountable count", ["accountability", 1, "accountable"], -1],
    ["a missing severity", ["findings", "bySeverity", "info"], undefined],
    ["an extra top-level key", ["chartName"], "Acme"],
    ["an extra key in findings", ["findings", "byRule"], {}],
    ["an unknown severity", ["findings", "bySeverity", "fatal"], 0],
    ["an unknown category", ["findings", "byCategory", "risk"], 0],
    ["an extra key in a span entry", ["spanOfControl", 0, "title"], "CEO"],
    ["an extra key in an accountability entry", ["accountability", 0, "support"], 0],
  ])("rejects %s", (_, path, value) => {
    const input = withValue(path, value);
    expect(ChartSummarySchema.safeParse(input).success).toBe(false);
  });
});
