import { validateChart } from "@rolemap/domain";
import type { Logger } from "pino";
import { countsOf } from "./chart-counts";
import type { ChartStore, StoredChart } from "./chart-store";

/**
 * Keeps the chart list's finding counts current without validating inside every write:
 * a live batch on a 10,000-role chart must not pay a 30 ms validation. Counts are computed
 * once a chart's writes pause for `quietMs`, or every `maxWaitMs` while they go on (so a
 * workshop's steady stream of batches is not stalled by a validation every moment), for
 * the last version. A crash in between leaves the counts of an earlier version; the next
 * write to the chart corrects them.
 */
export function createCountsRefresher(
  store: ChartStore,
  logger: Logger,
  { quietMs = 1000, maxWaitMs = 10_000 } = {},
) {
  const pending = new Map<string, { chart: StoredChart; timer: NodeJS.Timeout; since: number }>();
  const running = new Set<Promise<void>>();

  const refresh = (id: string) => {
    const due = pending.get(id);
    if (due === undefined) return;
    pending.delete(id);
    clearTimeout(due.timer);
    const { chart } = due;
    const work = store
      .saveCounts(id, chart.version, countsOf(chart.document, validateChart(chart.document)))
      .catch((error: unknown) => logger.warn({ err: error, chart: id }, "could not save counts"))
      .finally(() => running.delete(work));
    running.add(work);
  };

  const arm = (id: string, ms: number) => {
    const timer = setTimeout(() => refresh(id), ms);
    timer.unref();
    return timer;
  };

  return {
    schedule(chart: StoredChart) {
      const now = Date.now();
      const due = pending.get(chart.id);
      if (due === undefined) {
        pending.set(chart.id, { chart, timer: arm(chart.id, quietMs), since: now });
        return;
      }
      due.chart = chart;
      clearTimeout(due.timer);
      due.timer = arm(chart.id, Math.max(0, Math.min(quietMs, due.since + maxWaitMs - now)));
    },
    /**
     * Saves counts already computed (an HTTP write validates for its answer anyway), and
     * drops a pending refresh that they make redundant.
     */
    async save(chart: StoredChart, findings: Parameters<typeof countsOf>[1]) {
      const due = pending.get(chart.id);
      if (due !== undefined && due.chart.version <= chart.version) {
        clearTimeout(due.timer);
        pending.delete(chart.id);
      }
      await store.saveCounts(chart.id, chart.version, countsOf(chart.document, findings));
    },
    /** Writes every pending count now (shutdown, tests). */
    async flush() {
      for (const id of [...pending.keys()]) refresh(id);
      await Promise.all(running);
    },
  };
}

export type CountsRefresher = ReturnType<typeof createCountsRefresher>;
