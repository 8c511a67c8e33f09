import { fileURLToPath } from "node:url";
import type { Logger } from "pino";
import type { Piscina } from "piscina";
import { AppError } from "../errors";
import { DEFAULT_INTERCHANGE_LIMITS, type InterchangeLimits } from "./limits";
import type { ComparisonExportTask, ExportTask, ImportTask } from "./tasks";

const WORKER_FILE = fileURLToPath(new URL("./worker.mjs", import.meta.url));
/** The worker threads yield the CPU to the event loop (and the database) when both want it. */
const WORKER_NICENESS = 10;
/** What a 429 or 503 tells a client to wait, in seconds: a small export's time. */
export const RETRY_AFTER_SECONDS = 5;

/** The tasks worker.mjs exports, by name, with what they take and give. */
interface Tasks {
  exportFile: { task: ExportTask; result: Uint8Array };
  exportComparisonFile: { task: ComparisonExportTask; result: Uint8Array };
  importFile: { task: ImportTask; result: string };
}

export interface RunOptions {
  /** Who asked (principalKey): their tasks are counted against `perPrincipal`. */
  principal: string;
  /** Aborted when the client goes away: the task is stopped (its thread ended if running). */
  signal?: AbortSignal;
  /** "the export of chart 1b… as PPTX": how error messages name the task. */
  label: string;
}

export interface InterchangePoolOptions {
  limits?: Partial<InterchangeLimits>;
  logger?: Logger;
  /** The worker module (tests give one with slow or greedy tasks). */
  workerFile?: string;
}

/**
 * Exports and imports run here, on worker threads, never on the event loop. The threads
 * (and the ~120 MB of exporters they load) start with the first task and end when idle,
 * so a process that never exports never pays for them.
 */
export function createInterchangePool({
  limits: given,
  logger,
  workerFile = WORKER_FILE,
}: InterchangePoolOptions = {}) {
  const limits: InterchangeLimits = { ...DEFAULT_INTERCHANGE_LIMITS, ...given };
  let piscina: Promise<Piscina> | undefined;
  const byPrincipal = new Map<string, number>();
  let pending = 0;

  const start = async () => {
    const { Piscina } = await import("piscina");
    const pool = new Piscina({
      filename: workerFile,
      minThreads: 0,
      maxThreads: limits.threads,
      idleTimeout: limits.idleMs,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
      niceIncrement: WORKER_NICENESS,
    });
    // A worker that dies between tasks must not take the server with it.
    pool.on("error", (error) => logger?.error({ err: error }, "interchange worker failed"));
    return pool;
  };

  /** Refuses at once what the limits do not allow: nothing waits that cannot run. */
  const admit = (principal: string) => {
    if ((byPrincipal.get(principal) ?? 0) >= limits.perPrincipal)
      throw new AppError(
        "rate_limited",
        `you already have ${limits.perPrincipal} exports or imports running; wait for one to finish`,
      );
    if (pending >= limits.threads + limits.queue)
      throw new AppError(
        "server_busy",
        `the server is busy with ${pending} exports and imports; try again in a few seconds`,
      );
  };

  return {
    limits,

    async run<Name extends keyof Tasks>(
      name: Name,
      task: Tasks[Name]["task"],
      { principal, signal, label }: RunOptions,
    ): Promise<Tasks[Name]["result"]> {
      admit(principal);
      pending++;
      byPrincipal.set(principal, (byPrincipal.get(principal) ?? 0) + 1);
      const deadline = AbortSignal.timeout(limits.timeoutMs);
      try {
        piscina ??= start();
        const pool = await piscina;
        return await pool.run(task, {
          name,
          signal: signal === undefined ? deadline : AbortSignal.any([signal, deadline]),
        });
      } catch (error) {
        throw explain(error, { label, limits, deadline, signal });
      } finally {
        pending--;
        const left = (byPrincipal.get(principal) ?? 1) - 1;
        if (left === 0) byPrincipal.delete(principal);
        else byPrincipal.set(principal, left);
      }
    },

    /** Tasks admitted and not yet settled (running or waiting), principals with some, whether the threads were ever started. */
    stats() {
      return { pending, principals: byPrincipal.size, started: piscina !== undefined };
    },

    /** Threads alive now (0 before the first task and once idle ones have exited). */
    async threads(): Promise<number> {
      return piscina === undefined ? 0 : (await piscina).threads.length;
    },

    /** Stops every task and thread (shutdown). */
    async close(): Promise<void> {
      if (piscina !== undefined) await (await piscina).destroy();
    },
  };
}

export type InterchangePool = ReturnType<typeof createInterchangePool>;

/** A worker's failure as what the client is told: which limit it hit, or the error itself. */
function explain(
  error: unknown,
  context: {
    label: string;
    limits: InterchangeLimits;
    deadline: AbortSignal;
    signal: AbortSignal | undefined;
  },
): unknown {
  const { label, limits, deadline, signal } = context;
  if (signal?.aborted === true)
    return new AppError("request_timeout", `${label} was stopped: the client went away`);
  if (deadline.aborted)
    return new AppError(
      "limit_exceeded",
      `${label} took longer than the limit of ${limits.timeoutMs / 1000} s (INTERCHANGE_TIMEOUT_MS) and was stopped`,
    );
  if (
    typeof error === "object" &&
    error !== null &&
    "code" in error &&
    error.code === "ERR_WORKER_OUT_OF_MEMORY"
  )
    return new AppError(
      "limit_exceeded",
      `${label} needed more memory than the limit of ${limits.memoryMb} MB (INTERCHANGE_MEMORY_MB) and was stopped`,
    );
  return error;
}
