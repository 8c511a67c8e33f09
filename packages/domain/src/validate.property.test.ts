import { type ChartDocument, type Finding, parseChart, type RuleId } from "@rolemap/contract";
import { DEFAULT_SETTINGS, RULE_IDS, RULES, SEVERITIES } from "@rolemap/contract/constants";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  largeChartArbitrary,
  RESPONSIBILITY_ID_PREFIX,
  ROLE_ID_PREFIX,
  shuffledChart,
  smallChartArbitrary,
} from "./testing/arbitraries";
import { validateChart } from "./validate";

/**
 * Properties of `validateChart` over random valid charts, and a naive oracle of every
 * rule of rules.md that the engine's findings must equal. On a failure fast-check prints
 * the seed and the shrunk chart; rerun with `{ seed, path }` added to the parameters.
 */

const RUNS = { numRuns: 200 };
const LARGE_RUNS = { numRuns: 40 };

const plainOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const isSortedUnique = (ids: readonly string[]) =>
  ids.every((id, i) => i === 0 || plainOrder(ids[i - 1] as string, id) < 0);

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const severityRank = (finding: Finding) => SEVERITIES.indexOf(finding.severity);

/**
 * The contract's order key. Within one rule the lists are either always empty or never
 * (e.g. org/* never names responsibilities), so how an empty list sorts never matters.
 */
const orderKey = (finding: Finding): [number, string, string, string] => [
  severityRank(finding),
  finding.rule,
  finding.responsibilities[0] ?? "",
  finding.roles[0] ?? "",
];

const compareKeys = (a: Finding, b: Finding) => {
  const [ka, kb] = [orderKey(a), orderKey(b)];
  return (
    ka[0] - kb[0] ||
    plainOrder(ka[1], kb[1]) ||
    plainOrder(ka[2], kb[2]) ||
    plainOrder(ka[3], kb[3])
  );
};

