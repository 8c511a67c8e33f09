import type { Operation } from "@rolemap/contract";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, NetworkError } from "../api/client";
import { onUnauthenticated } from "../auth/session-events";
import { chartRecord, createTestEditor, FakeServer } from "../test/editor-fixtures";
import { MAX_OPERATIONS_PER_REQUEST, READ_ONLY_MESSAGE } from "./chart-editor";
import { loadOperationChecks } from "./lazy-operation-checks";

// As on the chart page once it has been idle (chart-editor-unchecked.test.ts: before).
beforeAll(() => loadOperationChecks());

/** Lets every pending promise and zero-delay timer run. */
async function flush() {
  for (let i = 0; i < 20; i += 1) await vi.advanceTimersByTimeAsync(0);
}

const rename = (name: string): Operation[] => [{ op: "updateChart", name }];
const vacate = (id: string): Operation[] => [{ op: "updateRole", id, changes: { holder: null } }];
const holderOf = (editor: ReturnType<typeof createTestEditor>["editor"], id: string) =>
  editor.getState().document.roles.find((role) => role.id === id)?.holder;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("apply", () => {
  it("applies a batch at once, saves it with the server version, then reports saved", async () => {
    const { editor, server } = createTestEditor();
    const result = editor.apply(rename("Acme"), "Rename chart");
    expect(result).toEqual({ ok: true, changed: true });
    expect(editor.getState().document.name).toBe("Acme");
    expect(editor.getState().save).toMatchObject({ status: "saving", pending: 1 });
    await flush();
    expect(server.posted).toEqual([{ operations: rename("Acme"), version: 1 }]);
    expect(server.record.document.name).toBe("Acme");
    expect(editor.getState()).toMatchObject({
      version: 2,
      save: { status: "saved", pending: 0, error: null },
    });
  });

  it("shows local findings at once and the server's once everything is saved", async () => {
    const { editor } = createTestEditor();
    const before = editor.getState().findings.length;
    editor.apply([{ op: "removeRole", id: "cio" }], "Remove CIO");
    expect(editor.getState().findingsSource).toBe("local");
    expect(editor.getState().findings.length).not.toBe(before);
    await flush();
    expect(editor.getState().findingsSource).toBe("server");
  });

  it("refuses an invalid batch, changes nothing and sends nothing", async () => {
    const { editor, server } = createTestEditor();
    const state = editor.getState();
    expect(editor.apply([{ op: "removeRole", id: "cxo" }], "Remove")).toEqual({
      ok: false,
      issues: [{ path: "operations[0].id", message: 'unknown role "cxo"' }],
    });
    const emptyTitle = editor.apply([{ op: "updateRole", id: "cio", changes: { title: "" } }], "x");
    expect(emptyTitle.ok || emptyTitle.issues[0]?.path).toBe("operations[0].changes.title");
    const blankName = editor.apply(rename("   "), "Rename chart");
    expect(blankName.ok || blankName.issues[0]?.path).toBe("name");
    await flush();
    expect(editor.getState()).toBe(state);
    expect(server.posted).toEqual([]);
  });

  it("records nothing and sends nothing for a batch that changes nothing", async () => {
    const { editor, server } = createTestEditor();
    const name = editor.getState().document.name;
    expect(editor.apply(rename(name), "Rename chart")).toEqual({ ok: true, changed: false });
    expect(editor.apply([], "Nothing")).toEqual({ ok: true, changed: false });
    await flush();
    expect(server.posted).toEqual([]);
    expect(editor.getState().history.canUndo).toBe(false);
  });

  it("sends batches one at a time, each based on the version the previous one produced", async () => {
    const { editor, server } = createTestEditor();
    let open!: () => void;
    server.gate = new Promise((resolve) => {
      open = resolve;
    });
    editor.apply(rename("One"), "Rename chart");
    editor.apply(rename("Two"), "Rename chart");
    editor.apply(vacate("cto"), "Vacate CTO");
    await flush();
    expect(server.posted).toHaveLength(1);
    expect(editor.getState().save.pending).toBe(3);
    server.gate = null;
    open();
    await flush();
    expect(server.posted.map((body) => body.version)).toEqual([1, 2, 3]);
    expect(server.record.document).toEqual(editor.getState().document);
    expect(editor.getState().save.status).toBe("saved");
  });

  it("splits a batch longer than the API allows into requests in order", async () => {
    const { editor, server } = createTestEditor();
    const moves: Operation[] = Array.from({ length: MAX_OPERATIONS_PER_REQUEST + 2 }, (_, i) => ({
      op: "moveRole",
      id: "cio",
      position: { x: i, y: 0 },
    }));
    editor.apply(moves, "Layout");
    await flush();
    expect(server.posted.map((body) => body.operations.length)).toEqual([
      MAX_OPERATIONS_PER_REQUEST,
      2,
    ]);
    expect(editor.getState().history.undoLabel).toBe("Layout");
  });

  it("keeps unchanged parts of the document as the same objects", () => {
    const { editor } = createTestEditor();
    const before = editor.getState().document;
    editor.apply(rename("Acme"), "Rename chart");
    const after = editor.getState().document;
    expect(after.roles).toBe(before.roles);
    editor.apply(vacate("cto"), "Vacate CTO");
    const roles = editor.getState().document.roles;
    expect(roles).not.toBe(before.roles);
    for (const [i, role] of roles.entries())
      if (role.id !== "cto") expect(role).toBe(before.roles[i]);
  });
});

