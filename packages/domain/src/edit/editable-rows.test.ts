import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editableList, editableTuples } from "./editable-rows";

/**
 * The editable lists against plain arrays: random runs of edits and lookups, long enough
 * that every index is built part way (after a few lookups), with few distinct values so
 * rows keep meeting each other.
 */

const RUNS = { numRuns: 200 };
const value: fc.Arbitrary<string> = fc.constantFrom("a", "b", "c");

interface Tuple {
  role: string;
  responsibility: string;
  code: string;
}
const tuple: fc.Arbitrary<Tuple> = fc.record({
  role: value,
  responsibility: value,
  code: fc.constantFrom("R", "I"),
});
const same = (x: Tuple, y: Tuple) =>
  x.role === y.role && x.responsibility === y.responsibility && x.code === y.code;

type TupleStep =
  | { kind: "append" | "removeEqual" | "has"; row: Tuple }
  | { kind: "removeWhere"; field: "role" | "responsibility"; value: string };

const tupleStep: fc.Arbitrary<TupleStep> = fc.oneof(
  fc.record({ kind: fc.constantFrom("append", "removeEqual", "has" as const), row: tuple }),
  fc.record({
    kind: fc.constant("removeWhere" as const),
    field: fc.constantFrom("role", "responsibility" as const),
    value,
  }),
);

describe("editableTuples", () => {
  it("answers and ends as a plain array does, with repeats in the input or not", () => {
    fc.assert(
      fc.property(
        fc.array(tuple, { maxLength: 12 }),
        fc.array(tupleStep, { minLength: 20, maxLength: 80 }),
        (initial, steps) => {
          const rows = editableTuples<Tuple>(initial, ["role", "responsibility", "code"]);
          let model = [...initial];
          for (const step of steps) {
            if (step.kind === "has")
              expect(rows.has(step.row)).toBe(model.some((r) => same(r, step.row)));
            if (step.kind === "append") {
              rows.append(step.row);
              model.push(step.row);
            }
            if (step.kind === "removeEqual") {
              rows.removeEqual(step.row);
              model = model.filter((r) => !same(r, step.row));
            }
            if (step.kind === "removeWhere") {
              const found = rows.where(step.field, step.value);
              expect(found.map((at) => rows.at(at))).toEqual(
                model.filter((r) => r[step.field] === step.value),
              );
              for (const at of found) rows.removeAt(at);
              model = model.filter((r) => r[step.field] !== step.value);
            }
          }
          expect(rows.result()).toEqual(model);
        },
      ),
      RUNS,
    );
  });
});

interface Row {
  id: string;
  n: number;
}
type ListStep =
  | { kind: "insert"; id: string; index: number }
  | { kind: "remove" | "find" | "replace"; id: string }
  | { kind: "move"; id: string; index: number };

const id: fc.Arbitrary<string> = fc.constantFrom("a", "b", "c", "d", "e");
const listStep: fc.Arbitrary<ListStep> = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), id, index: fc.nat(6) }),
  fc.record({ kind: fc.constantFrom("remove", "find", "replace" as const), id }),
  fc.record({ kind: fc.constant("move" as const), id, index: fc.nat(6) }),
);

describe("editableList", () => {
  it("answers and ends as a plain array does, with repeated ids in the input or not", () => {
    fc.assert(
      fc.property(
        fc.array(id, { maxLength: 6 }),
        fc.array(listStep, { minLength: 20, maxLength: 80 }),
        (ids, steps) => {
          let n = 0;
          const initial = ids.map((rowId) => ({ id: rowId, n: n++ }));
          const rows = editableList<Row>(initial);
          let model = [...initial];
          for (const step of steps) {
            const at = model.findIndex((row) => row.id === step.id);
            expect(rows.length).toBe(model.length);
            if (step.kind === "find") {
              const found = rows.find(step.id);
              expect(found === -1 ? undefined : rows.at(found)).toEqual(model[at]);
            }
            if (step.kind === "replace" && at !== -1) {
              const row = { id: step.id, n: n++ };
              rows.replace(rows.find(step.id), row);
              model[at] = row;
            }
            // Callers insert only new ids, at most at the end, and move only rows that are there.
            if (step.kind === "insert" && at === -1 && step.index <= model.length) {
              const row = { id: step.id, n: n++ };
              rows.insert(row, step.index);
              model.splice(step.index, 0, row);
            }
            if (step.kind === "remove") {
              rows.remove(step.id);
              model = model.filter((row) => row.id !== step.id);
            }
            if (step.kind === "move" && at !== -1 && step.index < model.length) {
              rows.move(step.id, step.index);
              const [moved] = model.splice(at, 1);
              model.splice(step.index, 0, moved as Row);
            }
          }
          expect(rows.result()).toEqual(model);
        },
      ),
      RUNS,
    );
  });
});
