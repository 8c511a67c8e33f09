import type { ChartRecord, Comparison } from "@rolemap/contract";
import { useCallback, useId, useMemo } from "react";
import { CompareCanvas, type CompareCanvasProps } from "./CompareCanvas";
import styles from "./ComparePage.module.css";
import { documentFlow, MARK_ICONS, type MarkKind, marksOf, overlayFlow } from "./compare-flow";
import type { Names } from "./describe-changes";

export type CompareView = "overlay" | "side-by-side";

const NONE: ReadonlySet<string> = new Set();

const LEGEND: readonly { kind: MarkKind; text: string }[] = [
  { kind: "added", text: "Added" },
  { kind: "removed", text: "Removed (faint where it was)" },
  { kind: "moved", text: "Moved to another manager" },
  { kind: "changed", text: "Edited" },
];

/** The marks' legend, above the canvases: each kind's outline colour, icon and word. */
function MarkLegend() {
  return (
    <ul className={styles.legend} aria-label="What the marks mean" data-testid="mark-legend">
      {LEGEND.map((entry) => (
        <li key={entry.kind} className={styles.legendItem} data-kind={entry.kind}>
          <span className={styles.legendMark} aria-hidden="true">
            {MARK_ICONS[entry.kind]}
          </span>
          {entry.text}
        </li>
      ))}
    </ul>
  );
}

/**
 * The two charts drawn: overlaid (the scenario, marked, with the primary's removed roles as
 * ghosts) or side by side (each marked from its side), read-only.
 */
export function CompareCanvases({
  view,
  diff,
  before,
  after,
  beforeLabel,
  afterLabel,
  names,
}: {
  view: CompareView;
  diff: Comparison;
  before: ChartRecord;
  after: ChartRecord;
  beforeLabel: string;
  afterLabel: string;
  names: Names;
}) {
  const beforeMarks = useMemo(() => marksOf(diff, "before", names), [diff, names]);
  const afterMarks = useMemo(() => marksOf(diff, "after", names), [diff, names]);
  const beforeWhole = useMemo(
    () => documentFlow(before.document, beforeMarks, NONE),
    [before.document, beforeMarks],
  );
  const flowOfBefore = useCallback(
    (collapsed: ReadonlySet<string>) =>
      collapsed.size === 0 ? beforeWhole : documentFlow(before.document, beforeMarks, collapsed),
    [before.document, beforeMarks, beforeWhole],
  );
  const flowOfAfter = useCallback(
    (collapsed: ReadonlySet<string>) => documentFlow(after.document, afterMarks, collapsed),
    [after.document, afterMarks],
  );
  const flowOfOverlay = useCallback(
    (collapsed: ReadonlySet<string>) =>
      overlayFlow(diff, beforeWhole, documentFlow(after.document, afterMarks, collapsed), names),
    [diff, beforeWhole, after.document, afterMarks, names],
  );

  return (
    <>
      <MarkLegend />
      {view === "overlay" ? (
        <div className={styles.overlay}>
          <CompareCanvas
            key="overlay"
            flowOf={flowOfOverlay}
            label={`${afterLabel} over ${beforeLabel}`}
            testId="compare-overlay"
          />
        </div>
      ) : (
        <div className={styles.sideBySide}>
          <Pane title={beforeLabel} flowOf={flowOfBefore} testId="compare-before" />
          <Pane title={afterLabel} flowOf={flowOfAfter} testId="compare-after" />
        </div>
      )}
    </>
  );
}

/** One chart of the side-by-side view, under its name. */
function Pane({
  title,
  flowOf,
  testId,
}: {
  title: string;
  flowOf: CompareCanvasProps["flowOf"];
  testId: string;
}) {
  const id = useId();
  return (
    <section className={styles.pane} aria-labelledby={id}>
      <h3 id={id} className={styles.paneTitle}>
        {title}
      </h3>
      <div className={styles.paneCanvas}>
        <CompareCanvas flowOf={flowOf} label={title} testId={testId} />
      </div>
    </section>
  );
}
