import type { ChartDocument } from "@rolemap/contract";

/** Test documents for the command's end-to-end tests (the spec example is a JSON fixture). */

/** Every responsibility has one A and one R above or at the doer: no findings. */
export const cleanChart: ChartDocument = {
  format: "rolemap.chart/v1",
  name: "Clean chart",
  roles: [
    { id: "ceo", title: "CEO", holder: "Dana Smith" },
    { id: "cfo", title: "CFO", holder: "Sam Lee" },
    { id: "cto", title: "CTO", holder: "Alex Ng" },
  ],
  reportingLines: [
    { manager: "ceo", report: "cfo", kind: "solid" },
    { manager: "ceo", report: "cto", kind: "solid" },
    { manager: "cfo", report: "cto", kind: "dotted" },
  ],
  responsibilities: [
    { id: "budget", name: "Budget", category: "Finance" },
    { id: "platform", name: "Platform engineering" },
    { id: "strategy", name: "Technology strategy" },
  ],
  assignments: [
    { role: "cfo", responsibility: "budget", code: "A" },
    { role: "cfo", responsibility: "budget", code: "R" },
    { role: "cto", responsibility: "budget", code: "C" },
    { role: "cto", responsibility: "platform", code: "A" },
    { role: "cto", responsibility: "platform", code: "R" },
    { role: "ceo", responsibility: "platform", code: "I" },
    { role: "ceo", responsibility: "strategy", code: "A" },
    { role: "cto", responsibility: "strategy", code: "R" },
  ],
};

/** Warnings and info only (a vacant accountable role, a role owning nothing): exit 0. */
export const warningsOnlyChart: ChartDocument = {
  ...cleanChart,
  name: "Warnings only",
  roles: [
    { id: "ceo", title: "CEO", holder: "Dana Smith" },
    { id: "cfo", title: "CFO", holder: null },
    { id: "cto", title: "CTO", holder: "Alex Ng" },
    { id: "coo", title: "COO", holder: "Kim Park" },
  ],
  reportingLines: [...cleanChart.reportingLines, { manager: "ceo", report: "coo", kind: "solid" }],
};

/**
 * Breaks many rules at once. Roles b and c manage each other (a cycle, and b has two solid
 * managers); a and e are separate roots; "Cybersecurity" has two A roles and no R and is a
 * near-duplicate of "Cyber-security"; e is both R and I on one responsibility.
 */
export const manyFindingsChart: ChartDocument = {
  format: "rolemap.chart/v1",
  name: "Many findings",
  roles: [
    { id: "a", title: "Chief A", holder: "Ann" },
    { id: "b", title: "Chief B", holder: "Bob" },
    { id: "c", title: "Chief C", holder: "Cy" },
    { id: "e", title: "Chief E", holder: "Eve" },
  ],
  reportingLines: [
    { manager: "a", report: "b", kind: "solid" },
    { manager: "b", report: "c", kind: "solid" },
    { manager: "c", report: "b", kind: "solid" },
  ],
  responsibilities: [
    { id: "sec", name: "Cybersecurity" },
    { id: "sec2", name: "Cyber-security" },
  ],
  assignments: [
    { role: "b", responsibility: "sec", code: "A" },
    { role: "c", responsibility: "sec", code: "A" },
    { role: "e", responsibility: "sec2", code: "R" },
    { role: "e", responsibility: "sec2", code: "I" },
  ],
};

/** Rule ids `manyFindingsChart` must produce (rules.md). */
export const manyFindingsRules = [
  "raci/multiple-accountable",
  "raci/no-responsible",
  "raci/no-accountable",
  "org/cycle",
  "org/multiple-managers",
  "raci/conflicting-codes",
  "org/multiple-roots",
  "catalogue/duplicate-responsibility",
  "role/no-ownership",
] as const;

/**
 * Well-formed JSON that is not a valid chart: unknown ids, a duplicate role id, a duplicate
 * assignment and a bad code. Each problem's path is in `invalidChartPaths`.
 */
export const invalidChart = {
  format: "rolemap.chart/v1",
  name: "Invalid",
  roles: [
    { id: "ceo", title: "CEO" },
    { id: "cio", title: "CIO" },
    { id: "ceo", title: "Chief executive" },
  ],
  reportingLines: [{ manager: "boss", report: "cio", kind: "solid" }],
  responsibilities: [{ id: "infra", name: "Infrastructure" }],
  assignments: [
    { role: "cio", responsibility: "infra", code: "A" },
    { role: "cio", responsibility: "infra", code: "A" },
    { role: "cio", responsibility: "infra", code: "X" },
    { role: "cxo", responsibility: "infra", code: "R" },
  ],
};

export const invalidChartPaths = [
  "roles[2].id",
  "reportingLines[0].manager",
  "assignments[1]",
  "assignments[2].code",
  "assignments[3].role",
] as const;
