import type { Finding } from "@rolemap/contract";
import { RULES } from "@rolemap/contract/constants";
import { describe, expect, it } from "vitest";
import { countBySeverity, findingKey, groupFindings } from "./group-findings";

const finding = (
  rule: keyof typeof RULES,
  responsibilities: string[] = [],
  roles: string[] = [],
): Finding => ({
  rule,
  ...RULES[rule],
  roles,
  responsibilities,
  message: rule,
});

const findings = [
  finding("raci/multiple-accountable", ["sec"], ["cio", "cto"]),
  finding("raci/no-accountable", ["data"]),
  finding("raci/no-responsible", ["data"]),
  finding("org/multiple-roots", [], ["a", "b"]),
  finding("role/no-ownership", [], ["ceo"]),
];

describe("groupFindings", () => {
  it("groups by severity, then category in the contract's order", () => {
    const groups = groupFindings(findings);
    expect(
      groups.map((g) => [
        g.title,
        g.count,
        g.categories.map((c) => [c.title, c.findings.map((f) => f.rule)]),
      ]),
    ).toEqual([
      [
        "Errors",
        3,
        [
          ["Gaps", ["raci/no-accountable", "raci/no-responsible"]],
          ["Overlaps", ["raci/multiple-accountable"]],
        ],
      ],
      ["Warnings", 1, [["Structure", ["org/multiple-roots"]]]],
      ["Info", 1, [["Gaps", ["role/no-ownership"]]]],
    ]);
  });

  it("gives no groups for no findings", () => {
    expect(groupFindings([])).toEqual([]);
  });

  it.each([
    [[finding("role/no-ownership", [], ["x"])], ["info"]],
    [
      [finding("org/span-of-control", [], ["x"]), finding("org/cycle", [], ["x", "y"])],
      ["error", "warning"],
    ],
  ])("leaves out empty severities", (list, severities) => {
    expect(groupFindings(list).map((g) => g.severity)).toEqual(severities);
  });

  it("does not mutate its input", () => {
    const copy = structuredClone(findings);
    groupFindings(findings);
    expect(findings).toEqual(copy);
  });
});

describe("countBySeverity", () => {
  it("counts every severity, zeros included", () => {
    expect(countBySeverity(findings)).toEqual({ error: 3, warning: 1, info: 1 });
    expect(countBySeverity([])).toEqual({ error: 0, warning: 0, info: 0 });
  });
});

describe("findingKey", () => {
  it("tells findings of one rule apart by their ids", () => {
    expect(findingKey(findings[1] as Finding)).not.toBe(
      findingKey(finding("raci/no-accountable", ["sec"])),
    );
  });
});
