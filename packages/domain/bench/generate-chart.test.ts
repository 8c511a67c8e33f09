import { parseChart } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { generateChart } from "./generate-chart";

describe("generateChart (benchmark input)", () => {
  const options = { roles: 500, responsibilities: 50, assignments: 2_500, seed: 7 };

  it("makes valid input of the requested size", () => {
    const document = generateChart(options);
    const parsed = parseChart(document);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    expect(document.roles).toHaveLength(500);
    expect(document.responsibilities).toHaveLength(50);
    expect(document.assignments).toHaveLength(2_500);
    const solid = document.reportingLines.filter((line) => line.kind === "solid");
    expect(solid).toHaveLength(499);
    expect(document.reportingLines.length - solid.length).toBe(25);
  });

  it("is deterministic: the same seed gives the same document, another seed another", () => {
    expect(generateChart(options)).toEqual(generateChart(options));
    expect(generateChart({ ...options, seed: 8 })).not.toEqual(generateChart(options));
  });

  it("copes with tiny sizes", () => {
    for (const roles of [0, 1, 2])
      expect(
        parseChart(generateChart({ roles, responsibilities: 3, assignments: 6, seed: 1 })).ok,
      ).toBe(true);
  });
});
