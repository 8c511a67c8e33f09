import { AppHeader } from "../AppHeader";
import styles from "./ChartPage.module.css";

/**
 * The page's frame with grey blocks where the chart will be: nothing moves when it loads.
 * Shown while the page's code loads (App) and then while the chart does (ChartPage).
 */
export function ChartPageSkeleton() {
  return (
    <div className={styles.page} aria-busy="true" data-testid="chart-loading">
      <AppHeader>
        <span className="skeleton" style={{ width: "16rem", height: "1.8rem" }} />
        <span className="visually-hidden">Loading chart…</span>
      </AppHeader>
      <div className={styles.skeletonBody} aria-hidden="true">
        <span className="skeleton" />
        <span className="skeleton" />
        <span className="skeleton" />
      </div>
    </div>
  );
}
