import { describe, expect, it } from "vitest";
import { createPerKeyQueue } from "./per-key-queue";

const later = <T>(ms: number, value: T) =>
  new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe("createPerKeyQueue", () => {
  it("runs one key's tasks in the order given, a slow one holding back the next", async () => {
    const inTurn = createPerKeyQueue();
    const done: string[] = [];
    const first = inTurn("a", async () => done.push(await later(30, "first")));
    const second = inTurn("a", async () => done.push(await later(1, "second")));
    await Promise.all([first, second]);
    expect(done).toEqual(["first", "second"]);
  });

  it("goes on after a failed task, which still rejects for its caller", async () => {
    const inTurn = createPerKeyQueue();
    const failed = inTurn("a", async () => {
      throw new Error("no");
    });
    const next = inTurn("a", async () => "next");
    await expect(failed).rejects.toThrow("no");
    await expect(next).resolves.toBe("next");
  });

  it("does not hold one key's tasks behind another key's", async () => {
    const inTurn = createPerKeyQueue();
    const done: string[] = [];
    const slow = inTurn("a", async () => done.push(await later(30, "a")));
    const fast = inTurn("b", async () => done.push(await later(1, "b")));
    await Promise.all([slow, fast]);
    expect(done).toEqual(["b", "a"]);
  });
});
