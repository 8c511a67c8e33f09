import type { ChartDocument, Operation } from "@rolemap/contract";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyOperations } from "../edit/apply-operations";
import { operationsBetween } from "../edit/operations-between";
import { RESPONSIBILITY_ID_PREFIX, ROLE_ID_PREFIX } from "../testing/arbitraries";
import { sketchChart } from "../testing/chart-builder";
import { chartPairArb, editArb } from "../testing/operation-arbitraries";
import { summariseOperations } from "./summarise-operations";
import { SUMMARY_LENGTH } from "./summary-parts";

const chart: ChartDocument = sketchChart({
  roles: ["ceo", "cio", "cto", "ciso"],
  solid: ["ceo>cio", "ceo>cto", "cio>ciso"],
  dotted: ["cto>ciso"],
  responsibilities: ["infra", "product", "sec"],
  names: { infra: "Infrastructure", product: "Product delivery", sec: "Data governance" },
  assign: ["cio:infra:A", "cto:product:A", "ciso:sec:R", "cio:sec:A"],
});

const cdo = { id: "cdo", title: "CDO" };
const cell = (role: string, responsibility: string, code: "R" | "A" | "C" | "I" | "S") => ({
  role,
  responsibility,
  code,
});

describe("summariseOperations", () => {
  it.each<[string, Operation[], string]>([
    ["an empty batch", [], "no change"],
    [
      "a move and matrix cells",
      [
        { op: "moveRole", id: "cio", manager: "cto" },
        { op: "addAssignment", assignment: cell("cto", "infra", "R") },
        { op: "updateAssignment", assignment: cell("cio", "sec", "A"), code: "C" },
        { op: "removeAssignment", assignment: cell("ciso", "sec", "R") },
      ],
      "moved CIO under CTO; 3 matrix cells",
    ],
    [
      "an added role and a renamed row",
      [
        { op: "addRole", role: cdo },
        { op: "updateResponsibility", id: "sec", changes: { name: "Data stewardship" } },
      ],
      "added CDO; renamed Data governance to Data stewardship",
    ],
    [
      "new settings",
      [{ op: "updateChart", settings: { maxResponsible: 2 } }],
      "changed the chart's settings",
    ],
    [
      "a new chart name",
      [{ op: "updateChart", name: "Target model" }],
      "renamed the chart to Target model",
    ],
    [
      "a role made a top role",
      [{ op: "moveRole", id: "cto", manager: null }],
      "made CTO a top role",
    ],
    [
      "a drag on the canvas",
      [{ op: "moveRole", id: "cio", position: { x: 1, y: 2 } }],
      "repositioned CIO",
    ],
    [
      "a drag that also changes the manager",
      [{ op: "moveRole", id: "ciso", manager: "cto", position: { x: 1, y: 2 } }],
      "moved CISO under CTO",
    ],
    [
      "a role added under a manager",
      [
        { op: "addRole", role: cdo },
        { op: "moveRole", id: "cdo", manager: "cio" },
      ],
      "added CDO under CIO",
    ],
    [
      "two roles added",
      [
        { op: "addRole", role: cdo },
        { op: "addRole", role: { id: "cmo", title: "CMO" } },
      ],
      "added CDO and CMO",
    ],
    [
      "three roles removed",
      [
        { op: "removeRole", id: "cio" },
        { op: "removeRole", id: "cto" },
        { op: "removeRole", id: "ciso" },
      ],
      "removed 3 roles",
    ],
    [
      "a removed role, without the lines and cells it takes along",
      [{ op: "removeRole", id: "cio" }],
      "removed CIO",
    ],
    [
      "a holder appointed",
      [{ op: "updateRole", id: "cio", changes: { holder: "Dana Smith" } }],
      "appointed Dana Smith as CIO",
    ],
    ["a role vacated", [{ op: "updateRole", id: "cio", changes: { holder: null } }], "vacated CIO"],
    [
      "a role's notes",
      [{ op: "updateRole", id: "cio", changes: { notes: "Interim" } }],
      "edited CIO",
    ],
    [
      "a renamed role",
      [{ op: "updateRole", id: "cio", changes: { title: "Chief Information Officer" } }],
      "renamed CIO to Chief Information Officer",
    ],
    [
      "a dotted line added",
      [{ op: "addLine", line: { manager: "ceo", report: "ciso", kind: "dotted" } }],
      "added a dotted line from CISO to CEO",
    ],
    [
      "a dotted line removed",
      [{ op: "removeLine", line: { manager: "cto", report: "ciso", kind: "dotted" } }],
      "removed the dotted line from CISO to CTO",
    ],
    [
      "a line made dotted, which leaves the role without a manager",
      [
        {
          op: "updateLine",
          line: { manager: "cio", report: "ciso", kind: "solid" },
          kind: "dotted",
        },
      ],
      "made CISO a top role; added a dotted line from CISO to CIO",
    ],
    [
      "one cell set",
      [{ op: "addAssignment", assignment: cell("cto", "infra", "R") }],
      "set CTO to R on Infrastructure",
    ],
    [
      "one cell cleared",
      [{ op: "removeAssignment", assignment: cell("cio", "infra", "A") }],
      "cleared CIO on Infrastructure",
    ],
    [
      "a row added and one moved",
      [
        { op: "addResponsibility", responsibility: { id: "budget", name: "Budget" }, index: 0 },
        { op: "moveResponsibility", id: "sec", index: 0 },
      ],
      "added Budget; reordered Data governance",
    ],
    [
      "a role added and removed again",
      [
        { op: "addRole", role: cdo },
        { op: "addAssignment", assignment: cell("cdo", "infra", "R") },
        { op: "removeRole", id: "cdo" },
      ],
      "no change",
    ],
    [
      "four roles moved",
      ["cio", "cto", "ciso"]
        .map((id): Operation => ({ op: "moveRole", id, manager: null }))
        .concat([{ op: "moveRole", id: "ceo", manager: "cio" }]),
      "moved 4 roles",
    ],
    [
      "a batch that does not apply",
      [{ op: "removeRole", id: "nobody" }],
      "1 change that does not apply",
    ],
  ])("words %s", (_, operations, summary) => {
    expect(summariseOperations(chart, operations)).toBe(summary);
  });

  it("counts edits made in the order the batch made them", () => {
    expect(
      summariseOperations(chart, [
        { op: "addAssignment", assignment: cell("cto", "infra", "R") },
        { op: "addAssignment", assignment: cell("cto", "infra", "I") },
        { op: "addRole", role: cdo },
      ]),
    ).toBe("set CTO to R and I on Infrastructure; added CDO");
  });

  it("words a replacement that only reorders the roles as a reorder, not as a removal and an addition", () => {
    const [ceo, cio, cto, ciso] = chart.roles as [
      (typeof chart.roles)[number],
      (typeof chart.roles)[number],
      (typeof chart.roles)[number],
      (typeof chart.roles)[number],
    ];
    const operations = operationsBetween(chart, { ...chart, roles: [ceo, cto, ciso, cio] });
    expect(operations.some((operation) => operation.op === "removeRole")).toBe(true);
    expect(summariseOperations(chart, operations)).toBe("reordered CIO");
  });

  it("words a replacement that changes a reordered role by what changed", () => {
    const [ceo, cio, cto, ciso] = chart.roles as [
      (typeof chart.roles)[number],
      (typeof chart.roles)[number],
      (typeof chart.roles)[number],
      (typeof chart.roles)[number],
    ];
    const after: ChartDocument = {
      ...chart,
      roles: [ceo, cto, ciso, { ...cio, title: "Chief Information Officer" }],
      assignments: chart.assignments.filter(
        (a) => !(a.role === "cio" && a.responsibility === "sec"),
      ),
    };
    expect(summariseOperations(chart, operationsBetween(chart, after))).toBe(
      "renamed CIO to Chief Information Officer; cleared CIO on Data governance",
    );
  });

  it("shortens long names and stops at the length of a line", () => {
    const long = "Vice President of Infrastructure, Platform and Developer Experience";
    const operations: Operation[] = [
      { op: "updateRole", id: "cio", changes: { title: long } },
      { op: "updateChart", name: "A chart with a name that goes on and on for quite a while" },
      { op: "addAssignment", assignment: cell("cto", "infra", "R") },
      { op: "addRole", role: cdo },
      { op: "updateRole", id: "cto", changes: { holder: "Somebody with a long name indeed" } },
      { op: "addResponsibility", responsibility: { id: "budget", name: "Budget" } },
      { op: "moveResponsibility", id: "sec", index: 0 },
    ];
    const summary = summariseOperations(chart, operations);
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_LENGTH);
    expect(summary).toBe(
      "renamed CIO to Vice President of Infrastructure, Platf…; renamed the chart to A chart with a name that goes on and on… and 5 more changes",
    );
  });

  it("names roles and rows, never their ids", () => {
    const operations: Operation[] = [
      { op: "moveRole", id: "ciso", manager: "ceo" },
      { op: "removeResponsibility", id: "product" },
      { op: "addAssignment", assignment: cell("ciso", "infra", "C") },
    ];
    const summary = summariseOperations(chart, operations);
    expect(summary).toBe(
      "moved CISO under CEO; removed Product delivery; set CISO to C on Infrastructure",
    );
    expect(summary).not.toMatch(/\b(ceo|ciso|infra|product)\b/);
  });

  it("does not change its input", () => {
    const frozen = structuredClone(chart);
    const operations: Operation[] = [{ op: "removeRole", id: "cio" }];
    summariseOperations(frozen, operations);
    expect(frozen).toEqual(chart);
    expect(operations).toEqual([{ op: "removeRole", id: "cio" }]);
  });

  it("words any batch that applies in one line, by name, and a replacement as well", () => {
    const check = (before: ChartDocument, operations: Operation[]) => {
      const summary = summariseOperations(before, operations);
      expect(summary.length).toBeGreaterThan(0);
      expect(summary.length).toBeLessThanOrEqual(SUMMARY_LENGTH);
      expect(summary).not.toContain(ROLE_ID_PREFIX);
      expect(summary).not.toContain(RESPONSIBILITY_ID_PREFIX);
    };
    fc.assert(
      fc.property(editArb(), ([before, operations]) => {
        fc.pre(applyOperations(before, operations).ok);
        check(before, operations);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(chartPairArb, ([before, after]) => {
        const operations = operationsBetween(before, after);
        check(before, operations);
        if (operations.length === 0)
          expect(summariseOperations(before, operations)).toBe("no change");
      }),
      { numRuns: 200 },
    );
  });

  it("says the same when given the document the batch made as when it applies the batch itself", () => {
    fc.assert(
      fc.property(editArb(), ([before, operations]) => {
        const applied = applyOperations(before, operations);
        fc.pre(applied.ok);
        if (!applied.ok) return;
        expect(summariseOperations(before, operations, applied.document)).toBe(
          summariseOperations(before, operations),
        );
      }),
      { numRuns: 200 },
    );
  });
});
