import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { browserOutbox, memoryOutbox, type StoredBatch } from "./outbox";

const batch = (id: string, madeAt: number, extra: Partial<StoredBatch> = {}): StoredBatch => ({
  chartId: "chart-1",
  author: "dana",
  batch: id,
  operations: [{ op: "updateChart", name: id }],
  label: `Rename to ${id}`,
  base: 1,
  madeAt,
  ...extra,
});

describe.each([
  ["IndexedDB", browserOutbox],
  ["memory", memoryOutbox],
])("the outbox in %s", (_, create) => {
  it("keeps a chart's batches in the order they were made, per person, until removed", async () => {
    const outbox = create();
    await outbox.add(batch("b", 2));
    await outbox.add(batch("a", 1));
    await outbox.add(batch("other-chart", 3, { chartId: "chart-2" }));
    await outbox.add(batch("someone-else", 4, { author: "sam" }));
    expect((await outbox.load("chart-1", "dana")).map((b) => b.batch)).toEqual(["a", "b"]);
    expect((await outbox.load("chart-1", "sam")).map((b) => b.batch)).toEqual(["someone-else"]);
    await outbox.remove(["a", "unknown"]);
    expect((await outbox.load("chart-1", "dana")).map((b) => b.batch)).toEqual(["b"]);
    await outbox.remove(["b", "someone-else", "other-chart"]);
  });
});

it("keeps batches across page loads: a new outbox over the same IndexedDB finds them", async () => {
  await browserOutbox().add(batch("kept", 5, { chartId: "chart-9" }));
  const next = browserOutbox();
  expect(await next.load("chart-9", "dana")).toEqual([batch("kept", 5, { chartId: "chart-9" })]);
  await next.remove(["kept"]);
});
