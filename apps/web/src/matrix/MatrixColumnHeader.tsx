// biome-ignore-all lint/a11y/useSemanticElements: a windowed ARIA grid of divs; table elements cannot render only the visible rows and columns with sticky headers.
// biome-ignore-all lint/a11y/useFocusableInteractive: one cell of the grid is focusable at a time (roving tabindex); headers and rows are not focus stops.
import { memo } from "react";
import { shortTitle } from "./codes";
import { cx } from "./cx";
import type { FindingMarks, MatrixColumn } from "./matrix-model";
import styles from "./ResponsibilityMatrix.module.css";
import { describeFindings, SEVERITY_SYMBOLS } from "./severity";

export interface MatrixColumnHeaderProps {
  column: MatrixColumn;
  colIndex: number;
  isSelected: boolean;
  marks: FindingMarks | null;
}

/** A role's column header: title, holder or a clear "Vacant", and its findings' severity. */
export const MatrixColumnHeader = memo(function MatrixColumnHeader({
  column,
  colIndex,
  isSelected,
  marks,
}: MatrixColumnHeaderProps) {
  const who = column.isVacant ? "Vacant" : column.holder;
  const tooltip = [
    `${column.title} — ${who}`,
    marks === null ? "" : describeFindings(marks.findings),
  ]
    .filter((line) => line !== "")
    .join("\n");
  return (
    <div
      role="columnheader"
      aria-colindex={colIndex}
      aria-label={`${column.title}${column.isVacant ? " (vacant)" : ""}`}
      title={tooltip}
      className={cx(
        styles.columnHeader,
        column.isVacant && styles.columnVacant,
        isSelected && styles.columnSelected,
      )}
      data-column-role={column.id}
      data-testid={`column-${column.id}`}
      data-selected={isSelected || undefined}
      data-vacant={column.isVacant || undefined}
    >
      <span className={styles.columnTitle}>{shortTitle(column.title)}</span>
      <span className={styles.columnFoot}>
        {/* Info findings (no R or A anywhere) show as an empty column already. */}
        {marks !== null && marks.severity !== "info" && (
          <span
            className={cx(styles.columnMarker, styles[`badge-${marks.severity}`])}
            aria-hidden="true"
          >
            {SEVERITY_SYMBOLS[marks.severity]}
          </span>
        )}
        <span className={cx(styles.columnHolder, column.isVacant && styles.vacantTag)}>{who}</span>
      </span>
    </div>
  );
});
