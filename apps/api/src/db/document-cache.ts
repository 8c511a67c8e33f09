import type { StoredChart } from "../services/chart-store";

/**
 * The latest document of recently written or read charts, by version. A write that finds
 * its chart here at the version the row lock reports skips reading four tables (what makes
 * a write cost what it touches); any other version is read from the database again, so
 * a commit by another process is never missed. Documents are shared: never mutate one.
 */
export function createDocumentCache(capacity: number) {
  const charts = new Map<string, StoredChart>();
  return {
    /** The chart at exactly `version`, if held. */
    get(id: string, version: number): StoredChart | undefined {
      const chart = charts.get(id);
      if (chart === undefined || chart.version !== version) return undefined;
      // Map order is the recency order: re-inserting marks it most recently used.
      charts.delete(id);
      charts.set(id, chart);
      return chart;
    },
    /**
     * The newest held version, whatever the row says: only for a store that is its
     * database's only writer (every commit passes `set`), where that is the current one.
     */
    latest(id: string): StoredChart | undefined {
      const chart = charts.get(id);
      return chart === undefined ? undefined : this.get(id, chart.version);
    },
    set(chart: StoredChart) {
      const held = charts.get(chart.id);
      // Two writers can race to fill it; the newer version wins.
      if (held !== undefined && held.version > chart.version) return;
      charts.delete(chart.id);
      charts.set(chart.id, chart);
      while (charts.size > capacity) {
        const oldest = charts.keys().next().value;
        if (oldest === undefined) break;
        charts.delete(oldest);
      }
    },
    forget(id: string) {
      charts.delete(id);
    },
  };
}

export type DocumentCache = ReturnType<typeof createDocumentCache>;
