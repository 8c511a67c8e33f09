import type { ChartListItem as ChartSummary } from "@rolemap/contract";
import { type ReactNode, useState } from "react";
import { CHART_LIST_LIMIT, useCharts } from "../../api/hooks";
import { ErrorState } from "../../components/ErrorState";
import styles from "./ChartList.module.css";
import { ChartListItem } from "./ChartListItem";
import { ChartListSkeleton } from "./ChartListSkeleton";
import { DeleteChartDialog } from "./DeleteChartDialog";

function EmptyCharts({ onCreate }: { onCreate(): void }) {
  return (
    <div className={styles.empty} data-testid="empty-state">
      <h2>No charts yet</h2>
      <p>
        Start from one of six common technology-leadership structures, or from a blank chart with
        just a CEO. Not sure which structure fits? Answer the questions under “Which roles do we
        need?”.
      </p>
      <button type="button" className="button button-primary" onClick={onCreate}>
        Create your first chart
      </button>
    </div>
  );
}

export function ChartList({ onCreate }: { onCreate(): void }) {
  const charts = useCharts();
  // Here, not in the row: the row disappears (optimistically) while the dialog still shows.
  const [toDelete, setToDelete] = useState<ChartSummary | null>(null);

  let content: ReactNode;
  if (charts.isPending) content = <ChartListSkeleton />;
  else if (charts.isError)
    content = (
      <ErrorState
        title="The charts could not be loaded."
        error={charts.error}
        onRetry={() => void charts.refetch()}
      />
    );
  else if (charts.data.charts.length === 0) content = <EmptyCharts onCreate={onCreate} />;
  else {
    const { charts: items, total } = charts.data;
    content = (
      <>
        <ul className={styles.list} data-testid="chart-list">
          {items.map((chart) => (
            <ChartListItem key={chart.id} chart={chart} onDelete={setToDelete} />
          ))}
        </ul>
        {total > items.length && (
          <p className={styles.more}>
            Showing the {CHART_LIST_LIMIT} most recently changed of {total} charts.
          </p>
        )}
      </>
    );
  }

  return (
    <>
      {content}
      {toDelete !== null && (
        <DeleteChartDialog chart={toDelete} open onClose={() => setToDelete(null)} />
      )}
    </>
  );
}