describe("undo and redo", () => {
  it("undoes and redoes locally and on the server", async () => {
    const { editor, server } = createTestEditor();
    const original = editor.getState().document.name;
    editor.apply(rename("Acme"), "Rename chart");
    expect(editor.getState().history).toEqual({
      canUndo: true,
      canRedo: false,
      undoLabel: "Rename chart",
      redoLabel: null,
    });
    editor.undo();
    expect(editor.getState().document.name).toBe(original);
    expect(editor.getState().history).toMatchObject({ canUndo: false, redoLabel: "Rename chart" });
    editor.redo();
    expect(editor.getState().document.name).toBe("Acme");
    await flush();
    expect(server.posted.map((body) => body.operations)).toEqual([
      rename("Acme"),
      rename(original),
      rename("Acme"),
    ]);
    expect(server.record.document.name).toBe("Acme");
  });

  it("undoes a removal completely: the role, its lines and its assignments", async () => {
    const { editor, server } = createTestEditor();
    const before = editor.getState().document;
    editor.apply([{ op: "removeRole", id: "cio" }], "Remove CIO");
    editor.undo();
    const after = editor.getState().document;
    expect(after.roles).toEqual(before.roles);
    expect(new Set(after.reportingLines)).toEqual(new Set(before.reportingLines));
    expect(after.assignments).toHaveLength(before.assignments.length);
    await flush();
    expect(server.record.document.roles).toEqual(before.roles);
  });

  it("a new edit clears the redo stack", () => {
    const { editor } = createTestEditor();
    editor.apply(rename("A"), "Rename chart");
    editor.undo();
    editor.apply(vacate("cto"), "Vacate CTO");
    expect(editor.getState().history.canRedo).toBe(false);
  });

  it("tells the user when an undo no longer applies and drops it", async () => {
    const { editor, server } = createTestEditor();
    editor.apply(vacate("cdo"), "Vacate CDO");
    await flush();
    server.editElsewhere([{ op: "removeRole", id: "cdo" }]);
    editor.receive(server.record);
    editor.undo();
    expect(editor.getState().notice).toMatchObject({ kind: "info" });
    expect(editor.getState().notice?.message).toContain("Vacate CDO");
    expect(editor.getState().history.canUndo).toBe(false);
  });
});

