import type { Operation } from "@rolemap/contract";
import { invertOperations } from "@rolemap/domain";
import { describe, expect, it } from "vitest";
import { chartRecord } from "../test/editor-fixtures";
import {
  EMPTY_HISTORY,
  type HistoryEntry,
  recordEdit,
  redoStep,
  summariseHistory,
  undoStep,
} from "./history";

const chart = chartRecord().document;
const rename: Operation[] = [{ op: "updateChart", name: "Renamed" }];
const entry = (operations: Operation[], label: string): HistoryEntry => ({
  label,
  operations,
  inverse: invertOperations(chart, operations),
});

describe("recordEdit", () => {
  it("pushes the edit and clears the redo stack", () => {
    const history = { undo: [], redo: [entry(rename, "Old")] };
    const next = recordEdit(history, entry(rename, "Rename"));
    expect(next.undo.map((e) => e.label)).toEqual(["Rename"]);
    expect(next.redo).toEqual([]);
  });

  it("keeps at most `limit` entries, dropping the oldest", () => {
    let history = EMPTY_HISTORY;
    for (const label of ["a", "b", "c", "d"])
      history = recordEdit(history, entry(rename, label), 3);
    expect(history.undo.map((e) => e.label)).toEqual(["b", "c", "d"]);
  });
});

describe("undoStep and redoStep", () => {
  it("return null with nothing to undo or redo", () => {
    expect(undoStep(EMPTY_HISTORY, chart)).toBeNull();
    expect(redoStep(EMPTY_HISTORY, chart)).toBeNull();
  });

  it("undo applies the inverse and moves the entry to the redo stack; redo applies it again", () => {
    const history = recordEdit(EMPTY_HISTORY, entry(rename, "Rename"));
    const edited = { ...chart, name: "Renamed" };
    const undone = undoStep(history, edited);
    expect(undone?.ok).toBe(true);
    if (!undone?.ok) return;
    expect(undone.document.name).toBe(chart.name);
    expect(undone.operations).toEqual([{ op: "updateChart", name: chart.name }]);
    expect(summariseHistory(undone.history)).toEqual({
      canUndo: false,
      canRedo: true,
      undoLabel: null,
      redoLabel: "Rename",
    });
    const redone = redoStep(undone.history, undone.document);
    expect(redone?.ok && redone.document.name).toBe("Renamed");
    expect(redone?.ok && summariseHistory(redone.history).undoLabel).toBe("Rename");
  });

  it("drops an entry whose inverse no longer applies and says so", () => {
    const removeCio: Operation[] = [{ op: "updateRole", id: "cio", changes: { holder: null } }];
    const history = recordEdit(EMPTY_HISTORY, entry(removeCio, "Vacate CIO"));
    const withoutCio = { ...chart, roles: chart.roles.filter((r) => r.id !== "cio") };
    const step = undoStep(history, withoutCio);
    expect(step?.ok).toBe(false);
    expect(step?.label).toBe("Vacate CIO");
    expect(step?.history).toEqual(EMPTY_HISTORY);
  });

  it("does not mutate the history it is given", () => {
    const history = Object.freeze(recordEdit(EMPTY_HISTORY, entry(rename, "Rename")));
    undoStep(history, { ...chart, name: "Renamed" });
    expect(history.undo).toHaveLength(1);
  });
});
