import type { ReactNode } from "react";
import { Link, Navigate, useLocation, useParams } from "react-router";
import { ApiError } from "../api/client";
import { useChart } from "../api/hooks";
import { signedOutPath } from "../auth/paths";
import { ErrorState } from "../components/ErrorState";
import { AppHeader } from "../pages/AppHeader";
import { NotFoundPage } from "../pages/NotFoundPage";
import { chartPath } from "../scenarios/scenario-paths";
import { useComparison } from "../scenarios/scenario-queries";
import styles from "./ComparePage.module.css";
import { CompareWorkspace } from "./CompareWorkspace";
import { useUnsavedEdits } from "./use-unsaved-edits";

/**
 * `/charts/:a/compare/:b`: what chart `b` (a scenario) changes relative to chart `a` (its
 * primary). Waits for this tab's edits of either chart to reach the server, then asks for
 * the comparison and both charts.
 */
export function ComparePage() {
  const { a = "", b = "" } = useParams();
  const location = useLocation();
  const unsaved = useUnsavedEdits(a, b);
  const comparison = useComparison(a, b, unsaved !== "saving");
  const before = useChart(a);
  const after = useChart(b);
  const queries = [comparison, before, after];
  const error = queries.find((query) => query.isError)?.error;

  if (error instanceof ApiError && error.isUnauthenticated)
    return <Navigate to={signedOutPath(location)} replace />;
  if (
    error instanceof ApiError &&
    (error.isNotFound || error.code === "invalid_input" || error.status === 403)
  )
    return (
      <NotFoundPage
        title="Nothing to compare"
        message="One of the two charts does not exist, or you may not open it."
      />
    );
  if (error !== undefined && error !== null)
    return (
      <ComparePageFrame b={b}>
        <ErrorState
          title="The comparison could not be loaded."
          error={error}
          onRetry={() => {
            for (const query of queries) if (query.isError) void query.refetch();
          }}
        />
      </ComparePageFrame>
    );
  if (comparison.data === undefined || before.data === undefined || after.data === undefined)
    return (
      <ComparePageFrame b={b}>
        <p className={styles.loading} aria-busy="true" data-testid="compare-loading">
          {unsaved === "saving"
            ? "Saving your last edits, then comparing…"
            : "Comparing the two charts…"}
        </p>
      </ComparePageFrame>
    );
  return (
    <CompareWorkspace
      comparison={comparison.data}
      before={before.data}
      after={after.data}
      isRefreshing={comparison.isFetching}
      hasUnsentEdits={unsaved === "unsent"}
    />
  );
}

/** The page's frame while there is no comparison to show: header, a way back, a message. */
function ComparePageFrame({ b, children }: { b: string; children: ReactNode }) {
  return (
    <div className={styles.framePage}>
      <AppHeader>
        <Link to={chartPath(b)} className="button button-small button-ghost">
          ← Back to the chart
        </Link>
        <h1 className={styles.title}>Compare</h1>
      </AppHeader>
      <main className={styles.message}>{children}</main>
    </div>
  );
}
