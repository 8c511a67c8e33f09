import { Navigate, useLocation, useParams } from "react-router";
import { signedOutPath } from "../../auth/paths";
import { ErrorState } from "../../components/ErrorState";
import { useChartEditor } from "../../editor";
import { AppHeader } from "../AppHeader";
import { NotFoundPage } from "../NotFoundPage";
import styles from "./ChartPage.module.css";
import { ChartPageSkeleton } from "./ChartPageSkeleton";
import { ChartWorkspace } from "./ChartWorkspace";

export function ChartPage() {
  const { id = "" } = useParams();
  const handle = useChartEditor(id);
  const location = useLocation();

  switch (handle.status) {
    case "ready":
      // Keyed by chart: nothing of one chart's page state leaks into another's.
      return <ChartWorkspace key={handle.editor.chartId} editor={handle.editor} />;
    case "not-found":
      return (
        <NotFoundPage
          title="Chart not found"
          message="This chart does not exist, or it has been deleted."
        />
      );
    case "signed-out":
      return <Navigate to={signedOutPath(location)} replace />;
    case "error":
      return (
        <div className={styles.page}>
          <AppHeader />
          <main className={styles.message}>
            <ErrorState
              title="The chart could not be loaded."
              error={handle.error}
              onRetry={handle.retry}
            />
          </main>
        </div>
      );
    case "loading":
      return <ChartPageSkeleton />;
  }
}
