import type { RaciCode } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { codeFromKey, describeCell, formatCodes, shortTitle, sortCodes, toggleCode } from "./codes";

describe("sortCodes", () => {
  it.each<[RaciCode[], RaciCode[]]>([
    [[], []],
    [
      ["R", "A"],
      ["A", "R"],
    ],
    [
      ["I", "C", "S", "R", "A"],
      ["A", "R", "S", "C", "I"],
    ],
    [["R", "R"], ["R"]],
  ])("orders %j as %j", (input, expected) => {
    expect(sortCodes(input)).toEqual(expected);
  });

  it("does not mutate its input", () => {
    const input: RaciCode[] = ["R", "A"];
    sortCodes(input);
    expect(input).toEqual(["R", "A"]);
  });
});

describe("formatCodes", () => {
  it.each<[RaciCode[], string]>([
    [[], ""],
    [["A"], "A"],
    [["R", "A"], "A/R"],
    [["C", "S"], "S/C"],
  ])("shows %j as %j", (codes, text) => {
    expect(formatCodes(codes)).toBe(text);
  });
});

describe("codeFromKey", () => {
  it.each([
    ["r", "R"],
    ["A", "A"],
    ["c", "C"],
    ["i", "I"],
    ["s", "S"],
    ["x", undefined],
    ["Enter", undefined],
    ["", undefined],
  ])("reads %j as %j", (key, code) => {
    expect(codeFromKey(key)).toBe(code);
  });
});

describe("toggleCode", () => {
  it.each<[RaciCode[], RaciCode, RaciCode[]]>([
    [[], "A", ["A"]],
    [["A"], "A", []],
    [["R"], "A", ["A", "R"]],
    [["A", "R"], "R", ["A"]],
  ])("toggles %j with %s into %j", (codes, code, expected) => {
    expect(toggleCode(codes, code)).toEqual(expected);
  });
});

describe("describeCell", () => {
  it.each<[RaciCode[], string]>([
    [[], "CIO – Cybersecurity: none"],
    [["A"], "CIO – Cybersecurity: A"],
    [["R", "A"], "CIO – Cybersecurity: A/R"],
  ])("names a cell holding %j", (codes, name) => {
    expect(describeCell("CIO", "Cybersecurity", codes)).toBe(name);
  });
});

describe("shortTitle", () => {
  it.each([
    ["Chief Information Security Officer", "CISO"],
    ["Chief Executive Officer", "CEO"],
    ["chief technology officer", "CTO"],
    ["Chief Officer", "Chief Officer"],
    ["Chief of Staff", "Chief of Staff"],
    ["Head of IT Operations", "Head of IT Operations"],
    ["VP Engineering", "VP Engineering"],
  ])("shows %j as %j", (title, short) => {
    expect(shortTitle(title)).toBe(short);
  });
});
