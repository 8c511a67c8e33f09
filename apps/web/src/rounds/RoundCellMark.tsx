import { LockIcon } from "./LockIcon";
import styles from "./Rounds.module.css";
import { formatCounts } from "./round-model";
import type { RoundCellState } from "./silent-round-context";

/**
 * What the round adds to a matrix cell, drawn over it: while the round is open a dashed frame
 * and a lock (the codes shown are mine, private); after the reveal the tally ("A 3 · R 1")
 * under the chart's codes, and "≠" where people disagree. The cell's accessible name says
 * the same in words (`describeResult`), so none of it is colour alone.
 */
export function RoundCellMark({ state }: { state: RoundCellState }) {
  if (state.kind === "private")
    return (
      <>
        <span className={styles.privateFrame} aria-hidden="true" />
        <LockIcon className={styles.privateLock} size={9} />
      </>
    );
  const { result } = state;
  if (result === undefined) return <span className={styles.tallyFrame} aria-hidden="true" />;
  const disagree = result.disagree || undefined;
  return (
    <>
      <span className={styles.tallyFrame} data-disagree={disagree} aria-hidden="true" />
      {result.disagree && (
        <span className={styles.disagreeIcon} aria-hidden="true">
          ≠
        </span>
      )}
      <span
        className={styles.tally}
        data-disagree={disagree}
        data-testid="round-tally"
        aria-hidden="true"
      >
        {formatCounts(result.counts)}
      </span>
    </>
  );
}
