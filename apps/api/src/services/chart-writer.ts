import type { Logger } from "pino";
import type { ChartStore, CommitInput, CommitOutcome, LogEntry, StoredChart } from "./chart-store";
import type { Plan } from "./write-plans";

/** A write that committed: the chart after it and its entry in the operation log. */
export interface Committed {
  chart: StoredChart;
  entry: LogEntry;
}

/**
 * The one operation path: every change of a stored chart (live batches, HTTP operations,
 * PUT, imports) is written here. Writes of one chart run one at a time in this process,
 * in arrival order (so a client's batches keep their order even with a pool of database
 * connections); across processes the chart's row lock orders them. Listeners (the live
 * hub, the counts refresher) hear each commit in version order, after it is durable.
 */
export function createChartWriter(store: ChartStore, logger: Logger) {
  const queues = new Map<string, Promise<unknown>>();
  const listeners = new Set<(committed: Committed) => void>();

  const announce = (committed: Committed) => {
    for (const listener of listeners)
      try {
        listener(committed);
      } catch (error) {
        logger.error({ err: error, chart: committed.chart.id }, "a commit listener failed");
      }
  };

  /**
   * A plan with a `prepare` (a big batch) does its CPU part on a turn of the event loop of
   * its own, before the transaction, against the chart as this process holds it: so
   * neither that nor the commit's own turn stalls everyone else as long (a 5,000-operation
   * batch's apply and diff ran as one). Only a speed-up: any failure leaves it to the plan.
   */
  const prepare = async ({ chartId, plan }: CommitInput) => {
    const { prepare: ahead } = plan as Plan;
    if (ahead === undefined) return;
    try {
      const held = await store.get(chartId);
      if (held === undefined) return;
      await nextTurn();
      ahead(held.document);
      await nextTurn();
    } catch (error) {
      logger.debug({ err: error, chart: chartId }, "a batch could not be applied ahead");
    }
  };

  return {
    write(input: CommitInput): Promise<CommitOutcome> {
      const id = input.chartId;
      const run = async () => {
        await prepare(input);
        const outcome = await store.commit(input);
        if (outcome.status === "committed") announce(outcome);
        return outcome;
      };
      const previous = queues.get(id);
      const result = previous === undefined ? run() : previous.then(run, run);
      const tail = result.catch(() => undefined);
      queues.set(id, tail);
      void tail.then(() => {
        if (queues.get(id) === tail) queues.delete(id);
      });
      return result;
    },

    onCommit(listener: (committed: Committed) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Lets I/O that is due (other requests) run before going on. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export type ChartWriter = ReturnType<typeof createChartWriter>;
