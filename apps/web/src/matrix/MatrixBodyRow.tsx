// biome-ignore-all lint/a11y/useSemanticElements: a windowed ARIA grid of divs; table elements cannot render only the visible rows and columns with sticky headers.
// biome-ignore-all lint/a11y/useFocusableInteractive: one cell of the grid is focusable at a time (roving tabindex); rows are not focus stops.
import { describeResult } from "../rounds/round-model";
import { myRoundCodes, roundCellState, useSilentRound } from "../rounds/silent-round-context";
import { describeCell } from "./codes";
import type { GridPosition } from "./keyboard";
import { MatrixCell } from "./MatrixCell";
import { MatrixRowHeader, type RowField } from "./MatrixRowHeader";
import {
  cellKey,
  codesAt,
  countsOf,
  type MatrixColumn,
  type MatrixModel,
  type MatrixRow,
} from "./matrix-model";
import styles from "./ResponsibilityMatrix.module.css";
import { RowCountsCell } from "./RowCountsCell";
import { describeFindings } from "./severity";

export interface MatrixBodyRowProps {
  model: MatrixModel;
  row: MatrixRow;
  /** The row's index among all rows. */
  rowAt: number;
  visibleColumns: readonly MatrixColumn[];
  firstColumn: number;
  columnCount: number;
  leftPad: number;
  rightPad: number;
  active: GridPosition;
  isSelected: boolean;
  selectedRoles: ReadonlySet<string>;
  editing: RowField | null;
  categoriesListId: string;
  /** Prefix of the ids of the hidden finding descriptions. */
  idBase: string;
  onCommit(rowId: string, field: RowField, value: string): void;
  onCancelEdit(rowId: string): void;
  canEdit: boolean;
}

/** One responsibility: its header, the cells on screen and its counts. */
export function MatrixBodyRow({
  model,
  row,
  rowAt,
  visibleColumns,
  firstColumn,
  columnCount,
  leftPad,
  rightPad,
  active,
  isSelected,
  selectedRoles,
  editing,
  categoriesListId,
  idBase,
  onCommit,
  onCancelEdit,
  canEdit,
}: MatrixBodyRowProps) {
  const rowMarks = model.rowFindings.get(row.id) ?? null;
  const round = useSilentRound();
  return (
    <div
      role="row"
      aria-rowindex={rowAt + 2}
      aria-selected={isSelected}
      className={styles.row}
      data-testid={`row-${row.id}`}
      data-selected={isSelected || undefined}
    >
      <MatrixRowHeader
        pos={`${rowAt}:-1`}
        row={row}
        isActive={active.row === rowAt && active.col === -1}
        isSelected={isSelected}
        marks={rowMarks}
        messages={rowMarks === null ? null : describeFindings(rowMarks.findings)}
        descriptionId={rowMarks === null ? null : `${idBase}-r${rowAt}`}
        editing={editing}
        categoriesListId={categoriesListId}
        onCommit={onCommit}
        onCancelEdit={onCancelEdit}
        canEdit={canEdit}
      />
      <div aria-hidden="true" style={{ width: leftPad, flex: "none" }} />
      {visibleColumns.map((column, j) => {
        const colAt = firstColumn + j;
        // In an open silent round: my private codes; revealed: the chart's, with the tally.
        const mine = myRoundCodes(round, column.id, row.id);
        const codes = mine ?? codesAt(model, column.id, row.id);
        const roundState = roundCellState(round, column.id, row.id);
        const tally = roundState?.kind === "result" ? roundState.result : undefined;
        const marks = model.cellFindings.get(cellKey(column.id, row.id)) ?? null;
        return (
          <MatrixCell
            key={column.id}
            pos={`${rowAt}:${colAt}`}
            roleId={column.id}
            responsibilityId={row.id}
            codes={codes}
            label={
              describeCell(column.title, row.name, codes) +
              (mine !== undefined
                ? " (your private round codes)"
                : tally === undefined
                  ? ""
                  : `; ${describeResult(tally)}`)
            }
            colIndex={colAt + 2}
            isActive={active.row === rowAt && active.col === colAt}
            isSelected={isSelected || selectedRoles.has(column.id)}
            severity={marks?.severity ?? null}
            messages={marks === null ? null : describeFindings(marks.findings)}
            descriptionId={marks === null ? null : `${idBase}-c${rowAt}-${colAt}`}
            canEdit={canEdit || mine !== undefined}
            round={roundState}
          />
        );
      })}
      <div aria-hidden="true" style={{ width: rightPad, flex: "1 0 auto" }} />
      <RowCountsCell
        counts={countsOf(model, row.id)}
        colIndex={columnCount + 2}
        responsibilityId={row.id}
      />
    </div>
  );
}
