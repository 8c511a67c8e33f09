import type { ImportCounts, ImportPreview, ImportProblem } from "@rolemap/contract";
import type { UseQueryResult } from "@tanstack/react-query";
import { ErrorState } from "../components/ErrorState";
import styles from "./ImportDialog.module.css";
import type { ImportFile } from "./import-file";
import { type ListedProblem, ProblemList } from "./ProblemList";

export type ImportMode = "new" | "merge";

const number = new Intl.NumberFormat("en");

/** "Line 14, column Manager" for a problem of the file (null: the whole file). */
function problemPlace({ line, column }: ImportProblem): string | null {
  const parts = [
    line === null ? null : `Line ${line}`,
    column === null ? null : `column ${column}`,
  ];
  const where = parts.filter((part) => part !== null).join(", ");
  return where === "" ? null : where;
}

const listProblems = (problems: readonly ImportProblem[]): ListedProblem[] =>
  problems.map((problem) => ({ where: problemPlace(problem), message: problem.message }));

/**
 * What the server says the file would do: nothing before a file is chosen, a skeleton
 * while it checks, the error if it cannot, else the counts and every problem.
 */
export function ImportPreviewPanel({
  file,
  preview,
  mode,
}: {
  file: ImportFile | null;
  preview: UseQueryResult<ImportPreview>;
  mode: ImportMode;
}) {
  if (file === null)
    return (
      <p className={styles.previewMessage} data-testid="import-preview" data-state="empty">
        Choose a file to see what it holds before anything is imported.
      </p>
    );
  if (file.text.trim() === "")
    return (
      <p
        className={styles.previewMessage}
        data-testid="import-preview"
        data-state="problems"
        role="alert"
      >
        <strong>The file is empty.</strong> Choose a file with a header row and at least one row.
      </p>
    );
  if (preview.isPending)
    return (
      <div
        className={styles.preview}
        data-testid="import-preview"
        data-state="loading"
        aria-busy="true"
      >
        <p>Checking the file…</p>
        <div className={styles.counts} aria-hidden="true">
          {[1, 2, 3, 4].map((i) => (
            <span key={i} className={`skeleton ${styles.countSkeleton}`} />
          ))}
        </div>
      </div>
    );
  if (preview.isError)
    return (
      <div data-testid="import-preview" data-state="error">
        <ErrorState
          title="The file could not be checked."
          error={preview.error}
          onRetry={() => void preview.refetch()}
        />
      </div>
    );

  const { counts, problems } = preview.data;
  const hasProblems = problems.length > 0;
  return (
    <div
      className={styles.preview}
      data-testid="import-preview"
      data-state={hasProblems ? "problems" : "ok"}
    >
      <Counts counts={counts} mode={mode} />
      {hasProblems ? (
        <>
          <p className={styles.problemsHeading} role="alert">
            <span aria-hidden="true">!</span> {number.format(problems.length)}{" "}
            {problems.length === 1 ? "problem" : "problems"}: fix{" "}
            {problems.length === 1 ? "it" : "them"} in the file and choose it again. Nothing is
            imported until the file has none.
          </p>
          <ProblemList problems={listProblems(problems)} label="Problems in the file" />
        </>
      ) : (
        <p className={styles.ready} role="status">
          <span aria-hidden="true">✓</span> No problems:{" "}
          {mode === "merge" ? "ready to merge into this chart." : "ready to import."}
        </p>
      )}
    </div>
  );
}

function Counts({ counts, mode }: { counts: ImportCounts; mode: ImportMode }) {
  const items: [string, number, string][] =
    mode === "merge"
      ? [
          ["New responsibilities", counts.responsibilities, "responsibilities"],
          ["Assignments set", counts.assignments, "assignments"],
        ]
      : [
          ["Roles", counts.roles, "roles"],
          ["Reporting lines", counts.reportingLines, "reporting-lines"],
          ["Responsibilities", counts.responsibilities, "responsibilities"],
          ["Assignments", counts.assignments, "assignments"],
        ];
  return (
    <dl className={styles.counts}>
      {items.map(([label, value, id]) => (
        <div key={id} className={styles.count} data-testid={`import-count-${id}`}>
          <dt>{label}</dt>
          <dd>{number.format(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