describe("save failures", () => {
  it("retries a failed save with backoff, shows failed meanwhile, and never drops it", async () => {
    const { editor, server } = createTestEditor({ now: () => 0 });
    server.failures = [
      new ApiError(500, "internal", "Internal error"),
      new NetworkError(new TypeError("fetch failed")),
    ];
    editor.apply(rename("Acme"), "Rename chart");
    await flush();
    expect(editor.getState().save).toMatchObject({
      status: "failed",
      pending: 1,
      retryAt: 1000,
      error: "Internal error",
    });
    await vi.advanceTimersByTimeAsync(1000);
    await flush();
    expect(editor.getState().save).toMatchObject({ status: "failed", retryAt: 2000 });
    await vi.advanceTimersByTimeAsync(2000);
    await flush();
    expect(editor.getState().save.status).toBe("saved");
    expect(server.record.document.name).toBe("Acme");
    expect(server.posted).toHaveLength(3);
  });

  it("says offline when the network is gone, and keeps later edits queued", async () => {
    const { editor, server } = createTestEditor({ isOnline: () => false });
    server.failures = [new NetworkError(new TypeError("offline"))];
    editor.apply(rename("Acme"), "Rename chart");
    await flush();
    editor.apply(vacate("cto"), "Vacate CTO");
    expect(editor.getState().save).toMatchObject({ status: "offline", pending: 2 });
    editor.retryNow();
    await flush();
    expect(editor.getState().save.status).toBe("saved");
    expect(server.record.document).toEqual(editor.getState().document);
  });

  it("retries when the browser comes back online", async () => {
    let online: () => void = () => {};
    const { editor, server } = createTestEditor({
      onOnline: (callback) => {
        online = callback;
        return () => {};
      },
    });
    server.failures = [new NetworkError(new TypeError("offline"))];
    editor.apply(rename("Acme"), "Rename chart");
    await flush();
    expect(editor.getState().save.status).toBe("failed");
    online();
    await flush();
    expect(editor.getState().save.status).toBe("saved");
  });

  it("on 409 reloads the chart, re-applies the waiting edits and says so", async () => {
    const { editor, server } = createTestEditor();
    server.editElsewhere([{ op: "updateRole", id: "ceo", changes: { holder: "New CEO" } }]);
    editor.apply(vacate("cto"), "Vacate CTO");
    await flush();
    const state = editor.getState();
    expect(holderOf(editor, "ceo")).toBe("New CEO");
    expect(holderOf(editor, "cto")).toBeNull();
    expect(state.notice?.kind).toBe("conflict");
    expect(state.notice?.message).toMatch(/changed elsewhere.*1 unsaved change was re-applied/);
    expect(state.save.status).toBe("saved");
    expect(state.version).toBe(3);
    expect(server.record.document).toEqual(state.document);
  });

  it("on 409 drops the edits that no longer apply and names them", async () => {
    const { editor, server } = createTestEditor();
    server.editElsewhere([{ op: "removeRole", id: "cto" }]);
    editor.apply(vacate("cto"), "Vacate CTO");
    editor.apply(rename("Acme"), "Rename chart");
    await flush();
    const { notice, document, save } = editor.getState();
    expect(notice?.message).toContain("could not be re-applied");
    expect(notice?.message).toContain("“Vacate CTO”");
    expect(document.roles.some((role) => role.id === "cto")).toBe(false);
    expect(document.name).toBe("Acme");
    expect(save.status).toBe("saved");
    expect(server.record.document.name).toBe("Acme");
  });

  it("undoes a batch the server refuses and tells the user", async () => {
    const { editor, server } = createTestEditor();
    const original = editor.getState().document.name;
    server.failures = [new ApiError(400, "invalid_input", "Invalid operations")];
    editor.apply(rename("Refused"), "Rename chart");
    editor.apply(vacate("cto"), "Vacate CTO");
    await flush();
    const state = editor.getState();
    expect(state.document.name).toBe(original);
    expect(holderOf(editor, "cto")).toBeNull();
    expect(state.notice).toMatchObject({ kind: "error" });
    expect(state.notice?.message).toContain("“Rename chart”");
    expect(state.history.canUndo).toBe(false);
    expect(state.save.status).toBe("saved");
  });

  it("stops and says so when the chart was deleted", async () => {
    const { editor, server } = createTestEditor();
    server.failures = [new ApiError(404, "not_found", "No chart")];
    editor.apply(rename("Acme"), "Rename chart");
    await flush();
    expect(editor.getState().save).toMatchObject({ status: "failed", pending: 1 });
    expect(editor.getState().notice?.message).toContain("no longer exists");
    await vi.advanceTimersByTimeAsync(120_000);
    expect(server.posted).toHaveLength(1);
  });
});

describe("selection", () => {
  it("sets, keeps identity when unchanged, and drops ids the chart loses", () => {
    const { editor } = createTestEditor();
    editor.setSelection({ roles: ["cio", "cto"], origin: "canvas" });
    const state = editor.getState();
    expect(state.selection).toEqual({
      roles: ["cio", "cto"],
      responsibilities: [],
      origin: "canvas",
    });
    editor.setSelection({ roles: ["cio", "cto"] });
    expect(editor.getState()).toBe(state);
    editor.apply([{ op: "removeRole", id: "cto" }], "Remove CTO");
    expect(editor.getState().selection.roles).toEqual(["cio"]);
    editor.clearSelection();
    expect(editor.getState().selection).toEqual({ roles: [], responsibilities: [], origin: null });
  });
});

describe("receive", () => {
  it("takes a newer server copy when nothing is waiting, and ignores older ones", async () => {
    const server = new FakeServer();
    const { editor } = createTestEditor({ server });
    server.editElsewhere(rename("From elsewhere"));
    editor.receive(server.record);
    expect(editor.getState()).toMatchObject({ version: 2, document: { name: "From elsewhere" } });
    editor.receive({
      ...server.record,
      version: 1,
      document: { ...server.record.document, name: "Old" },
    });
    expect(editor.getState().document.name).toBe("From elsewhere");
  });

  it("leaves a newer copy to the conflict handling while edits are waiting", async () => {
    const { editor, server } = createTestEditor();
    server.failures = [new NetworkError(new TypeError("offline"))];
    editor.apply(rename("Mine"), "Rename chart");
    await flush();
    server.editElsewhere(vacate("ceo"));
    editor.receive(server.record);
    expect(editor.getState().document.name).toBe("Mine");
    editor.dispose();
  });
});

