import { AppHeader } from "../AppHeader";
import { ChartListSkeleton } from "./ChartListSkeleton";
import styles from "./HomePage.module.css";

/**
 * The home page's frame while its code loads (a chunk of its own): the same columns and
 * heading, grey blocks for the buttons, the list and the advisor, so nothing moves after.
 */
export function HomePageSkeleton() {
  return (
    <>
      <AppHeader />
      <main className={styles.main} aria-busy="true" data-testid="home-loading">
        <section className={styles.charts}>
          <div className={styles.sectionHeader}>
            <h1>Your charts</h1>
            <div className={styles.actions} aria-hidden="true">
              <span className="skeleton" style={{ width: "7rem", height: "2.4rem" }} />
              <span className="skeleton" style={{ width: "9.5rem", height: "2.4rem" }} />
            </div>
          </div>
          <ChartListSkeleton />
        </section>
        <aside className={styles.side} aria-hidden="true">
          <span className="skeleton" style={{ height: "30rem" }} />
        </aside>
      </main>
    </>
  );
}
