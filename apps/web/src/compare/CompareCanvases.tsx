import type { ChartRecord, Comparison } from "@rolemap/contract";
import { useCallback, useId, useMemo } from "react";
import { CompareCanvas } from "./CompareCanvas";
import styles from "./ComparePage.module.css";
import { documentFlow, MARK_ICONS, type MarkKind, marksOf, overlayFlow } from "./compare-flow";
import type { Names } from "./describe-changes";

export type CompareView = "overlay" | "side-by-side";

const NONE: ReadonlySet<string> = new Set();

const LEGEND: readonly { kind: MarkKind; text: string }[] = [
  { kind: "added", text: "Added" },
  { kind: "removed", text: "Removed (faint, where it was)" },
  { kind: "moved", text: "Moved to another manager" },
  { kind: "changed", text: "Edited (title, holder, …)" },
];

/** The marks' legend: each kind's outline colour, icon and word. */
function MarkLegend({ kinds }: { kinds: readonly MarkKind[] }) {
  return (
    <ul className={styles.legend} aria-label="What the marks mean" data-testid="mark-legend">
      {LEGEND.filter((entry) => kinds.includes(entry.kind)).map((entry) => (
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
  const beforeId = useId();
  const afterId = useId();

  if (view === "overlay")
    return (
      <div className={styles.overlay}>
        <CompareCanvas
          key="overlay"
          flowOf={flowOfOverlay}
          label={`${afterLabel} over ${beforeLabel}`}
          testId="compare-overlay"
        />
        <MarkLegend kinds={["added", "removed", "moved", "changed"]} />
      </div>
    );
  return (
    <div className={styles.sideBySide}>
      <section className={styles.pane} aria-labelledby={beforeId}>
        <h3 id={beforeId} className={styles.paneTitle}>
          {beforeLabel}
        </h3>
        <div className={styles.paneCanvas}>
          <CompareCanvas flowOf={flowOfBefore} label={beforeLabel} testId="compare-before" />
          <MarkLegend kinds={["removed", "moved", "changed"]} />
        </div>
      </section>
      <section className={styles.pane} aria-labelledby={afterId}>
        <h3 id={afterId} className={styles.paneTitle}>
          {afterLabel}
        </h3>
        <div className={styles.paneCanvas}>
          <CompareCanvas flowOf={flowOfAfter} label={afterLabel} testId="compare-after" />
          <MarkLegend kinds={["added", "moved", "changed"]} />
        </div>
      </section>
    </div>
  );
}
