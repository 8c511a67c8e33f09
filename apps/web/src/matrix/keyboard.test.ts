import { describe, expect, it } from "vitest";
import { type GridPosition, isPlainKey, type KeyInput, moveFocus } from "./keyboard";

const size = { rows: 5, cols: 4, pageRows: 3 };

describe("moveFocus", () => {
  it.each<[KeyInput, GridPosition, GridPosition | null]>([
    [{ key: "ArrowDown" }, { row: 0, col: 0 }, { row: 1, col: 0 }],
    [{ key: "ArrowUp" }, { row: 0, col: 2 }, { row: 0, col: 2 }],
    [{ key: "ArrowDown" }, { row: 4, col: 2 }, { row: 4, col: 2 }],
    [{ key: "ArrowRight" }, { row: 1, col: 3 }, { row: 1, col: 3 }],
    [{ key: "ArrowLeft" }, { row: 1, col: 0 }, { row: 1, col: -1 }],
    [{ key: "ArrowLeft" }, { row: 1, col: -1 }, { row: 1, col: -1 }],
    [{ key: "ArrowRight" }, { row: 1, col: -1 }, { row: 1, col: 0 }],
    [
      { key: "ArrowDown", ctrlKey: true },
      { row: 1, col: 1 },
      { row: 4, col: 1 },
    ],
    [
      { key: "ArrowUp", metaKey: true },
      { row: 3, col: 1 },
      { row: 0, col: 1 },
    ],
    [
      { key: "ArrowRight", ctrlKey: true },
      { row: 3, col: 0 },
      { row: 3, col: 3 },
    ],
    [{ key: "Home" }, { row: 2, col: 2 }, { row: 2, col: -1 }],
    [{ key: "End" }, { row: 2, col: 0 }, { row: 2, col: 3 }],
    [
      { key: "Home", ctrlKey: true },
      { row: 2, col: 2 },
      { row: 0, col: -1 },
    ],
    [
      { key: "End", ctrlKey: true },
      { row: 0, col: 0 },
      { row: 4, col: 3 },
    ],
    [{ key: "PageDown" }, { row: 0, col: 1 }, { row: 3, col: 1 }],
    [{ key: "PageDown" }, { row: 3, col: 1 }, { row: 4, col: 1 }],
    [{ key: "PageUp" }, { row: 2, col: 1 }, { row: 0, col: 1 }],
    [{ key: "ArrowDown", altKey: true }, { row: 1, col: -1 }, null],
    [{ key: "a" }, { row: 1, col: 1 }, null],
    [{ key: "Enter" }, { row: 1, col: 1 }, null],
  ])("moves %j from %j to %j", (event, from, to) => {
    expect(moveFocus(event, from, size)).toEqual(to);
  });

  it("stays on the row headers when there are no role columns", () => {
    expect(moveFocus({ key: "ArrowRight" }, { row: 0, col: -1 }, { ...size, cols: 0 })).toEqual({
      row: 0,
      col: -1,
    });
  });

  it("does nothing in an empty grid", () => {
    expect(moveFocus({ key: "ArrowDown" }, { row: 0, col: 0 }, { ...size, rows: 0 })).toBeNull();
  });
});

describe("isPlainKey", () => {
  it.each<[KeyInput, boolean]>([
    [{ key: "a" }, true],
    [{ key: "a", shiftKey: true }, true],
    [{ key: "z", ctrlKey: true }, false],
    [{ key: "z", metaKey: true }, false],
    [{ key: "a", altKey: true }, false],
  ])("%j is plain: %s", (event, plain) => {
    expect(isPlainKey(event)).toBe(plain);
  });
});
