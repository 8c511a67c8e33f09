import { describe, expect, it } from "vitest";
import { scrollToReveal, visibleRange } from "./windowing";

describe("visibleRange", () => {
  it.each([
    // offset, viewport, size, count, overscan → [start, end]
    [0, 400, 100, 1000, 0, [0, 4]],
    [0, 400, 100, 1000, 2, [0, 6]],
    [250, 400, 100, 1000, 0, [2, 7]],
    [250, 400, 100, 1000, 3, [0, 10]],
    [99_950, 400, 100, 1000, 3, [996, 1000]],
    [0, 400, 100, 2, 3, [0, 2]],
    [0, 400, 100, 0, 3, [0, 0]],
    [-50, 400, 100, 10, 0, [0, 4]],
  ])(
    "at %i in %i px of %i px items (%i items, %i extra) renders %j",
    (offset, viewport, size, count, overscan, [start, end]) => {
      expect(visibleRange(offset, viewport, size, count, overscan)).toEqual({ start, end });
    },
  );
});

describe("scrollToReveal", () => {
  it.each([
    // index, size, offset, viewport, sticky → new offset
    [0, 50, 0, 300, 0, 0],
    [10, 50, 0, 300, 0, 250],
    [2, 50, 200, 300, 0, 100],
    [3, 50, 100, 300, 0, 100],
    [0, 50, 100, 300, 40, 0],
    [4, 50, 0, 300, 40, 0],
    [5, 50, 0, 300, 40, 40],
    [6, 50, 0, 300, 40, 90],
  ])(
    "brings item %i (%i px) into view from %i in %i px with %i px sticky",
    (index, size, offset, viewport, sticky, expected) => {
      expect(scrollToReveal(index, size, offset, viewport, sticky)).toBe(expected);
    },
  );
});
