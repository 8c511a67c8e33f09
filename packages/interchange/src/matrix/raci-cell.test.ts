import type { RaciCode } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { formatRaciCell, parseRaciCell } from "./raci-cell";

describe("parseRaciCell", () => {
  it.each<[string, RaciCode[]]>([
    ["", []],
    ["   ", []],
    ["-", []],
    ["—", []],
    ["R", ["R"]],
    ["a", ["A"]],
    ["A/R", ["A", "R"]],
    ["R/A", ["A", "R"]],
    ["A, R", ["A", "R"]],
    ["a;r", ["A", "R"]],
    ["AR", ["A", "R"]],
    ["ra", ["A", "R"]],
    ["A + R", ["A", "R"]],
    ["C I", ["C", "I"]],
    ["S/R/A/I/C", ["A", "R", "S", "C", "I"]],
    ["AA", ["A"]],
    ["Accountable", ["A"]],
    ["responsible / Consulted", ["R", "C"]],
    ["Support", ["S"]],
  ])("%j → %j", (text, codes) => {
    expect(parseRaciCell(text)).toEqual(codes);
  });

  it.each(["X", "A/X", "Yes", "1", "A-R", "ARX", "✓"])("rejects %j", (text) => {
    expect(parseRaciCell(text)).toBeNull();
  });
});

describe("formatRaciCell", () => {
  it.each<[RaciCode[], string]>([
    [[], ""],
    [["R", "A"], "A/R"],
    [["I", "C", "S", "R", "A"], "A/R/S/C/I"],
  ])("%j → %j", (codes, text) => {
    expect(formatRaciCell(codes)).toBe(text);
  });
});
