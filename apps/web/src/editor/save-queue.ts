/**
 * Sends items one at a time, in order, never two at once. A failed item stays at the head
 * and is retried with exponential backoff until it succeeds or the owner decides otherwise;
 * nothing is ever dropped without the owner saying so. Knows nothing about charts.
 */

/**
 * What to do after a failure: "retry" the head after a backoff; "drop" the head and go on;
 * "continue" at once (the owner has already rearranged the queue with `replace`); "halt"
 * until `retryNow()`.
 */
export type FailureDecision = "retry" | "drop" | "continue" | "halt";

export type QueuePhase = "idle" | "sending" | "waiting" | "halted";

export interface QueueState {
  phase: QueuePhase;
  /** Failed attempts in a row for the current head. */
  attempt: number;
  /** When the next automatic retry happens (ms since the epoch), while waiting. */
  retryAt: number | null;
  /** The last failure, until an attempt succeeds. */
  lastError: unknown;
}

export interface SaveQueueOptions<T> {
  send(item: T): Promise<void>;
  onFailure(error: unknown, item: T): FailureDecision | Promise<FailureDecision>;
  /** Called after every change of the items or the state. */
  onChange(): void;
  /** Delay before retry number `attempt` (1, 2, …), in ms. */
  backoff?(attempt: number): number;
  now?(): number;
}

export interface SaveQueue<T> {
  enqueue(item: T): void;
  /** Items not yet sent successfully, the one in flight first. */
  items(): readonly T[];
  /** Swaps the waiting items (after a reload re-based them, say). */
  replace(items: readonly T[]): void;
  state(): QueueState;
  retryNow(): void;
  /** Stops the retry timer; an attempt in flight finishes but nothing more is sent. */
  dispose(): void;
}

/** 1 s, 2 s, 4 s … up to 30 s. */
export const exponentialBackoff = (attempt: number) =>
  Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt - 1));

export function createSaveQueue<T>({
  send,
  onFailure,
  onChange,
  backoff = exponentialBackoff,
  now = Date.now,
}: SaveQueueOptions<T>): SaveQueue<T> {
  let items: T[] = [];
  let state: QueueState = { phase: "idle", attempt: 0, retryAt: null, lastError: null };
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let disposed = false;

  const update = (changes: Partial<QueueState>) => {
    state = { ...state, ...changes };
    onChange();
  };

  const decide = async (error: unknown, item: T): Promise<FailureDecision> => {
    try {
      return await onFailure(error, item);
    } catch {
      return "retry"; // The owner's recovery failed (e.g. a reload): try the whole thing again.
    }
  };

  async function pump(): Promise<void> {
    if (running || disposed) return;
    running = true;
    try {
      while (items.length > 0 && !disposed) {
        const item = items[0] as T;
        update({ phase: "sending" });
        try {
          await send(item);
          if (items[0] === item) items = items.slice(1);
          update({ attempt: 0, lastError: null });
        } catch (error) {
          const decision = await decide(error, item);
          if (decision === "drop") {
            if (items[0] === item) items = items.slice(1);
            update({ attempt: 0, lastError: null });
          } else if (decision === "continue") {
            update({ attempt: 0, lastError: null });
          } else if (decision === "halt") {
            update({ phase: "halted", lastError: error });
            return;
          } else {
            const attempt = state.attempt + 1;
            const delay = backoff(attempt);
            timer = setTimeout(() => {
              timer = null;
              update({ phase: "idle", retryAt: null });
              void pump();
            }, delay);
            update({ phase: "waiting", attempt, retryAt: now() + delay, lastError: error });
            return;
          }
        }
      }
      update({ phase: "idle", retryAt: null });
    } finally {
      running = false;
    }
  }

  return {
    enqueue(item) {
      items = [...items, item];
      onChange();
      if (state.phase === "idle") void pump();
    },
    items: () => items,
    replace(next) {
      items = [...next];
      onChange();
    },
    state: () => state,
    retryNow() {
      if (state.phase !== "waiting" && state.phase !== "halted") return;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      update({ phase: "idle", retryAt: null });
      void pump();
    },
    dispose() {
      disposed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
