import type { Position, ReportingLine } from "@rolemap/contract";
import { describe, expect, it } from "vitest";
import { areDotsMerged, countDots, DOT_BUDGET, DOT_SPACING, DOTS_MERGE_ZOOM } from "./dotted-lines";
import { COMPACT_ZOOM } from "./geometry";

describe("areDotsMerged", () => {
  it("keeps a few dots until they blend on screen", () => {
    expect(areDotsMerged(1, 70)).toBe(false);
    expect(areDotsMerged(COMPACT_ZOOM - 0.01, DOT_BUDGET)).toBe(false);
    expect(areDotsMerged(DOTS_MERGE_ZOOM, DOT_BUDGET)).toBe(false);
    expect(areDotsMerged(DOTS_MERGE_ZOOM - 0.01, 70)).toBe(true);
  });

  it("merges many dots in the compact overview, never close up", () => {
    expect(areDotsMerged(COMPACT_ZOOM - 0.01, DOT_BUDGET + 1)).toBe(true);
    expect(areDotsMerged(COMPACT_ZOOM, 250_000)).toBe(false);
    expect(areDotsMerged(0.85, 250_000)).toBe(false);
  });
});

describe("countDots", () => {
  const positions = new Map<string, Position>([
    ["ceo", { x: 0, y: 0 }],
    ["cto", { x: 900, y: 180 }],
    ["ciso", { x: -90, y: 360 }],
  ]);
  const dotted = (manager: string, report: string): ReportingLine => ({
    manager,
    report,
    kind: "dotted",
  });

  it("adds up the dotted lines' lengths along the axes, in dots", () => {
    const lines = [dotted("cto", "ciso"), dotted("ceo", "ciso")];
    expect(countDots(lines, positions)).toBe((990 + 180 + 90 + 360) / DOT_SPACING);
  });

  it("leaves out solid lines and lines to a card that is not drawn", () => {
    const lines: ReportingLine[] = [
      { manager: "ceo", report: "cto", kind: "solid" },
      dotted("cto", "hidden-role"),
    ];
    expect(countDots(lines, positions)).toBe(0);
  });
});
