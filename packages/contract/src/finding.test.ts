import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  CATEGORIES,
  CHART_FORMAT,
  DEFAULT_SETTINGS,
  LIMITS,
  LINE_KINDS,
  RACI_CODES,
  RULE_IDS,
  RULES,
  SETTING_MINIMUMS,
  SEVERITIES,
} from "./constants";
import { FindingSchema, FindingsResponseSchema, RuleIdSchema } from "./finding";

/** The example finding of chart-format.md. */
const exampleFinding = {
  rule: "raci/multiple-accountable",
  category: "overlap",
  severity: "error",
  roles: ["cio", "cto"],
  responsibilities: ["sec"],
  message: "Cybersecurity has 2 accountable roles (CIO, CTO); exactly one must be accountable.",
};

/**
 * Every rule of rules.md with its category and severity, copied by hand from the spec's
 * tables (an independent copy: do not generate it from RULES).
 */
const RULES_MD: [rule: string, category: string, severity: string][] = [
  ["raci/no-accountable", "gap", "error"],
  ["raci/multiple-accountable", "overlap", "error"],
  ["raci/no-responsible", "gap", "error"],
  ["raci/too-many-responsible", "overlap", "warning"],
  ["raci/too-many-consulted", "load", "warning"],
  ["raci/support-without-responsible", "gap", "error"],
  ["raci/vacant-accountable", "gap", "warning"],
  ["raci/conflicting-codes", "structure", "warning"],
  ["role/no-ownership", "gap", "info"],
  ["role/overloaded", "load", "warning"],
  ["org/cycle", "structure", "error"],
  ["org/multiple-managers", "overlap", "error"],
  ["org/multiple-roots", "structure", "warning"],
  ["org/span-of-control", "load", "warning"],
  ["authority/accountable-outside-chain", "authority", "warning"],
  ["catalogue/duplicate-responsibility", "overlap", "warning"],
];

describe("FindingSchema", () => {
  it("accepts the example finding of chart-format.md unchanged", () => {
    expect(FindingSchema.safeParse(exampleFinding)).toStrictEqual({
      success: true,
      data: exampleFinding,
    });
  });

  it("accepts empty role and responsibility lists", () => {
    const finding = {
      ...exampleFinding,
      rule: "org/multiple-roots",
      roles: [],
      responsibilities: [],
    };
    expect(FindingSchema.safeParse(finding).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>]>([
    ["an unknown rule id", { rule: "raci/no-informed" }],
    ["a rule id without its group", { rule: "no-accountable" }],
    ["an unknown category", { category: "risk" }],
    ["a capitalised category", { category: "Overlap" }],
    ["an unknown severity", { severity: "critical" }],
    ["severity as a number", { severity: 2 }],
    ["an extra key", { hint: "make one role accountable" }],
    ["roles that are not strings", { roles: [1, 2] }],
    ["responsibilities that are not a list", { responsibilities: "sec" }],
    ["a missing message", { message: undefined }],
  ])("rejects %s", (_, change) => {
    const finding: Record<string, unknown> = { ...exampleFinding, ...change };
    for (const key of Object.keys(finding)) if (finding[key] === undefined) delete finding[key];
    expect(FindingSchema.safeParse(finding).success).toBe(false);
  });
});

describe("FindingsResponseSchema", () => {
  it.each<[string, unknown, boolean]>([
    ["no findings", { findings: [] }, true],
    ["the example finding", { findings: [exampleFinding] }, true],
    ["a bare list", [exampleFinding], false],
    ["an extra key", { findings: [], total: 0 }, false],
    ["a broken finding", { findings: [{ ...exampleFinding, severity: "fatal" }] }, false],
  ])("parses %s as valid: %s", (_, input, valid) => {
    expect(FindingsResponseSchema.safeParse(input).success).toBe(valid);
  });
});

describe("RULES", () => {
  it("has exactly the 16 rule ids of rules.md", () => {
    expect(RULES_MD).toHaveLength(16);
    expect(Object.keys(RULES).sort()).toEqual(RULES_MD.map(([rule]) => rule).sort());
    expect([...RULE_IDS].sort()).toEqual(RULES_MD.map(([rule]) => rule).sort());
  });

  it.each(RULES_MD)("gives %s the category %s and the severity %s", (rule, category, severity) => {
    expect(RULES).toHaveProperty([rule], { category, severity });
    expect(RuleIdSchema.safeParse(rule).success).toBe(true);
  });
});

describe("constants", () => {
  it("match chart-format.md", () => {
    expect(CHART_FORMAT).toBe("rolemap.chart/v1");
    expect(RACI_CODES).toEqual(["R", "A", "C", "I", "S"]);
    expect(LINE_KINDS).toEqual(["solid", "dotted"]);
    expect(SEVERITIES).toEqual(["error", "warning", "info"]);
    expect(CATEGORIES).toEqual(["gap", "overlap", "structure", "load", "authority"]);
    expect(LIMITS).toEqual({ nameLength: 200, idLength: 100, titleLength: 200 });
  });

  it.each([
    ["maxResponsible", 3, 1],
    ["maxConsulted", 4, 0],
    ["maxAccountablePerRole", 10, 1],
    ["maxSpanOfControl", 8, 1],
  ] as const)("default %s to %i with a minimum of %i", (key, fallback, minimum) => {
    expect(DEFAULT_SETTINGS[key]).toBe(fallback);
    expect(SETTING_MINIMUMS[key]).toBe(minimum);
  });

  it("have exactly the four settings of chart-format.md", () => {
    const keys = ["maxAccountablePerRole", "maxConsulted", "maxResponsible", "maxSpanOfControl"];
    expect(Object.keys(DEFAULT_SETTINGS).sort()).toEqual(keys);
    expect(Object.keys(SETTING_MINIMUMS).sort()).toEqual(keys);
  });

  it("live in a module that imports nothing, so the pure engine can use them", () => {
    const source = readFileSync(new URL("./constants.ts", import.meta.url), "utf8");
    expect(source).not.toMatch(/^\s*import\b/m);
    expect(source).not.toMatch(/\brequire\s*\(|\bimport\s*\(/);
  });
});
