import { describe, expect, it } from "vitest";
import { findingsOf, idsOf } from "../testing/findings-of";
import { normaliseName } from "./catalogue";

describe("normaliseName", () => {
  it.each([
    ["Data governance", "data governance"],
    ["  Data   governance!  ", "data governance"],
    ["data-governance", "datagovernance"],
    ["Sécurité des données", "sécurité des données"],
    ["ÉQUIPE", "équipe"],
    ["IT\tstrategy\n2026", "it strategy 2026"],
    ["R&D", "rd"],
    ["!!!", ""],
  ])("turns %j into %j", (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });
});

describe("catalogue/duplicate-responsibility", () => {
  it.each([
    [{ a: "Cybersecurity", b: "cybersecurity." }, [[[], ["a", "b"]]]],
    [
      { a: "Data governance", b: "DATA  governance", c: "Data  Governance!" },
      [[[], ["a", "b", "c"]]],
    ],
    [
      { a: "Cloud", b: "Cloud", c: "Vendors", d: "vendors" },
      [
        [[], ["a", "b"]],
        [[], ["c", "d"]],
      ],
    ],
    [{ a: "Data governance", b: "Data use" }, []],
  ])("groups %j", (names, expected) => {
    const findings = findingsOf("catalogue/duplicate-responsibility", {
      responsibilities: Object.keys(names),
      names,
    });
    expect(idsOf(findings)).toEqual(expected);
  });
});
