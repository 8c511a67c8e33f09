import { useEffect, useState } from "react";
import { accountOf, useSession } from "../../auth/hooks";
import { ImportDialog, usePreloadedInterchangeDialogs } from "../../interchange/lazy-dialogs";
import { AppHeader } from "../AppHeader";
import { Advisor } from "./Advisor";
import { ChartList } from "./ChartList";
import styles from "./HomePage.module.css";
import { NewChartDialog } from "./NewChartDialog";

export function HomePage() {
  const [isCreating, setCreating] = useState(false);
  const [isImporting, setImporting] = useState(false);
  // Guests are sent to their chart (RequireAccount); only accounts create charts.
  const canCreate = accountOf(useSession().data) !== null;

  useEffect(() => {
    document.title = "Rolemap – charts";
  }, []);
  usePreloadedInterchangeDialogs();

  return (
    <>
      <AppHeader />
      <main className={styles.main}>
        <section className={styles.charts} aria-labelledby="charts-heading">
          <div className={styles.sectionHeader}>
            <h1 id="charts-heading">Your charts</h1>
            {canCreate && (
              <div className={styles.actions}>
                <button
                  type="button"
                  className="button"
                  onClick={() => setImporting(true)}
                  data-testid="import-chart-button"
                >
                  Import…
                </button>
                <button
                  type="button"
                  className="button button-primary"
                  onClick={() => setCreating(true)}
                  data-testid="new-chart-button"
                >
                  <span aria-hidden="true">+</span> New chart
                </button>
              </div>
            )}
          </div>
          <ChartList onCreate={() => setCreating(true)} />
        </section>
        <aside className={styles.side} aria-labelledby="advisor-heading">
          <Advisor />
        </aside>
      </main>
      <NewChartDialog open={isCreating} onClose={() => setCreating(false)} />
      <ImportDialog
        open={isImporting}
        onClose={() => setImporting(false)}
        target={{ kind: "new" }}
      />
    </>
  );
}
