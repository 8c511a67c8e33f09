import styles from "./ChartList.module.css";

const SKELETON_ROWS = 3;

/**
 * Rows of grey blocks where the charts will be: the list's loading state, and part of the
 * home page's while its code loads (HomePageSkeleton).
 */
export function ChartListSkeleton() {
  return (
    <ul className={styles.list} aria-busy="true" data-testid="chart-list-loading">
      <li className="visually-hidden">Loading charts…</li>
      {Array.from({ length: SKELETON_ROWS }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <li key={i} className={styles.row} aria-hidden="true">
          <div className={styles.main}>
            <span className="skeleton" style={{ width: "14rem", height: "1.6rem" }} />
            <span className="skeleton" style={{ width: "20rem", height: "1.2rem" }} />
          </div>
          <span className="skeleton" style={{ width: "8rem", height: "1.6rem" }} />
          <span className="skeleton" style={{ width: "9.5rem", height: "2.1rem" }} />
        </li>
      ))}
    </ul>
  );
}
