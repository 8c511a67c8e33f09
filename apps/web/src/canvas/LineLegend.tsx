import styles from "./ChartCanvas.module.css";

/** What the two kinds of line mean, drawn exactly as on the canvas. */
export function LineLegend({ hasDotted }: { hasDotted: boolean }) {
  return (
    <section className={styles.legend} aria-labelledby="canvas-legend" data-testid="line-legend">
      <h4 id="canvas-legend" className={styles.legendTitle}>
        Legend
      </h4>
      <span className={styles.legendItem}>
        <svg width="40" height="12" aria-hidden="true">
          <line x1="2" y1="6" x2="38" y2="6" className={styles.legendSolid} />
        </svg>
        Solid: reports to
      </span>
      <span className={styles.legendItem} data-muted={!hasDotted}>
        <svg width="40" height="12" aria-hidden="true">
          <line x1="3" y1="6" x2="38" y2="6" className={styles.legendDotted} />
        </svg>
        Dotted: functional line
      </span>
      <span className={styles.legendItem}>
        <span className={styles.legendVacant} aria-hidden="true" />
        Vacant role
      </span>
    </section>
  );
}
