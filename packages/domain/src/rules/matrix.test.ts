import { describe, expect, it } from "vitest";
import { type ChartSketch, sketchChart } from "../testing/chart-builder";
import { findingsOf, idsOf } from "../testing/findings-of";
import { validateChart } from "../validate";

const base = { roles: ["ceo", "cio", "cto", "ciso", "cdo", "vpe"], responsibilities: ["sec"] };
const chart = (assign: string[], extra: Partial<ChartSketch> = {}): ChartSketch => ({
  ...base,
  assign,
  ...extra,
});

describe("raci/no-accountable", () => {
  it.each([
    ["no assignments at all", [], [[[], ["sec"]]]],
    ["only R", ["cio:sec:R"], [[[], ["sec"]]]],
    ["one A", ["cio:sec:A"], []],
    ["two A", ["cio:sec:A", "cto:sec:A"], []],
  ])("with %s", (_, assign, expected) => {
    expect(idsOf(findingsOf("raci/no-accountable", chart(assign)))).toEqual(expected);
  });

  it("says which responsibility by name", () => {
    const [finding] = findingsOf(
      "raci/no-accountable",
      chart([], { names: { sec: "Cybersecurity" } }),
    );
    expect(finding?.message).toContain("Cybersecurity");
    expect(finding).toMatchObject({ category: "gap", severity: "error" });
  });
});

describe("raci/multiple-accountable", () => {
  it.each([
    ["one A", ["cto:sec:A"], []],
    ["two A", ["cto:sec:A", "cio:sec:A"], [[["cio", "cto"], ["sec"]]]],
    ["three A", ["cto:sec:A", "cio:sec:A", "ciso:sec:A"], [[["cio", "ciso", "cto"], ["sec"]]]],
  ])("with %s", (_, assign, expected) => {
    expect(idsOf(findingsOf("raci/multiple-accountable", chart(assign)))).toEqual(expected);
  });

  it("matches the contract's example message", () => {
    const [finding] = findingsOf(
      "raci/multiple-accountable",
      chart(["cto:sec:A", "cio:sec:A"], { names: { sec: "Cybersecurity" } }),
    );
    expect(finding).toEqual({
      rule: "raci/multiple-accountable",
      category: "overlap",
      severity: "error",
      roles: ["cio", "cto"],
      responsibilities: ["sec"],
      message: "Cybersecurity has 2 accountable roles (CIO, CTO); exactly one must be accountable.",
    });
  });
});

describe("raci/no-responsible", () => {
  it.each([
    ["no R", ["cio:sec:A"], [[[], ["sec"]]]],
    ["an S but no R", ["cio:sec:S"], [[[], ["sec"]]]],
    ["one R", ["cio:sec:R"], []],
    ["A and R on one role", ["cio:sec:A", "cio:sec:R"], []],
  ])("with %s", (_, assign, expected) => {
    expect(idsOf(findingsOf("raci/no-responsible", chart(assign)))).toEqual(expected);
  });
});

describe("raci/too-many-responsible", () => {
  const responsible = (n: number) => base.roles.slice(0, n).map((role) => `${role}:sec:R`);
  it.each([
    [3, undefined, false],
    [4, undefined, true],
    [1, 1, false],
    [2, 1, true],
    [5, 5, false],
  ])("with %i R roles and maxResponsible %s fires: %s", (count, max, fires) => {
    const settings = max === undefined ? undefined : { maxResponsible: max };
    const findings = findingsOf(
      "raci/too-many-responsible",
      chart(responsible(count), { settings }),
    );
    expect(findings.length).toBe(fires ? 1 : 0);
    if (fires) expect(findings[0]?.roles).toEqual([...base.roles.slice(0, count)].sort());
  });
});

describe("raci/too-many-consulted", () => {
  const consulted = (n: number) => base.roles.slice(0, n).map((role) => `${role}:sec:C`);
  it.each([
    [4, undefined, false],
    [5, undefined, true],
    [0, 0, false],
    [1, 0, true],
  ])("with %i C roles and maxConsulted %s fires: %s", (count, max, fires) => {
    const settings = max === undefined ? undefined : { maxConsulted: max };
    const findings = findingsOf("raci/too-many-consulted", chart(consulted(count), { settings }));
    expect(findings.map((f) => [f.category, f.severity, f.roles.length])).toEqual(
      fires ? [["load", "warning", count]] : [],
    );
  });
});

describe("raci/support-without-responsible", () => {
  it.each([
    ["S and no R", ["ciso:sec:S", "cdo:sec:S"], [[["cdo", "ciso"], ["sec"]]]],
    ["S and an R", ["ciso:sec:S", "cio:sec:R"], []],
    ["no S and no R", ["cio:sec:A"], []],
  ])("with %s", (_, assign, expected) => {
    expect(idsOf(findingsOf("raci/support-without-responsible", chart(assign)))).toEqual(expected);
  });

  it("fires beside no-accountable and no-responsible for a lone S", () => {
    const rules = [
      "raci/no-accountable",
      "raci/no-responsible",
      "raci/support-without-responsible",
    ] as const;
    for (const rule of rules) expect(findingsOf(rule, chart(["ciso:sec:S"]))).toHaveLength(1);
  });
});

describe("raci/vacant-accountable", () => {
  it.each([
    ["a vacant A", ["cto:sec:A"], ["cto"], [[["cto"], ["sec"]]]],
    [
      "two vacant A roles, one finding each",
      ["cto:sec:A", "cio:sec:A"],
      ["cto", "cio"],
      [
        [["cio"], ["sec"]],
        [["cto"], ["sec"]],
      ],
    ],
    ["a filled A", ["cto:sec:A"], [], []],
    ["a vacant R only", ["cto:sec:R"], ["cto"], []],
  ])("with %s", (_, assign, vacant, expected) => {
    expect(idsOf(findingsOf("raci/vacant-accountable", chart(assign, { vacant })))).toEqual(
      expected,
    );
  });

  it.each([null, undefined, "", "   "])("treats holder %j as vacant", (holder) => {
    const document = sketchChart(chart(["cto:sec:A"]));
    const roles = document.roles.map((role) => {
      if (role.id !== "cto") return role;
      const { holder: _, ...rest } = role;
      return holder === undefined ? rest : { ...rest, holder };
    });
    const findings = validateChart({ ...document, roles });
    expect(findings.filter((f) => f.rule === "raci/vacant-accountable")).toHaveLength(1);
  });
});

describe("raci/conflicting-codes", () => {
  it.each([
    ["A and C", ["cio:sec:A", "cio:sec:C"], [[["cio"], ["sec"]]]],
    ["R and I", ["cio:sec:R", "cio:sec:I"], [[["cio"], ["sec"]]]],
    ["S and C", ["cio:sec:S", "cio:sec:C"], [[["cio"], ["sec"]]]],
    [
      "A, R, C and I: one finding",
      ["cio:sec:A", "cio:sec:R", "cio:sec:C", "cio:sec:I"],
      [[["cio"], ["sec"]]],
    ],
    ["A and R", ["cio:sec:A", "cio:sec:R"], []],
    ["C and I", ["cio:sec:C", "cio:sec:I"], []],
    ["A on one role and C on another", ["cio:sec:A", "cto:sec:C"], []],
  ])("with %s", (_, assign, expected) => {
    expect(idsOf(findingsOf("raci/conflicting-codes", chart(assign)))).toEqual(expected);
  });
});