describe("validateChart over random valid charts", () => {
  it("the arbitrary only makes documents that parseChart accepts unchanged", () => {
    fc.assert(
      fc.property(smallChartArbitrary, (document) => {
        const parsed = parseChart(document);
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
        expect(parsed.value).toEqual(document);
      }),
      RUNS,
    );
  });

  it("never throws and is deterministic", () => {
    fc.assert(
      fc.property(smallChartArbitrary, (document) => {
        expect(validateChart(document)).toEqual(validateChart(document));
      }),
      RUNS,
    );
  });

  it("names only roles and responsibilities of the chart, as sorted unique id lists", () => {
    fc.assert(
      fc.property(smallChartArbitrary, (document) => {
        const roleIds = new Set(document.roles.map((role) => role.id));
        const responsibilityIds = new Set(document.responsibilities.map((r) => r.id));
        for (const finding of validateChart(document)) {
          for (const id of finding.roles) expect(roleIds).toContain(id);
          for (const id of finding.responsibilities) expect(responsibilityIds).toContain(id);
          expect(isSortedUnique(finding.roles), JSON.stringify(finding.roles)).toBe(true);
          expect(isSortedUnique(finding.responsibilities)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("gives every finding its rule's contract category and severity", () => {
    fc.assert(
      fc.property(smallChartArbitrary, (document) => {
        for (const finding of validateChart(document)) {
          expect(RULE_IDS).toContain(finding.rule);
          expect({ category: finding.category, severity: finding.severity }).toEqual(
            RULES[finding.rule],
          );
        }
      }),
      RUNS,
    );
  });

  it("sorts findings by severity, rule id, first responsibility id, first role id", () => {
    fc.assert(
      fc.property(smallChartArbitrary, (document) => {
        const findings = validateChart(document);
        for (let i = 1; i < findings.length; i++) {
          const [before, after] = [findings[i - 1] as Finding, findings[i] as Finding];
          expect(compareKeys(before, after), JSON.stringify([before, after])).toBeLessThanOrEqual(
            0,
          );
        }
      }),
      RUNS,
    );
  });

  it("does not mutate its input (deep-frozen document, compared with a structured clone)", () => {
    fc.assert(
      fc.property(smallChartArbitrary, (document) => {
        const expected = validateChart(structuredClone(document));
        const copy = structuredClone(document);
        const frozen = deepFreeze(document);
        expect(validateChart(frozen)).toEqual(expected);
        expect(frozen).toEqual(copy);
      }),
      RUNS,
    );
  });

  it("does not depend on the order of any input array", () => {
    const pairs = smallChartArbitrary.chain((document) =>
      shuffledChart(document).map((shuffled) => ({ document, shuffled })),
    );
    fc.assert(
      fc.property(pairs, ({ document, shuffled }) => {
        expect(validateChart(shuffled)).toEqual(validateChart(document));
      }),
      RUNS,
    );
  });

  it("writes messages with titles and names, never ids", () => {
    fc.assert(
      fc.property(smallChartArbitrary, (document) => {
        for (const { message } of validateChart(document)) {
          expect(message).not.toContain(ROLE_ID_PREFIX);
          expect(message).not.toContain(RESPONSIBILITY_ID_PREFIX);
          expect(message.trim()).not.toBe("");
        }
      }),
      RUNS,
    );
  });

  it("keeps the properties on larger charts", () => {
    fc.assert(
      fc.property(largeChartArbitrary, (document) => {
        expect(parseChart(document).ok).toBe(true);
        const findings = validateChart(document);
        expect(validateChart(structuredClone(document))).toEqual(findings);
        for (let i = 1; i < findings.length; i++)
          expect(
            compareKeys(findings[i - 1] as Finding, findings[i] as Finding),
          ).toBeLessThanOrEqual(0);
        for (const finding of findings) {
          expect(isSortedUnique(finding.roles)).toBe(true);
          expect(isSortedUnique(finding.responsibilities)).toBe(true);
          expect(finding.message).not.toContain(ROLE_ID_PREFIX);
        }
      }),
      LARGE_RUNS,
    );
  });

  it("finds nothing in an empty chart", () => {
    const empty: ChartDocument = {
      format: "rolemap.chart/v1",
      name: "Empty",
      roles: [],
      reportingLines: [],
      responsibilities: [],
      assignments: [],
    };
    expect(validateChart(empty)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// Oracle: every rule of rules.md, written as literally and naively as possible (linear
// scans, a plain breadth-first search per question). Only (rule, roles, responsibilities)
// are compared; messages are checked by the properties above.

interface Verdict {
  rule: RuleId;
  roles: string[];
  responsibilities: string[];
}

const sortedUnique = (ids: Iterable<string>) => [...new Set(ids)].sort(plainOrder);

const isVacant = (holder: string | null | undefined) =>
  holder === null || holder === undefined || holder.trim() === "";

/** rules.md's normalised name, one code point at a time. */
const normalise = (name: string) =>
  [...name.toLowerCase()]
    .filter((char) => /[\p{L}\p{Nd}\s]/u.test(char))
    .join("")
    .split(/\s+/)
    .filter((word) => word !== "")
    .join(" ");

/** Roles reachable from `start` upward in one or more steps over lines of the given kinds. */
function reachableUp(
  document: ChartDocument,
  start: string,
  kinds: readonly string[],
): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const role = queue.shift() as string;
    for (const line of document.reportingLines) {
      if (line.report !== role || !kinds.includes(line.kind) || seen.has(line.manager)) continue;
      seen.add(line.manager);
      queue.push(line.manager);
    }
  }
  return seen;
}

function oracle(document: ChartDocument): Verdict[] {
  const out: Verdict[] = [];
  const push = (rule: RuleId, roles: Iterable<string>, responsibilities: Iterable<string>) =>
    out.push({
      rule,
      roles: sortedUnique(roles),
      responsibilities: sortedUnique(responsibilities),
    });
  const setting = <K extends keyof typeof DEFAULT_SETTINGS>(key: K): number =>
    document.settings?.[key] ?? DEFAULT_SETTINGS[key];
  const holdersOf = (responsibility: string, code: string) =>
    document.assignments
      .filter((a) => a.responsibility === responsibility && a.code === code)
      .map((a) => a.role);
  const roleById = (id: string) => document.roles.find((role) => role.id === id);

  for (const { id } of document.responsibilities) {
    const [R, A, C, I, S] = ["R", "A", "C", "I", "S"].map((code) => holdersOf(id, code)) as [
      string[],
      string[],
      string[],
      string[],
      string[],
    ];
    if (A.length === 0) push("raci/no-accountable", [], [id]);
    if (A.length >= 2) push("raci/multiple-accountable", A, [id]);
    if (R.length === 0) push("raci/no-responsible", [], [id]);
    if (R.length > setting("maxResponsible")) push("raci/too-many-responsible", R, [id]);
    if (C.length > setting("maxConsulted")) push("raci/too-many-consulted", C, [id]);
    if (S.length > 0 && R.length === 0) push("raci/support-without-responsible", S, [id]);
    for (const a of A)
      if (isVacant(roleById(a)?.holder)) push("raci/vacant-accountable", [a], [id]);
    for (const role of document.roles) {
      const doing = [...A, ...R, ...S].includes(role.id);
      const told = [...C, ...I].includes(role.id);
      if (doing && told) push("raci/conflicting-codes", [role.id], [id]);
    }
    if (A.length === 1) {
      const a = A[0] as string;
      for (const r of new Set(R))
        if (r !== a && !reachableUp(document, r, ["solid", "dotted"]).has(a))
          push("authority/accountable-outside-chain", [a, r], [id]);
    }
  }

  for (const role of document.roles) {
    const owns = document.assignments.some(
      (a) => a.role === role.id && (a.code === "R" || a.code === "A"),
    );
    if (document.responsibilities.length > 0 && !owns) push("role/no-ownership", [role.id], []);
    const accountableFor = document.assignments
      .filter((a) => a.role === role.id && a.code === "A")
      .map((a) => a.responsibility);
    if (accountableFor.length > setting("maxAccountablePerRole"))
      push("role/overloaded", [role.id], accountableFor);
  }

  const solid = document.reportingLines.filter((line) => line.kind === "solid");
  for (const role of document.roles) {
    const managers = solid.filter((line) => line.report === role.id).map((line) => line.manager);
    if (managers.length >= 2) push("org/multiple-managers", [role.id, ...managers], []);
    const reports = solid.filter((line) => line.manager === role.id).length;
    if (reports > setting("maxSpanOfControl")) push("org/span-of-control", [role.id], []);
  }
  const roots = document.roles.filter((role) => !solid.some((line) => line.report === role.id));
  if (roots.length >= 2)
    push(
      "org/multiple-roots",
      roots.map((role) => role.id),
      [],
    );

  // Strongly connected components of the solid graph: x and y are together when each
  // reaches the other.
  const up = new Map(
    document.roles.map((role) => [role.id, reachableUp(document, role.id, ["solid"])]),
  );
  const grouped = new Set<string>();
  for (const { id } of document.roles) {
    if (grouped.has(id)) continue;
    const component = document.roles
      .map((role) => role.id)
      .filter((other) => other === id || (up.get(id)?.has(other) && up.get(other)?.has(id)));
    for (const member of component) grouped.add(member);
    if (component.length >= 2) push("org/cycle", component, []);
  }

  const byName = new Map<string, string[]>();
  for (const { id, name } of document.responsibilities)
    byName.set(normalise(name), [...(byName.get(normalise(name)) ?? []), id]);
  for (const group of byName.values())
    if (group.length >= 2) push("catalogue/duplicate-responsibility", [], group);

  return out;
}

const canonical = (verdicts: readonly Verdict[]) =>
  verdicts
    .map(({ rule, roles, responsibilities }) => JSON.stringify({ rule, roles, responsibilities }))
    .sort(plainOrder);

describe("validateChart agrees with a naive oracle of rules.md", () => {
  // The rules the brief singles out first, then every other rule of the contract.
  const first: RuleId[] = [
    "raci/no-accountable",
    "org/multiple-roots",
    "authority/accountable-outside-chain",
  ];
  const rules = [...first, ...RULE_IDS.filter((rule) => !first.includes(rule))];

  it.each(rules)("%s", (rule) => {
    fc.assert(
      fc.property(smallChartArbitrary, (document) => {
        const engine = validateChart(document).filter((finding) => finding.rule === rule);
        const expected = oracle(document).filter((verdict) => verdict.rule === rule);
        expect(canonical(engine)).toEqual(canonical(expected));
      }),
      RUNS,
    );
  });

  it("every rule at once, on larger charts", () => {
    fc.assert(
      fc.property(largeChartArbitrary, (document) => {
        expect(canonical(validateChart(document))).toEqual(canonical(oracle(document)));
      }),
      LARGE_RUNS,
    );
  });

  it("the oracle itself: the spec's example of an S-only responsibility", () => {
    const document: ChartDocument = {
      format: "rolemap.chart/v1",
      name: "S only",
      roles: [{ id: "a", title: "A", holder: "Someone" }],
      reportingLines: [],
      responsibilities: [{ id: "x", name: "X" }],
      assignments: [{ role: "a", responsibility: "x", code: "S" }],
    };
    const rulesFired = (verdicts: readonly { rule: string }[]) =>
      verdicts.map((v) => v.rule).sort();
    expect(rulesFired(oracle(document))).toEqual([
      "raci/no-accountable",
      "raci/no-responsible",
      "raci/support-without-responsible",
      "role/no-ownership",
    ]);
    expect(rulesFired(validateChart(document))).toEqual(rulesFired(oracle(document)));
  });
});
