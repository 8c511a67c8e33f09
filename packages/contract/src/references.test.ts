import { describe, expect, it } from "vitest";
import { checkReferences } from "./references";

const doc = (parts: Record<string, unknown>) => ({
  roles: [
    { id: "ceo", title: "CEO" },
    { id: "cio", title: "CIO" },
  ],
  responsibilities: [{ id: "infra", name: "Infrastructure" }],
  reportingLines: [],
  assignments: [],
  ...parts,
});

describe("checkReferences", () => {
  it.each<[string, unknown]>([
    ["null", null],
    ["undefined", undefined],
    ["a string", "chart"],
    ["an array", [{ roles: [{ id: "a" }, { id: "a" }] }]],
    ["an object without lists", {}],
    ["lists of the wrong type", { roles: "ceo", reportingLines: {}, assignments: 3 }],
  ])("finds nothing to report in %s", (_, input) => {
    expect(checkReferences(input)).toEqual([]);
  });

  it("accepts a consistent document", () => {
    expect(
      checkReferences(
        doc({
          reportingLines: [{ manager: "ceo", report: "cio", kind: "solid" }],
          assignments: [{ role: "cio", responsibility: "infra", code: "A" }],
        }),
      ),
    ).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, { path: (string | number)[]; message: string }[]]>([
    [
      "a duplicate role id",
      { roles: [{ id: "a" }, { id: "b" }, { id: "a" }] },
      [{ path: ["roles", 2, "id"], message: 'duplicate role id "a" (first used at roles[0])' }],
    ],
    [
      "a role id used three times",
      { roles: [{ id: "a" }, { id: "a" }, { id: "a" }] },
      [
        { path: ["roles", 1, "id"], message: 'duplicate role id "a" (first used at roles[0])' },
        { path: ["roles", 2, "id"], message: 'duplicate role id "a" (first used at roles[0])' },
      ],
    ],
    [
      "a duplicate responsibility id",
      { responsibilities: [{ id: "x" }, { id: "x" }] },
      [
        {
          path: ["responsibilities", 1, "id"],
          message: 'duplicate responsibility id "x" (first used at responsibilities[0])',
        },
      ],
    ],
    [
      "an unknown manager and report",
      { reportingLines: [{ manager: "cfo", report: "cxo", kind: "solid" }] },
      [
        { path: ["reportingLines", 0, "manager"], message: 'unknown role "cfo"' },
        { path: ["reportingLines", 0, "report"], message: 'unknown role "cxo"' },
      ],
    ],
    [
      "a self-line",
      { reportingLines: [{ manager: "cio", report: "cio", kind: "dotted" }] },
      [{ path: ["reportingLines", 0], message: 'role "cio" cannot report to itself' }],
    ],
    [
      "a repeated line",
      {
        reportingLines: [
          { manager: "ceo", report: "cio", kind: "dotted" },
          { manager: "ceo", report: "cio", kind: "solid" },
          { manager: "ceo", report: "cio", kind: "dotted" },
        ],
      },
      [
        {
          path: ["reportingLines", 2],
          message: 'duplicate dotted line from "cio" to "ceo" (same as reportingLines[0])',
        },
      ],
    ],
    [
      "unknown assignment targets",
      { assignments: [{ role: "cxo", responsibility: "sec", code: "R" }] },
      [
        { path: ["assignments", 0, "role"], message: 'unknown role "cxo"' },
        { path: ["assignments", 0, "responsibility"], message: 'unknown responsibility "sec"' },
      ],
    ],
    [
      "a repeated assignment",
      {
        assignments: [
          { role: "cio", responsibility: "infra", code: "A" },
          { role: "cio", responsibility: "infra", code: "R" },
          { role: "cio", responsibility: "infra", code: "A" },
        ],
      },
      [
        {
          path: ["assignments", 2],
          message: 'duplicate assignment of "A" to role "cio" on "infra" (same as assignments[0])',
        },
      ],
    ],
    [
      "a repeated line between unknown roles",
      {
        reportingLines: [
          { manager: "cfo", report: "cxo", kind: "solid" },
          { manager: "cfo", report: "cxo", kind: "solid" },
        ],
      },
      [
        { path: ["reportingLines", 0, "manager"], message: 'unknown role "cfo"' },
        { path: ["reportingLines", 0, "report"], message: 'unknown role "cxo"' },
        { path: ["reportingLines", 1, "manager"], message: 'unknown role "cfo"' },
        { path: ["reportingLines", 1, "report"], message: 'unknown role "cxo"' },
        {
          path: ["reportingLines", 1],
          message: 'duplicate solid line from "cxo" to "cfo" (same as reportingLines[0])',
        },
      ],
    ],
    [
      "a repeated assignment with a code outside the matrix (left to the schema)",
      {
        assignments: [
          { role: "cio", responsibility: "infra", code: "X" },
          { role: "cio", responsibility: "infra", code: "X" },
        ],
      },
      [
        {
          path: ["assignments", 1],
          message: 'duplicate assignment of "X" to role "cio" on "infra" (same as assignments[0])',
        },
      ],
    ],
    [
      "no repeat among distinct (role, responsibility) pairs whose positions cross",
      {
        responsibilities: [
          { id: "infra", name: "Infrastructure" },
          { id: "data", name: "Data" },
        ],
        reportingLines: [
          { manager: "ceo", report: "cio", kind: "solid" },
          { manager: "cio", report: "ceo", kind: "dotted" },
        ],
        assignments: [
          { role: "ceo", responsibility: "data", code: "A" },
          { role: "cio", responsibility: "infra", code: "A" },
          { role: "ceo", responsibility: "infra", code: "R" },
          { role: "cio", responsibility: "data", code: "R" },
        ],
      },
      [],
    ],
    [
      "fields of the wrong type (left to the schema)",
      {
        roles: [{ id: 1 }, null, "x"],
        reportingLines: [{ manager: 1, report: null, kind: "solid" }, 7],
        assignments: [{ role: false, responsibility: [], code: "A" }],
      },
      [],
    ],
  ])("reports %s", (_, parts, expected) => {
    expect(checkReferences(doc(parts))).toEqual(expected);
  });
});

describe("checkReferences on a large chart", () => {
  it("finds exactly the repeats among thousands of lines and assignments", () => {
    const roles = Array.from({ length: 300 }, (_, i) => ({ id: `r${i}`, title: `R${i}` }));
    const responsibilities = Array.from({ length: 40 }, (_, i) => ({ id: `s${i}`, name: `S${i}` }));
    const assignments = roles.flatMap((role, i) =>
      responsibilities
        .filter((_, j) => (i + j) % 4 === 0)
        .map((s) => ({ role: role.id, responsibility: s.id, code: "R" })),
    );
    const reportingLines = roles.slice(1).map((role, i) => ({
      manager: `r${Math.floor(i / 3)}`,
      report: role.id,
      kind: "solid",
    }));
    // Every row twice: each second copy names its first.
    const problems = checkReferences(
      doc({
        roles,
        responsibilities,
        reportingLines: [...reportingLines, ...reportingLines],
        assignments: [...assignments, ...assignments],
      }),
    );
    const firsts = (list: string) =>
      problems
        .filter((p) => p.path[0] === list)
        .map((p) => [p.path[1], Number(/\[(\d+)\]\)$/.exec(p.message)?.[1])]);
    expect(firsts("reportingLines")).toEqual(
      reportingLines.map((_, i) => [reportingLines.length + i, i]),
    );
    expect(firsts("assignments")).toEqual(assignments.map((_, i) => [assignments.length + i, i]));
  });
});
