import { availableParallelism } from "node:os";

/**
 * What one export or import may take, and how many run at once. Each bound answers a
 * clear error instead of slowing everyone down: per principal 429, a full pool 503, a
 * task past its time or memory 422 (see interchange-pool/README.md).
 */
export interface InterchangeLimits {
  /** Worker threads; the event loop keeps a core of its own. */
  threads: number;
  /** Tasks that may wait for a thread; one more is answered 503. */
  queue: number;
  /** Tasks (running or waiting) one principal may have at once; one more is answered 429. */
  perPrincipal: number;
  /** From the request to the file, waiting included; then the task is stopped. */
  timeoutMs: number;
  /** A worker's JavaScript heap (V8 old generation); a task needing more is stopped. */
  memoryMb: number;
  /** An idle worker exits after this long, giving its ~120 MB of exporters back (a new one takes 3–7 s to load them). */
  idleMs: number;
}

/** 1 thread on 2 cores, 2 from 3 cores on: exports are heavy, requests must stay quick. */
export const defaultThreads = () => Math.max(1, Math.min(2, availableParallelism() - 1));

export const DEFAULT_INTERCHANGE_LIMITS: InterchangeLimits = {
  threads: defaultThreads(),
  queue: 4,
  perPrincipal: 2,
  timeoutMs: 60_000,
  memoryMb: 1_024,
  idleMs: 120_000,
};