describe("replaceFromServer", () => {
  it("takes a chart changed on the server for this user, clears undo and says why", async () => {
    const { editor, server } = createTestEditor();
    editor.apply(rename("Mine"), "Rename chart");
    await flush();
    expect(editor.getState().history.canUndo).toBe(true);

    server.editElsewhere(vacate("ceo")); // as a matrix import merged into the chart would
    editor.replaceFromServer(server.record, "Imported the matrix.");
    const state = editor.getState();
    expect(state).toMatchObject({ version: server.record.version, document: { name: "Mine" } });
    expect(holderOf(editor, "ceo")).toBeNull();
    expect(state.history).toMatchObject({ canUndo: false, canRedo: false });
    expect(state.notice).toMatchObject({ kind: "info", message: "Imported the matrix." });

    editor.replaceFromServer({ ...server.record, version: 1 }, "Stale");
    expect(editor.getState().notice?.message).toBe("Imported the matrix.");
  });

  it("re-applies edits still waiting on top, as after a conflict", async () => {
    const { editor, server } = createTestEditor();
    server.failures = [new NetworkError(new TypeError("offline"))];
    editor.apply(rename("Mine"), "Rename chart");
    await flush();
    server.editElsewhere(vacate("ceo"));
    editor.replaceFromServer(server.record, "Imported the matrix.");
    expect(editor.getState().document.name).toBe("Mine");
    expect(holderOf(editor, "ceo")).toBeNull();
    expect(editor.getState().notice?.message).toBe(
      "Imported the matrix. Your 1 unsaved change was re-applied.",
    );

    editor.retryNow();
    await flush();
    expect(editor.getState().save.status).toBe("saved");
    expect(server.record.document).toEqual(editor.getState().document);
    editor.dispose();
  });
});

describe("subscribe", () => {
  it("notifies listeners on changes until unsubscribed", () => {
    const { editor } = createTestEditor();
    const listener = vi.fn();
    const unsubscribe = editor.subscribe(listener);
    editor.apply(rename("A"), "Rename chart");
    expect(listener).toHaveBeenCalled();
    unsubscribe();
    listener.mockClear();
    editor.apply(rename("B"), "Rename chart");
    expect(listener).not.toHaveBeenCalled();
  });
});

describe("access", () => {
  it.each(["view", "comment"] as const)(
    "refuses every edit, undo and redo on a chart one may %s, and sends nothing",
    async (access) => {
      const { editor, server } = createTestEditor({ record: chartRecord(undefined, 1, access) });
      const before = editor.getState();
      const result = editor.apply(rename("Mine"), "Rename chart");
      expect(result).toEqual({ ok: false, issues: [{ path: "", message: READ_ONLY_MESSAGE }] });
      editor.undo();
      editor.redo();
      await flush();
      expect(editor.getState()).toBe(before);
      expect(server.posted).toEqual([]);
    },
  );

  it("takes a new access level from a refetch even when the version is the same", () => {
    const record = chartRecord(undefined, 1, "edit");
    const { editor } = createTestEditor({ record });
    expect(editor.getState().access).toBe("edit");
    editor.receive({ ...record, access: "view" });
    expect(editor.getState().access).toBe("view");
    expect(editor.apply(rename("Mine"), "Rename chart").ok).toBe(false);
  });

  it("becomes read-only and keeps the edit when the right to edit was taken away (403)", async () => {
    const { editor, server } = createTestEditor({ record: chartRecord(undefined, 1, "edit") });
    server.failures = [new ApiError(403, "forbidden", "Not allowed")];
    editor.apply(rename("Mine"), "Rename chart");
    await flush();
    const state = editor.getState();
    expect(state.access).toBe("view");
    expect(state.save).toMatchObject({ status: "failed", pending: 1 });
    expect(state.document.name).toBe("Mine");
    expect(state.notice?.message).toBe(
      "You may no longer change this chart, so your changes cannot be saved.",
    );
  });

  it("keeps the edits and reports a lost session (401) so the page can ask to sign in", async () => {
    const listener = vi.fn();
    const stop = onUnauthenticated(listener);
    try {
      const { editor, server } = createTestEditor();
      server.failures = [new ApiError(401, "unauthenticated", "Sign in")];
      editor.apply(rename("Mine"), "Rename chart");
      await flush();
      expect(listener).toHaveBeenCalledTimes(1);
      expect(editor.getState().save).toMatchObject({ status: "failed", pending: 1 });
      expect(editor.getState().access).toBe("owner");
      editor.retryNow();
      await flush();
      expect(editor.getState().save.status).toBe("saved");
      expect(server.record.document.name).toBe("Mine");
    } finally {
      stop();
    }
  });
});
