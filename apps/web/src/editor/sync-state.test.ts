import type { AppliedMessage, ChartDocument, Operation } from "@rolemap/contract";
import { applyOperations, getTemplate } from "@rolemap/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addPending,
  type OwnBatch,
  syncState,
  takeAck,
  takeApplied,
  takeChart,
  takeReject,
  unacked,
  viewOf,
} from "./sync-state";

const base = getTemplate("classic-split")?.document as ChartDocument;
const retitle = (id: string, title: string): Operation[] => [
  { op: "updateRole", id, changes: { title } },
];
const applied = (
  version: number,
  operations: Operation[],
  batch = `b${version}`,
): AppliedMessage => ({
  type: "applied",
  version,
  batch,
  by: { peer: "p", name: "Peer" },
  operations,
});
const own = (batch: string, operations: Operation[]): OwnBatch => ({
  batch,
  operations,
  label: batch,
  base: 1,
  ackedAs: null,
});
const titleOf = (document: ChartDocument, id: string) =>
  document.roles.find((role) => role.id === id)?.title;

/** Ten peer batches, each retitling one of the template's roles. */
const stream = Array.from({ length: 10 }, (_, i) =>
  applied(i + 2, retitle(base.roles[i % base.roles.length]?.id ?? "ceo", `Title ${i}`)),
);
const inOrder = stream.reduce((document, message) => {
  const result = applyOperations(document, message.operations);
  return result.ok ? result.document : document;
}, base);

describe("takeApplied", () => {
  it("applies applied messages in version order whatever order and duplicates they arrive in", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(stream, { minLength: stream.length }),
        fc.array(fc.nat(stream.length - 1), { maxLength: 5 }),
        (shuffled, duplicates) => {
          let state = syncState(base, 1);
          const arrivals = [...shuffled, ...duplicates.map((i) => stream[i] as AppliedMessage)];
          for (const message of arrivals) state = takeApplied(state, message).state;
          expect(state.version).toBe(11);
          expect(state.confirmed).toEqual(inOrder);
          expect(state.early.size).toBe(0);
        },
      ),
    );
  });

  it("holds back a message that comes ahead of its turn", () => {
    const state = takeApplied(syncState(base, 1), stream[1] as AppliedMessage);
    expect(state.changed).toBe(false);
    expect(state.state.version).toBe(1);
    expect(state.state.early.has(3)).toBe(true);
  });
});

describe("my pending batches", () => {
  it("show on top of the confirmed chart and leave when their applied arrives", () => {
    let state = addPending(syncState(base, 1), own("mine", retitle("cto", "Mine")));
    expect(titleOf(viewOf(state), "cto")).toBe("Mine");
    state = takeApplied(state, applied(2, retitle("cio", "Peer's"))).state;
    expect(titleOf(viewOf(state), "cto")).toBe("Mine");
    expect(titleOf(viewOf(state), "cio")).toBe("Peer's");
    state = takeApplied(state, applied(3, retitle("cto", "Mine"), "mine")).state;
    expect(state.pending).toEqual([]);
    expect(titleOf(state.confirmed, "cto")).toBe("Mine");
  });

  it("leave when acked at a version the confirmed chart has (a whole chart skipped their applied)", () => {
    let state = addPending(syncState(base, 1), own("mine", retitle("cto", "Mine")));
    state = takeAck(state, "mine", 2);
    expect(unacked(state)).toEqual([]);
    expect(state.pending).toHaveLength(1);
    const withMine = applyOperations(base, retitle("cto", "Mine"));
    if (!withMine.ok) throw new Error("does not apply");
    state = takeChart(state, withMine.document, 2).state;
    expect(state.pending).toEqual([]);
  });

  it("leave the view when rejected", () => {
    const state = addPending(syncState(base, 1), own("mine", retitle("cto", "Mine")));
    const { state: after, rejected } = takeReject(state, "mine");
    expect(rejected?.label).toBe("mine");
    expect(viewOf(after)).toBe(base);
  });

  it("that no longer apply are skipped in the view, not lost", () => {
    let state = addPending(syncState(base, 1), own("mine", retitle("cto", "Mine")));
    state = takeApplied(state, applied(2, [{ op: "removeRole", id: "cto" }])).state;
    expect(titleOf(viewOf(state), "cto")).toBeUndefined();
    expect(unacked(state)).toHaveLength(1);
  });
});

it("takeChart ignores a chart older than the one it has", () => {
  const state = takeApplied(syncState(base, 1), stream[0] as AppliedMessage).state;
  expect(takeChart(state, base, 1)).toEqual({ state, problems: [], changed: false });
});
