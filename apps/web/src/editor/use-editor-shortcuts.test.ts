import { describe, expect, it } from "vitest";
import { historyShortcut } from "./use-editor-shortcuts";

const key = (init: KeyboardEventInit) => new KeyboardEvent("keydown", init);

describe("historyShortcut", () => {
  it.each<[string, KeyboardEventInit, "undo" | "redo" | null]>([
    ["Ctrl+Z", { key: "z", ctrlKey: true }, "undo"],
    ["Cmd+Z", { key: "z", metaKey: true }, "undo"],
    ["Shift+Ctrl+Z", { key: "Z", ctrlKey: true, shiftKey: true }, "redo"],
    ["Shift+Cmd+Z", { key: "z", metaKey: true, shiftKey: true }, "redo"],
    ["Ctrl+Y", { key: "y", ctrlKey: true }, "redo"],
    ["Z alone", { key: "z" }, null],
    ["Ctrl+Alt+Z", { key: "z", ctrlKey: true, altKey: true }, null],
    ["Ctrl+S", { key: "s", ctrlKey: true }, null],
  ])("maps %s", (_, init, action) => {
    expect(historyShortcut(key(init))).toBe(action);
  });
});
