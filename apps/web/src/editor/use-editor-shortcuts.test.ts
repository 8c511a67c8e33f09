import { renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { createTestEditor } from "../test/editor-fixtures";
import { historyShortcut, useUndoRedoShortcuts } from "./use-editor-shortcuts";

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

describe("useUndoRedoShortcuts", () => {
  it("undoes from the page, but not from a text field or an open dialog", () => {
    const { editor } = createTestEditor();
    editor.apply([{ op: "updateChart", name: "Renamed" }], "Rename chart");
    renderHook(() => useUndoRedoShortcuts(editor));
    const press = (target: Element) =>
      target.dispatchEvent(
        new KeyboardEvent("keydown", { key: "z", ctrlKey: true, bubbles: true }),
      );

    const dialog = document.createElement("dialog");
    dialog.setAttribute("open", "");
    const button = document.createElement("button");
    dialog.append(button);
    const field = document.createElement("input");
    document.body.append(dialog, field);

    press(button);
    press(field);
    expect(editor.getState().document.name).toBe("Renamed");
    dialog.removeAttribute("open");
    press(button);
    expect(editor.getState().document.name).not.toBe("Renamed");
    dialog.remove();
    field.remove();
    editor.dispose();
  });
});
