import { describe, expect, it } from "vitest";
import { findingsOf, idsOf } from "../testing/findings-of";

const org = {
  roles: ["ceo", "cio", "cto", "ops", "eng", "ciso"],
  solid: ["ceo>cio", "ceo>cto", "cio>ops", "cto>eng", "cio>ciso"],
  responsibilities: ["x"],
};

describe("authority/accountable-outside-chain", () => {
  it.each([
    ["A is the direct manager of R", ["cio:x:A", "ops:x:R"], [], []],
    ["A is two levels above R", ["ceo:x:A", "eng:x:R"], [], []],
    ["A also does the work", ["cio:x:A", "cio:x:R"], [], []],
    ["A sits beside R", ["cio:x:A", "cto:x:R"], [], [[["cio", "cto"], ["x"]]]],
    ["A sits below R", ["ops:x:A", "cio:x:R"], [], [[["cio", "ops"], ["x"]]]],
    ["A is in another branch", ["cto:x:A", "ops:x:R"], [], [[["cto", "ops"], ["x"]]]],
    ["A is reached through a dotted line", ["cto:x:A", "ciso:x:R"], ["cto>ciso"], []],
    ["A is reached through a dotted line then solid", ["ceo:x:A", "ops:x:R"], [], []],
    ["A is above a dotted manager's manager", ["cto:x:A", "ops:x:R"], ["eng>ops"], []],
    ["two R, one outside", ["cio:x:A", "ops:x:R", "eng:x:R"], [], [[["cio", "eng"], ["x"]]]],
  ])("when %s", (_, assign, dotted, expected) => {
    const findings = findingsOf("authority/accountable-outside-chain", { ...org, dotted, assign });
    expect(idsOf(findings)).toEqual(expected);
  });

  it.each([
    ["no A", ["ops:x:R"]],
    ["two A", ["cto:x:A", "cio:x:A", "ops:x:R"]],
  ])("does not apply with %s", (_, assign) => {
    expect(findingsOf("authority/accountable-outside-chain", { ...org, assign })).toEqual([]);
  });

  it("follows chains through a reporting loop", () => {
    const findings = findingsOf("authority/accountable-outside-chain", {
      roles: ["a", "b", "c"],
      solid: ["a>b", "b>c", "c>a"],
      responsibilities: ["x"],
      assign: ["b:x:A", "a:x:R"],
    });
    expect(findings).toEqual([]);
  });

  it("names both roles in the message", () => {
    const [finding] = findingsOf("authority/accountable-outside-chain", {
      ...org,
      assign: ["cio:x:A", "cto:x:R"],
    });
    expect(finding?.message).toMatch(
      /^CTO is responsible for Area x .* to CIO, who is accountable/,
    );
    expect(finding).toMatchObject({ category: "authority", severity: "warning" });
  });
});
