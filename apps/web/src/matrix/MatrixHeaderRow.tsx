// biome-ignore-all lint/a11y/useSemanticElements: a windowed ARIA grid of divs; table elements cannot render only the visible rows and columns with sticky headers.
// biome-ignore-all lint/a11y/useFocusableInteractive: one cell of the grid is focusable at a time (roving tabindex); headers are not focus stops.
import { MatrixColumnHeader } from "./MatrixColumnHeader";
import type { MatrixColumn, MatrixModel } from "./matrix-model";
import styles from "./ResponsibilityMatrix.module.css";
import { COUNT_CODES } from "./RowCountsCell";

export interface MatrixHeaderRowProps {
  model: MatrixModel;
  /** The columns rendered (on screen), starting at column `firstColumn`. */
  visibleColumns: readonly MatrixColumn[];
  firstColumn: number;
  columnCount: number;
  leftPad: number;
  rightPad: number;
  selectedRoles: ReadonlySet<string>;
}

/** The sticky header row: the corner, the role columns on screen and the counts' letters. */
export function MatrixHeaderRow({
  model,
  visibleColumns,
  firstColumn,
  columnCount,
  leftPad,
  rightPad,
  selectedRoles,
}: MatrixHeaderRowProps) {
  const rowCount = model.rows.length;
  return (
    <div role="row" aria-rowindex={1} className={styles.headerRow}>
      <div
        role="columnheader"
        aria-colindex={1}
        aria-label="Responsibility"
        className={styles.corner}
      >
        Responsibility
        <span className={styles.cornerSub}>
          {rowCount} {rowCount === 1 ? "row" : "rows"}
        </span>
      </div>
      <div aria-hidden="true" style={{ width: leftPad, flex: "none" }} />
      {visibleColumns.map((column, i) => (
        <MatrixColumnHeader
          key={column.id}
          column={column}
          colIndex={firstColumn + i + 2}
          isSelected={selectedRoles.has(column.id)}
          marks={model.roleFindings.get(column.id) ?? null}
        />
      ))}
      <div aria-hidden="true" style={{ width: rightPad, flex: "1 0 auto" }} />
      <div
        role="columnheader"
        aria-colindex={columnCount + 2}
        aria-label="Counts"
        className={styles.countsHeader}
      >
        <span className={styles.countsTitle}>Count</span>
        <span className={styles.countsLetters}>
          {COUNT_CODES.map((code) => (
            <span key={code} className={styles.count}>
              {code}
            </span>
          ))}
        </span>
      </div>
    </div>
  );
}
