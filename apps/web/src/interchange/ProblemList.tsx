import styles from "./ImportDialog.module.css";

export interface ListedProblem {
  /** "Line 14, column Manager", or null for the whole file. */
  where: string | null;
  message: string;
}

/** How many problems are listed; a file with thousands says how many more there are. */
export const MAX_LISTED_PROBLEMS = 200;

/** The problems of a file, each with where it is, in a scrollable list. */
export function ProblemList({
  problems,
  label,
}: {
  problems: readonly ListedProblem[];
  label: string;
}) {
  const shown = problems.slice(0, MAX_LISTED_PROBLEMS);
  const more = problems.length - shown.length;
  return (
    <div className={styles.problemScroller}>
      <ol className={styles.problems} aria-label={label} data-testid="import-problems">
        {shown.map((problem, at) => (
          // Problems have no ids and never reorder: the position is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={at} className={styles.problem}>
            {problem.where !== null && <span className={styles.where}>{problem.where}</span>}
            <span>{problem.message}</span>
          </li>
        ))}
      </ol>
      {more > 0 && (
        <p className={styles.more} data-testid="import-problems-more">
          and {more.toLocaleString("en")} more {more === 1 ? "problem" : "problems"}
        </p>
      )}
    </div>
  );
}
