// biome-ignore-all lint/a11y/useSemanticElements: a windowed ARIA grid of divs; table elements cannot render only the visible rows and columns with sticky headers.
// biome-ignore-all lint/a11y/useFocusableInteractive: one cell of the grid is focusable at a time (roving tabindex); headers and rows are not focus stops.
import type { RaciCode } from "@rolemap/contract";
import { memo } from "react";
import { CODE_NAMES } from "./codes";
import { cx } from "./cx";
import type { RowCounts } from "./matrix-model";
import styles from "./ResponsibilityMatrix.module.css";

/** The order of the count columns (the same as the codes in a cell). */
export const COUNT_CODES: readonly RaciCode[] = ["A", "R", "S", "C", "I"];

/** A count worth a second look: no or several accountable roles, nobody responsible. */
const isOff = (code: RaciCode, count: number) =>
  (code === "A" && count !== 1) || (code === "R" && count === 0);

export const RowCountsCell = memo(function RowCountsCell({
  counts,
  colIndex,
  responsibilityId,
}: {
  counts: RowCounts;
  colIndex: number;
  responsibilityId: string;
}) {
  const label = COUNT_CODES.map((code) => `${counts[code]} ${CODE_NAMES[code].toLowerCase()}`).join(
    ", ",
  );
  return (
    <div
      role="gridcell"
      aria-colindex={colIndex}
      aria-label={`Counts: ${label}`}
      className={styles.counts}
      data-testid={`counts-${responsibilityId}`}
    >
      {COUNT_CODES.map((code) => (
        <span
          key={code}
          className={cx(
            styles.count,
            counts[code] === 0 && styles.countZero,
            isOff(code, counts[code]) && styles.countOff,
          )}
          data-code={code}
          aria-hidden="true"
        >
          {counts[code]}
        </span>
      ))}
    </div>
  );
});
