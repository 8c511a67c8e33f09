import type { ChartRecord, CompareResponse } from "@rolemap/contract";
import { useEffect, useId, useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { usePersistentState } from "../lib/use-persistent-state";
import { PromoteDialog } from "../scenarios/PromoteDialog";
import { chartPath, type PromotedState } from "../scenarios/scenario-paths";
import { useExportComparison } from "../scenarios/scenario-queries";
import { CellChanges } from "./CellChanges";
import { ChangeList } from "./ChangeList";
import { CompareCanvases, type CompareView } from "./CompareCanvases";
import { CompareHeader } from "./CompareHeader";
import styles from "./ComparePage.module.css";
import { cellChangesOf, countChanges, describeChanges, namesOf } from "./describe-changes";
import { FindingsDelta } from "./FindingsDelta";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const isView = (value: string): value is CompareView =>
  value === "overlay" || value === "side-by-side";

/**
 * The compare view once loaded: the two charts (overlaid or side by side), the changes in
 * words, the matrix where it changed, the findings delta, the comparison's export and, for
 * a scenario of the first chart, promote.
 */
export function CompareWorkspace({
  comparison,
  before,
  after,
  isRefreshing,
  hasUnsentEdits,
}: {
  comparison: CompareResponse;
  before: ChartRecord;
  after: ChartRecord;
  isRefreshing: boolean;
  hasUnsentEdits: boolean;
}) {
  const { diff } = comparison;
  const names = useMemo(() => namesOf(before.document, after.document), [before, after]);
  const isScenario = after.scenarioOf === before.id;
  const sections = useMemo(
    () => describeChanges(diff, before.document, after.document, { keepsName: isScenario }),
    [diff, before, after, isScenario],
  );
  const cells = useMemo(
    () => cellChangesOf(diff, before.document, after.document),
    [diff, before, after],
  );
  const [storedView, setView] = usePersistentState<string>("rolemap.compareView", "overlay");
  const view: CompareView = isView(storedView) ? storedView : "overlay";
  const [isPromoting, setPromoting] = useState(false);
  const exporting = useExportComparison(before.id, after.id);
  const navigate = useNavigate();
  const ids = { canvas: useId(), changes: useId(), matrix: useId(), findings: useId() };

  const count = countChanges(sections);
  const { fixed, new: opened } = diff.findings;
  const beforeName = comparison.a.name;
  const afterName = comparison.b.name;
  const beforeLabel = `${isScenario ? "Primary" : "Before"}: ${beforeName}`;
  const afterLabel = `${isScenario ? "Scenario" : "After"}: ${afterName}`;
  const promoteBlock =
    before.access !== "owner"
      ? `Only the owner of ${beforeName} can promote a scenario into it.`
      : count === 0
        ? "Nothing to promote: the scenario is the same as the primary."
        : null;

  useEffect(() => {
    document.title = `Compare ${afterName} with ${beforeName} – Rolemap`;
  }, [afterName, beforeName]);

  return (
    <div className={styles.page}>
      <CompareHeader
        backTo={{ id: after.id, name: afterName }}
        title={{ after: afterName, before: beforeName }}
        view={view}
        onView={setView}
        exporting={exporting}
        filename={`${afterName} vs ${beforeName}`}
        promote={isScenario ? { block: promoteBlock, start: () => setPromoting(true) } : null}
      />
      <p className={styles.summary} role="status" data-testid="compare-summary">
        <span>
          <strong>{count === 0 ? "No differences" : plural(count, "change", "changes")}</strong> in{" "}
          {afterName} (version {comparison.b.version}) against {beforeName} (version{" "}
          {comparison.a.version}) · findings: {fixed.length} fixed, {opened.length} new
        </span>
        {isRefreshing && <span className={styles.quiet}>Updating…</span>}
        {isScenario && after.baseVersion !== undefined && after.baseVersion !== before.version && (
          <span className={styles.quiet} data-testid="primary-moved">
            {beforeName} has changed since this scenario was made (version {after.baseVersion} →{" "}
            {before.version}): a promote keeps those changes.
          </span>
        )}
        {hasUnsentEdits && (
          <span className={styles.warning}>
            Some of your edits of these charts are not saved yet: they are not in this comparison.
          </span>
        )}
        {isScenario && promoteBlock !== null && (
          <span className={styles.quiet} id="promote-reason" data-testid="promote-reason">
            {promoteBlock}
          </span>
        )}
      </p>
      <div className={styles.body}>
        <div className={styles.main} data-matrix={cells.length > 0}>
          <section className={styles.canvasRegion} aria-labelledby={ids.canvas}>
            <h2 id={ids.canvas} className="visually-hidden">
              The two charts
            </h2>
            <CompareCanvases
              view={view}
              diff={diff}
              before={before}
              after={after}
              beforeLabel={beforeLabel}
              afterLabel={afterLabel}
              names={names}
            />
          </section>
          {cells.length > 0 && (
            <section
              className={`${styles.panel} ${styles.matrixPanel}`}
              aria-labelledby={ids.matrix}
            >
              <h2 id={ids.matrix} className={styles.panelTitle}>
                Matrix <span className={styles.sectionCount}>{cells.length}</span>{" "}
                <span className={styles.panelHint}>the rows and roles with a changed cell</span>
              </h2>
              <CellChanges
                changes={cells}
                before={before.document}
                after={after.document}
                names={names}
              />
            </section>
          )}
        </div>
        <aside className={`${styles.panel} ${styles.side}`}>
          <section aria-labelledby={ids.changes}>
            <h2 id={ids.changes} className={styles.panelTitle}>
              Changes <span className={styles.sectionCount}>{count}</span>
            </h2>
            {count === 0 ? (
              <p className={styles.same} data-testid="no-differences">
                <span aria-hidden="true">=</span> No differences: {afterName} is the same as{" "}
                {beforeName}.
              </p>
            ) : (
              <ChangeList sections={sections} />
            )}
          </section>
          <section aria-labelledby={ids.findings}>
            <h2 id={ids.findings} className={styles.panelTitle}>
              Findings
            </h2>
            <FindingsDelta fixed={fixed} opened={opened} />
          </section>
        </aside>
      </div>
      {isScenario && (
        <PromoteDialog
          open={isPromoting}
          onClose={() => setPromoting(false)}
          scenario={after}
          primary={before}
          comparison={{ sections, findings: { fixed, opened } }}
          onPromoted={(result) => {
            const state: PromotedState = { promoted: { name: afterName, version: result.version } };
            navigate(chartPath(before.id), { state });
          }}
        />
      )}
    </div>
  );
}
