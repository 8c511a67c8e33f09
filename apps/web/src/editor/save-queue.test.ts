import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSaveQueue, exponentialBackoff, type FailureDecision } from "./save-queue";

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("createSaveQueue", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sends items one at a time, in order, never two at once", async () => {
    const calls: { item: string; done: ReturnType<typeof deferred> }[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const queue = createSaveQueue<string>({
      send: (item) => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const done = deferred();
        calls.push({ item, done });
        return done.promise.finally(() => {
          inFlight -= 1;
        });
      },
      onFailure: () => "retry",
      onChange: () => {},
    });
    queue.enqueue("a");
    queue.enqueue("b");
    queue.enqueue("c");
    expect(calls.map((c) => c.item)).toEqual(["a"]);
    for (let i = 0; i < 3; i += 1) {
      calls[i]?.done.resolve();
      await vi.runAllTimersAsync();
    }
    expect(calls.map((c) => c.item)).toEqual(["a", "b", "c"]);
    expect(maxInFlight).toBe(1);
    expect(queue.items()).toEqual([]);
    expect(queue.state().phase).toBe("idle");
  });

  it("keeps a failed item and retries it after a growing backoff", async () => {
    let failures = 2;
    const sent: string[] = [];
    const queue = createSaveQueue<string>({
      send: async (item) => {
        sent.push(item);
        if (failures-- > 0) throw new Error("down");
      },
      onFailure: () => "retry",
      onChange: () => {},
      now: () => 0,
    });
    queue.enqueue("a");
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.state()).toMatchObject({ phase: "waiting", attempt: 1, retryAt: 1000 });
    expect(queue.items()).toEqual(["a"]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(queue.state()).toMatchObject({ phase: "waiting", attempt: 2, retryAt: 2000 });
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toEqual(["a", "a", "a"]);
    expect(queue.state()).toMatchObject({ phase: "idle", attempt: 0, lastError: null });
    expect(queue.items()).toEqual([]);
  });

  it("retries at once on retryNow and resumes a halted queue", async () => {
    let fail = true;
    let decision: FailureDecision = "retry";
    const queue = createSaveQueue<string>({
      send: async () => {
        if (fail) throw new Error("down");
      },
      onFailure: () => decision,
      onChange: () => {},
    });
    queue.enqueue("a");
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.state().phase).toBe("waiting");
    decision = "halt";
    queue.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.state().phase).toBe("halted");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(queue.items()).toEqual(["a"]);
    fail = false;
    queue.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.items()).toEqual([]);
  });

  it("drops the head only when told to, and goes on with the rest", async () => {
    const sent: string[] = [];
    const queue = createSaveQueue<string>({
      send: async (item) => {
        sent.push(item);
        if (item === "bad") throw new Error("refused");
      },
      onFailure: () => "drop",
      onChange: () => {},
    });
    queue.enqueue("bad");
    queue.enqueue("good");
    await vi.runAllTimersAsync();
    expect(sent).toEqual(["bad", "good"]);
    expect(queue.items()).toEqual([]);
  });

  it("lets the owner rearrange the queue during a failure and continue", async () => {
    const sent: string[] = [];
    const queue = createSaveQueue<string>({
      send: async (item) => {
        sent.push(item);
        if (item.endsWith("-stale")) throw new Error("409");
      },
      onFailure: () => {
        queue.replace(queue.items().map((item) => item.replace("-stale", "-rebased")));
        return "continue";
      },
      onChange: () => {},
    });
    queue.enqueue("a-stale");
    queue.enqueue("b-stale");
    await vi.runAllTimersAsync();
    expect(sent).toEqual(["a-stale", "a-rebased", "b-rebased"]);
  });

  it("treats a failing recovery as a retry", async () => {
    const queue = createSaveQueue<string>({
      send: async () => {
        throw new Error("409");
      },
      onFailure: async () => {
        throw new Error("reload failed");
      },
      onChange: () => {},
    });
    queue.enqueue("a");
    await vi.advanceTimersByTimeAsync(0);
    expect(queue.state().phase).toBe("waiting");
    queue.dispose();
  });

  it("stops retrying after dispose", async () => {
    const send = vi.fn(async () => {
      throw new Error("down");
    });
    const queue = createSaveQueue<string>({ send, onFailure: () => "retry", onChange: () => {} });
    queue.enqueue("a");
    await vi.advanceTimersByTimeAsync(0);
    queue.dispose();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(send).toHaveBeenCalledTimes(1);
  });
});

describe("exponentialBackoff", () => {
  it.each([
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [5, 16_000],
    [6, 30_000],
    [20, 30_000],
  ])("waits before retry %i for %i ms", (attempt, ms) => {
    expect(exponentialBackoff(attempt)).toBe(ms);
  });
});
