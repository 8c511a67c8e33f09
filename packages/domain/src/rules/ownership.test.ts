import { describe, expect, it } from "vitest";
import { findingsOf, idsOf } from "../testing/findings-of";

describe("role/no-ownership", () => {
  it.each([
    [
      "a role with only C and I",
      ["cio:sec:A", "cio:sec:R", "cto:sec:C", "cto:sec:I"],
      [[["cto"], []]],
    ],
    ["a role with only S", ["cio:sec:A", "cio:sec:R", "cto:sec:S"], [[["cto"], []]]],
    ["every role R or A", ["cio:sec:A", "cto:sec:R"], []],
    ["a role with no codes at all", ["cio:sec:A", "cio:sec:R"], [[["cto"], []]]],
  ])("with %s", (_, assign, expected) => {
    const sketch = { roles: ["cio", "cto"], responsibilities: ["sec"], assign };
    const findings = findingsOf("role/no-ownership", sketch);
    expect(idsOf(findings)).toEqual(expected);
    for (const finding of findings)
      expect(finding).toMatchObject({ category: "gap", severity: "info" });
  });

  it("stays quiet while the chart has no responsibilities", () => {
    expect(findingsOf("role/no-ownership", { roles: ["cio", "cto"] })).toEqual([]);
  });
});

describe("role/overloaded", () => {
  const areas = (n: number) =>
    Array.from({ length: n }, (_, i) => `r${String(i).padStart(2, "0")}`);
  const chart = (n: number, max?: number) => ({
    roles: ["cio", "cto"],
    responsibilities: areas(n),
    assign: areas(n).flatMap((id) => [`cio:${id}:A`, `cto:${id}:R`]),
    ...(max === undefined ? {} : { settings: { maxAccountablePerRole: max } }),
  });

  it.each([
    [10, undefined, false],
    [11, undefined, true],
    [1, 1, false],
    [2, 1, true],
  ])("with %i A codes and maxAccountablePerRole %s fires: %s", (count, max, fires) => {
    const findings = findingsOf("role/overloaded", chart(count, max));
    expect(idsOf(findings)).toEqual(fires ? [[["cio"], areas(count)]] : []);
  });

  it("names the load in the message", () => {
    const [finding] = findingsOf("role/overloaded", chart(12));
    expect(finding?.message).toMatch(/^CIO is accountable for 12 responsibilities/);
    expect(finding).toMatchObject({ category: "load", severity: "warning" });
  });
});
