import type { ChartDocument, Operation } from "@rolemap/contract";
import { applyOperations, getTemplate } from "@rolemap/domain";
import pino from "pino";
import { describe, expect, it } from "vitest";
import type { ChartStore, CommitInput, LockedChart, StoredChart } from "./chart-store";
import { createChartWriter } from "./chart-writer";
import { type Plan, planOperations } from "./write-plans";

const chart = (): ChartDocument => {
  const found = getTemplate("classic-split");
  if (found === undefined) throw new Error("template classic-split is gone");
  return found.document;
};
const locked = (document: ChartDocument): LockedChart => ({ version: 3, document, lockedBy: null });

/** A big batch: every role moved, enough to be applied ahead. */
function bigBatch(document: ChartDocument, times = 60): Operation[] {
  return Array.from({ length: times }, (_, n) =>
    document.roles.map(
      (role): Operation => ({
        op: "moveRole",
        id: role.id,
        position: { x: n, y: n },
      }),
    ),
  ).flat();
}

describe("planOperations ahead of the row lock", () => {
  it("prepares only a big batch", () => {
    const document = chart();
    expect(planOperations("edit", bigBatch(document, 1), "http").prepare).toBeUndefined();
    expect(planOperations("edit", bigBatch(document), "http").prepare).toBeTypeOf("function");
  });

  it("gives the same result with and without applying ahead", () => {
    const document = chart();
    const operations = [
      ...bigBatch(document),
      { op: "updateChart", name: "Renamed" } satisfies Operation,
    ];
    const plain = planOperations("owner", operations, "live")(locked(document));
    const ahead = planOperations("owner", operations, "live");
    ahead.prepare?.(document);
    expect(ahead(locked(document))).toStrictEqual(plain);
  });

  it("applies again when the row lock finds another document than the one prepared", () => {
    const before = chart();
    const operations = bigBatch(before);
    const plan = planOperations("edit", operations, "http");
    plan.prepare?.(before);
    // Another write came first: a role was renamed meanwhile.
    const renamed = applyOperations(before, [
      { op: "updateRole", id: before.roles[0]?.id ?? "", changes: { title: "Renamed meanwhile" } },
    ]);
    if (!renamed.ok) throw new Error("the rename does not apply");
    const { document } = plan(locked(renamed.document));
    expect(document.roles[0]?.title).toBe("Renamed meanwhile");
    expect(document).toStrictEqual(
      (applyOperations(renamed.document, operations) as { document: ChartDocument }).document,
    );
  });

  it("refuses a prepared batch that does not apply, as it would without", () => {
    const document = chart();
    const operations: Operation[] = [...bigBatch(document), { op: "removeRole", id: "nobody" }];
    const plan = planOperations("edit", operations, "http");
    plan.prepare?.(document);
    expect(() => plan(locked(document))).toThrow(/do not apply/);
  });
});

describe("the writer with a prepared plan", () => {
  const stored = (document: ChartDocument): StoredChart => ({
    id: "c1",
    version: 3,
    updatedAt: new Date(0),
    document,
  });

  function fakeStore(get: () => Promise<StoredChart | undefined>) {
    const calls: string[] = [];
    const store = {
      get: async () => {
        calls.push("get");
        return get();
      },
      async commit(input: CommitInput) {
        calls.push("commit");
        const planned = input.plan(locked(chart()));
        const chartAfter = stored(planned.document);
        return {
          status: "committed" as const,
          chart: chartAfter,
          entry: { version: 4, batchId: input.batchId, author: input.author, operations: [] },
        };
      },
    } as unknown as ChartStore;
    return { store, calls };
  }

  const input = (plan: Plan): CommitInput => ({
    chartId: "c1",
    batchId: crypto.randomUUID(),
    kind: "operations",
    author: { accountId: null, name: "Test", peer: null },
    plan,
  });

  it("applies a big batch to the chart it holds before the transaction", async () => {
    const document = chart();
    const { store, calls } = fakeStore(async () => stored(document));
    const plan = planOperations("edit", bigBatch(document), "http");
    const prepared: ChartDocument[] = [];
    const prepare = plan.prepare;
    plan.prepare = (held) => {
      calls.push("prepare");
      prepared.push(held);
      prepare?.(held);
    };
    const outcome = await createChartWriter(store, pino({ level: "silent" })).write(input(plan));
    expect(calls).toEqual(["get", "prepare", "commit"]);
    expect(prepared).toEqual([document]);
    expect(outcome.status).toBe("committed");
  });

  it("writes a small batch without reading ahead, and a big one even when the read fails", async () => {
    const document = chart();
    const small = fakeStore(async () => stored(document));
    const writer = createChartWriter(small.store, pino({ level: "silent" }));
    await writer.write(input(planOperations("edit", bigBatch(document, 1), "http")));
    expect(small.calls).toEqual(["commit"]);

    const failing = fakeStore(async () => {
      throw new Error("the database is away");
    });
    const outcome = await createChartWriter(failing.store, pino({ level: "silent" })).write(
      input(planOperations("edit", bigBatch(document), "http")),
    );
    expect(failing.calls).toEqual(["get", "commit"]);
    expect(outcome.status).toBe("committed");
  });
});
