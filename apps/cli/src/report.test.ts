import type { ChartDocument, Finding, RuleId } from "@rolemap/contract";
import { RULES } from "@rolemap/contract/constants";
import pc from "picocolors";
import { describe, expect, it } from "vitest";
import { countBySeverity, formatChartCounts, formatReport, formatSummaryLine } from "./report";

const plain = pc.createColors(false);
const coloured = pc.createColors(true);

const finding = (rule: RuleId, message = `${rule} happened`): Finding => ({
  rule,
  ...RULES[rule],
  roles: [],
  responsibilities: [],
  message,
});

const chart = (overrides: Partial<ChartDocument> = {}): ChartDocument => ({
  format: "rolemap.chart/v1",
  name: "Acme",
  roles: [],
  reportingLines: [],
  responsibilities: [],
  assignments: [],
  ...overrides,
});

describe("formatSummaryLine", () => {
  it.each<[string, Finding[], string]>([
    ["no findings", [], "No findings"],
    [
      "one of each",
      [finding("org/cycle"), finding("org/multiple-roots"), finding("role/no-ownership")],
      "1 error, 1 warning, 1 info",
    ],
    [
      "plurals",
      [
        finding("org/cycle"),
        finding("raci/no-accountable"),
        finding("raci/too-many-consulted"),
        finding("raci/vacant-accountable"),
        finding("role/overloaded"),
        finding("role/no-ownership"),
      ],
      "2 errors, 3 warnings, 1 info",
    ],
    [
      "info only",
      [finding("role/no-ownership"), finding("role/no-ownership")],
      "0 errors, 0 warnings, 2 info",
    ],
  ])("%s", (_name, findings, expected) => {
    expect(formatSummaryLine(findings)).toBe(expected);
  });
});

describe("countBySeverity", () => {
  it("counts each severity", () => {
    expect(
      countBySeverity([finding("org/cycle"), finding("org/cycle"), finding("role/no-ownership")]),
    ).toEqual({
      error: 2,
      warning: 0,
      info: 1,
    });
  });
});

describe("formatChartCounts", () => {
  it.each<[string, Partial<ChartDocument>, string]>([
    ["empty", {}, "0 roles, 0 reporting lines, 0 responsibilities, 0 assignments"],
    [
      "singular",
      {
        roles: [
          { id: "a", title: "A" },
          { id: "b", title: "B" },
        ],
        reportingLines: [{ manager: "a", report: "b", kind: "solid" }],
        responsibilities: [{ id: "x", name: "X" }],
        assignments: [{ role: "a", responsibility: "x", code: "A" }],
      },
      "2 roles, 1 reporting line, 1 responsibility, 1 assignment",
    ],
  ])("%s", (_name, overrides, expected) => {
    expect(formatChartCounts(chart(overrides))).toBe(expected);
  });
});

describe("formatReport", () => {
  it("shows name and counts, then each severity group with its count, then the summary", () => {
    const report = formatReport(
      chart(),
      [
        finding("raci/no-accountable", "Budget has no accountable role."),
        finding("raci/multiple-accountable", "Security has 2 accountable roles."),
        finding("org/multiple-roots", "The chart has 2 top roles."),
        finding("role/no-ownership", "CEO owns nothing."),
      ],
      plain,
    );
    expect(report).toBe(
      [
        "Acme",
        "0 roles, 0 reporting lines, 0 responsibilities, 0 assignments",
        "",
        "Errors (2)",
        "  raci/no-accountable        Budget has no accountable role.",
        "  raci/multiple-accountable  Security has 2 accountable roles.",
        "",
        "Warnings (1)",
        "  org/multiple-roots  The chart has 2 top roles.",
        "",
        "Info (1)",
        "  role/no-ownership  CEO owns nothing.",
        "",
        "2 errors, 1 warning, 1 info",
        "",
      ].join("\n"),
    );
  });

  it.each<[string, Finding[], string[], string[]]>([
    ["no findings", [], ["No findings"], ["Errors", "Warnings", "Info"]],
    ["warnings only", [finding("org/multiple-roots")], ["Warnings (1)"], ["Errors", "Info"]],
    ["info only", [finding("role/no-ownership")], ["Info (1)"], ["Errors", "Warnings"]],
  ])("%s: only the sections that have findings", (_name, findings, present, absent) => {
    const report = formatReport(chart(), findings, plain);
    for (const text of present) expect(report).toContain(text);
    for (const text of absent) expect(report).not.toContain(text);
  });

  it("colours only when asked", () => {
    const findings = [finding("org/cycle")];
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for ANSI escapes
    const ansi = /\u001b\[/;
    expect(formatReport(chart(), findings, plain)).not.toMatch(ansi);
    expect(formatReport(chart(), findings, coloured)).toMatch(ansi);
  });

  it("is newline-terminated", () => {
    expect(formatReport(chart(), [], plain).endsWith("No findings\n")).toBe(true);
  });
});
