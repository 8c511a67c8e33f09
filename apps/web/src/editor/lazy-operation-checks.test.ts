import type { Operation } from "@rolemap/contract";
import { LIMITS } from "@rolemap/contract/constants";
import { describe, expect, it } from "vitest";
import { createTestEditor } from "../test/editor-fixtures";
import { loadedOperationChecks, loadOperationChecks } from "./lazy-operation-checks";

// This file never loads the checks up front (chart-editor.test.ts does): it is the chart
// page before it has been idle.
describe("the editor's checks of edits, loaded late", () => {
  it("leaves field values to the server until they load, then refuses bad ones itself", async () => {
    const { editor } = createTestEditor();
    const longTitle: Operation[] = [
      { op: "updateRole", id: "cio", changes: { title: "x".repeat(LIMITS.titleLength + 1) } },
    ];
    expect(loadedOperationChecks()).toBeNull();
    // Not checked here yet: sent, and a server refusal would undo it (chart-editor.test.ts).
    expect(editor.apply(longTitle, "Rename CIO")).toEqual({ ok: true, changed: true });
    // References are the engine's, checked from the start.
    expect(editor.apply([{ op: "removeRole", id: "cxo" }], "Remove").ok).toBe(false);

    const checks = await loadOperationChecks();
    expect(loadedOperationChecks()).toBe(checks);
    expect(await loadOperationChecks()).toBe(checks);
    expect(editor.apply(longTitle, "Rename CIO")).toEqual({
      ok: false,
      issues: [
        {
          path: "operations[0].changes.title",
          message: `title must be at most ${LIMITS.titleLength} characters`,
        },
      ],
    });
  });
});
