import type { ChartRecord, Finding, InputIssue, PromoteResponse } from "@rolemap/contract";
import { useMemo } from "react";
import { ApiError, describeError } from "../api/client";
import { ChangeList } from "../compare/ChangeList";
import { type ChangeSection, countChanges, describeChanges } from "../compare/describe-changes";
import { Dialog } from "../components/Dialog";
import styles from "./PromoteDialog.module.css";
import { type PromotePreview, usePromotePreview } from "./promote-preview";
import { usePromote } from "./scenario-queries";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

interface Changes {
  sections: readonly ChangeSection[];
  findings: { fixed: readonly Finding[]; opened: readonly Finding[] };
}

export interface PromoteDialogProps {
  open: boolean;
  onClose(): void;
  scenario: ChartRecord;
  primary: ChartRecord;
  /** The two charts' comparison in words: what is shown when the plan cannot be worked out. */
  comparison: Changes;
  onPromoted(result: PromoteResponse): void;
}

export function PromoteDialog(props: PromoteDialogProps) {
  return props.open ? <PromoteForm {...props} /> : null;
}

/** What the dialog lists: the promote's own plan when known, else the comparison. */
function changesOf(
  preview: PromotePreview,
  primary: ChartRecord,
  comparison: Changes,
): Changes | null {
  if (preview.status === "unknown") return comparison;
  if (preview.status !== "ready" || !preview.plan.ok) return null;
  const { diff, document } = preview.plan;
  return {
    sections: describeChanges(diff, primary.document, document, { keepsName: true }),
    findings: { fixed: diff.findings.fixed, opened: diff.findings.new },
  };
}

/**
 * "Promote … into …?": what the primary will become (the scenario's changes since it was
 * made, applied to the primary as it is now: promote-preview), then `POST /promote`. Clashes
 * with what the primary changed meanwhile are listed, foreseen or as the server's 409
 * `promote_conflict`; nothing is promoted then.
 */
function PromoteForm({ onClose, scenario, primary, comparison, onPromoted }: PromoteDialogProps) {
  const promote = usePromote(scenario.id, primary.id);
  const preview = usePromotePreview(primary, scenario);
  const changes = useMemo(
    () => changesOf(preview, primary, comparison),
    [preview, primary, comparison],
  );
  const refused =
    promote.error instanceof ApiError && promote.error.code === "promote_conflict"
      ? promote.error.issues
      : null;
  const foreseen =
    preview.status === "ready" && !preview.plan.ok
      ? preview.plan.conflicts.map((conflict) => ({
          path: conflict.subject,
          message: conflict.message,
        }))
      : null;
  const conflicts = refused ?? foreseen;
  const count = changes === null ? 0 : countChanges(changes.sections);
  const canPromote = conflicts === null && changes !== null && count > 0;
  const primaryName = primary.document.name;

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Promote “${scenario.document.name}” into “${primaryName}”?`}
      onSubmit={() => {
        if (canPromote && !promote.isPending) promote.mutate(undefined, { onSuccess: onPromoted });
      }}
      testId="promote-dialog"
      className={styles.dialog}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {canPromote ? "Cancel" : "Close"}
          </button>
          {conflicts === null && (
            <button
              type="submit"
              className="button button-primary"
              disabled={!canPromote || promote.isPending}
              data-testid="promote-confirm"
            >
              {promote.isPending ? "Promoting…" : `Promote ${plural(count, "change", "changes")}`}
            </button>
          )}
        </>
      }
    >
      {conflicts !== null ? (
        <Conflicts
          issues={conflicts}
          primaryName={primaryName}
          isRefused={refused !== null}
          fallback={promote.error instanceof ApiError ? promote.error.message : ""}
        />
      ) : changes === null ? (
        <p aria-busy="true" className={styles.quiet} data-testid="promote-loading">
          Working out what will change in {primaryName}…
        </p>
      ) : (
        <>
          {count === 0 ? (
            <p data-testid="promote-nothing">
              Nothing to promote: {primaryName} already has every change of this scenario.
            </p>
          ) : (
            <p>
              These {plural(count, "change", "changes")} become one new version of{" "}
              <strong>{primaryName}</strong>. Everyone working on it sees them at once; its history
              keeps the version before.
            </p>
          )}
          {preview.status === "ready" && preview.primaryMoved && (
            <p className={styles.note} data-testid="promote-moved">
              {primaryName} has changed since this scenario was made (version {scenario.baseVersion}{" "}
              → {primary.version}). Those changes stay: only the scenario’s own changes are applied.
            </p>
          )}
          {preview.status === "unknown" && (
            <p className={styles.note}>
              The list is the difference between the two charts as they are now.
            </p>
          )}
          {count > 0 && (
            <>
              <p className={styles.findings} data-testid="promote-findings">
                Findings: {changes.findings.fixed.length} fixed, {changes.findings.opened.length}{" "}
                new.
              </p>
              <div className={styles.changes}>
                <ChangeList sections={changes.sections} headingLevel={4} testId="promote-changes" />
              </div>
            </>
          )}
          {promote.isError && (
            <p className="field-error" role="alert">
              Promoting failed: {describeError(promote.error)}
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}

/** The clashes, foreseen here or refused by the server: each in words, nothing promoted. */
function Conflicts({
  issues,
  primaryName,
  isRefused,
  fallback,
}: {
  issues: readonly InputIssue[];
  primaryName: string;
  isRefused: boolean;
  fallback: string;
}) {
  return (
    <section className={styles.conflicts} role="alert" data-testid="promote-conflicts">
      <h3 className={styles.conflictTitle}>
        {isRefused ? "Nothing was promoted" : "This promote would change nothing"}
      </h3>
      <p>
        Since this scenario was made, {primaryName} changed some of the same things. Settle these in
        one of the two charts, then promote again:
      </p>
      <ul className={styles.conflictList}>
        {issues.map((issue) => (
          <li key={`${issue.path}|${issue.message}`} data-testid="promote-conflict">
            {issue.message}
          </li>
        ))}
      </ul>
      {issues.length === 0 && <p>{fallback}</p>}
    </section>
  );
}
