import type { Finding, PromoteResponse } from "@rolemap/contract";
import { ApiError, describeError } from "../api/client";
import { ChangeList } from "../compare/ChangeList";
import { type ChangeSection, countChanges } from "../compare/describe-changes";
import { Dialog } from "../components/Dialog";
import styles from "./PromoteDialog.module.css";
import { usePromote } from "./scenario-queries";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export interface PromoteDialogProps {
  open: boolean;
  onClose(): void;
  scenario: { id: string; name: string };
  primary: { id: string; name: string };
  /** What will change: the comparison of the primary with the scenario, in words. */
  sections: readonly ChangeSection[];
  findings: { fixed: readonly Finding[]; opened: readonly Finding[] };
  onPromoted(result: PromoteResponse): void;
}

export function PromoteDialog(props: PromoteDialogProps) {
  return props.open ? <PromoteForm {...props} /> : null;
}

/**
 * "Promote … into …?": the changes it will make, listed, then `POST /promote`. When the
 * primary changed the same things since the scenario was made (409 promote_conflict),
 * nothing is promoted and each clash is listed.
 */
function PromoteForm({
  onClose,
  scenario,
  primary,
  sections,
  findings,
  onPromoted,
}: PromoteDialogProps) {
  const promote = usePromote(scenario.id, primary.id);
  const conflict =
    promote.error instanceof ApiError && promote.error.code === "promote_conflict"
      ? promote.error
      : null;
  const count = countChanges(sections);

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Promote “${scenario.name}” into “${primary.name}”?`}
      onSubmit={() => {
        if (conflict === null && !promote.isPending)
          promote.mutate(undefined, { onSuccess: onPromoted });
      }}
      testId="promote-dialog"
      className={styles.dialog}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {conflict === null ? "Cancel" : "Close"}
          </button>
          {conflict === null && (
            <button
              type="submit"
              className="button button-primary"
              disabled={promote.isPending}
              data-testid="promote-confirm"
            >
              {promote.isPending ? "Promoting…" : `Promote ${plural(count, "change", "changes")}`}
            </button>
          )}
        </>
      }
    >
      {conflict !== null ? (
        <section className={styles.conflicts} role="alert" data-testid="promote-conflicts">
          <h3 className={styles.conflictTitle}>Nothing was promoted</h3>
          <p>
            Since this scenario was made, {primary.name} changed some of the same things. Settle
            these in one of the two charts, then promote again:
          </p>
          <ul className={styles.conflictList}>
            {conflict.issues.map((issue) => (
              <li key={`${issue.path}|${issue.message}`} data-testid="promote-conflict">
                {issue.message}
              </li>
            ))}
          </ul>
          {conflict.issues.length === 0 && <p>{conflict.message}</p>}
        </section>
      ) : (
        <>
          <p>
            These {plural(count, "change", "changes")} become one new version of{" "}
            <strong>{primary.name}</strong>. Everyone working on it sees them at once; its history
            keeps the version before.
          </p>
          <p className={styles.findings} data-testid="promote-findings">
            Findings: {plural(findings.fixed.length, "fixed", "fixed")},{" "}
            {plural(findings.opened.length, "new", "new")}.
          </p>
          <div className={styles.changes}>
            <ChangeList sections={sections} headingLevel={4} testId="promote-changes" />
          </div>
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
