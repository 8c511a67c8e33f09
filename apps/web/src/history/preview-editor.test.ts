import type { ChartDocument } from "@rolemap/contract";
import { validateChart } from "@rolemap/domain";
import { describe, expect, it } from "vitest";
import { chartRecord } from "../test/editor-fixtures";
import { createPreviewEditor, PREVIEW_MESSAGE } from "./preview-editor";

const before = chartRecord().document;
const after: ChartDocument = {
  ...before,
  roles: before.roles.map((role) => (role.id === "cto" ? { ...role, title: "CTO" } : role)),
};

describe("createPreviewEditor", () => {
  it("shows a past version read-only: view access, and every edit refused", () => {
    const editor = createPreviewEditor("chart", before, 3, "2026-12-08T10:00:00.000Z");
    expect(editor.getState()).toMatchObject({ document: before, version: 3, access: "view" });
    expect(editor.getState().findings).toEqual(validateChart(before));
    expect(editor.apply([{ op: "updateChart", name: "x" }], "Rename")).toEqual({
      ok: false,
      issues: [{ path: "", message: PREVIEW_MESSAGE }],
    });
    editor.undo();
    expect(editor.getState().document).toBe(before);
  });

  it("moves to another version in place, keeping unchanged roles and the selection they still have", () => {
    const editor = createPreviewEditor("chart", before, 3, "2026-12-08T10:00:00.000Z");
    let calls = 0;
    editor.subscribe(() => calls++);
    editor.setSelection({ roles: ["cto", "cio"], origin: "canvas" });
    const withoutCio = { ...after, roles: after.roles.filter((role) => role.id !== "cio") };
    editor.show(withoutCio, 2, "2026-12-08T09:00:00.000Z");
    const state = editor.getState();
    expect(state.version).toBe(2);
    expect(state.document.roles.find((r) => r.id === "cto")?.title).toBe("CTO");
    // Unchanged roles are the same objects: their cards do not redraw.
    expect(state.document.roles.find((r) => r.id === "ceo")).toBe(
      before.roles.find((r) => r.id === "ceo"),
    );
    expect(state.selection.roles).toEqual(["cto"]);
    expect(calls).toBe(2);
  });
});
