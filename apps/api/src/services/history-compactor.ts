import type { Logger } from "pino";
import type { HistoryStore } from "./history-store";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface CompactorOptions {
  /** Versions older than this many days are compacted; 0: never. */
  afterDays: number;
  /** The clock (tests set it). */
  now?: () => number;
  /** How often a pass runs after the first one, at start. */
  everyMs?: number;
}

/** What one pass did, over all charts. */
export interface CompactionPass {
  charts: number;
  removedVersions: number;
  addedSnapshots: number;
  removedSnapshots: number;
}

/**
 * Compacts old history (history.md; HISTORY_COMPACT_AFTER_DAYS): a pass at start, then one
 * a day, on a timer that does not keep the process alive. One chart at a time, each in its
 * own transaction, so writers wait for one chart's compaction at most, never for a pass.
 */
export function createHistoryCompactor(
  history: HistoryStore,
  logger: Logger,
  { afterDays, now = Date.now, everyMs = DAY_MS }: CompactorOptions,
) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<CompactionPass> | undefined;
  let stopped = false;

  const pass = async (): Promise<CompactionPass> => {
    const total = { charts: 0, removedVersions: 0, addedSnapshots: 0, removedSnapshots: 0 };
    if (afterDays <= 0) return total;
    const cutoff = new Date(now() - afterDays * DAY_MS);
    for (const chartId of await history.chartsToCompact(cutoff)) {
      if (stopped) break;
      try {
        const done = await history.compact(chartId, cutoff);
        if (done.removedVersions === 0) continue;
        total.charts += 1;
        total.removedVersions += done.removedVersions;
        total.addedSnapshots += done.addedSnapshots;
        total.removedSnapshots += done.removedSnapshots;
      } catch (error) {
        // One chart's failure (a database hiccup) leaves it for the next pass.
        logger.warn({ err: error, chart: chartId }, "could not compact a chart's history");
      }
    }
    if (total.charts > 0) logger.info(total, "compacted old history");
    return total;
  };

  /** Runs a pass unless one is running (then answers that one). */
  const run = () => {
    running ??= pass().finally(() => {
      running = undefined;
    });
    return running;
  };

  const runLogged = () => {
    run().catch((error: unknown) => logger.warn({ err: error }, "history compaction failed"));
  };

  return {
    run,
    start() {
      if (afterDays <= 0 || timer !== undefined || stopped) return;
      runLogged();
      timer = setInterval(runLogged, everyMs);
      timer.unref();
    },
    /** Stops the timer and waits for a running pass to finish its chart. */
    async stop() {
      stopped = true;
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
}

export type HistoryCompactor = ReturnType<typeof createHistoryCompactor>;
