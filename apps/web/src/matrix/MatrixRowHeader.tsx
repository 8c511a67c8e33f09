// biome-ignore-all lint/a11y/useSemanticElements: a windowed ARIA grid of divs; table elements cannot render only the visible rows and columns with sticky headers.
// biome-ignore-all lint/a11y/useFocusableInteractive: one cell of the grid is focusable at a time (roving tabindex); headers and rows are not focus stops.
import { memo } from "react";
import { CommentBadge } from "../comments/CommentBadge";
import { rowKey } from "../comments/comment-targets";
import { InlineEditInput } from "../components/InlineEditInput";
import { CategoryInput } from "./CategoryInput";
import { cx } from "./cx";
import type { FindingMarks, MatrixRow } from "./matrix-model";
import styles from "./ResponsibilityMatrix.module.css";
import { SEVERITY_SYMBOLS } from "./severity";

export type RowField = "name" | "category";

export interface MatrixRowHeaderProps {
  pos: string;
  row: MatrixRow;
  isActive: boolean;
  isSelected: boolean;
  marks: FindingMarks | null;
  messages: string | null;
  descriptionId: string | null;
  editing: RowField | null;
  categoriesListId: string;
  onCommit(rowId: string, field: RowField, value: string): void;
  onCancelEdit(rowId: string): void;
  /** The row's actions menu is there; false on a read-only chart. */
  canEdit: boolean;
}

/**
 * The first, sticky column of a row: the responsibility's name and category, its findings
 * and the button of its actions menu. Clicks and keys are handled by the grid.
 */
export const MatrixRowHeader = memo(function MatrixRowHeader({
  pos,
  row,
  isActive,
  isSelected,
  marks,
  messages,
  descriptionId,
  editing,
  categoriesListId,
  onCommit,
  onCancelEdit,
  canEdit,
}: MatrixRowHeaderProps) {
  const count = marks?.findings.length ?? 0;
  return (
    <div
      role="rowheader"
      aria-colindex={1}
      aria-label={row.category === null ? row.name : `${row.name} (${row.category})`}
      aria-describedby={descriptionId ?? undefined}
      tabIndex={isActive && editing === null ? 0 : -1}
      title={messages ?? undefined}
      className={cx(
        styles.rowHeader,
        marks !== null && styles[`tint-${marks.severity}`],
        isSelected && styles.rowHeaderSelected,
      )}
      data-pos={pos}
      data-testid={`rowheader-${row.id}`}
      data-severity={marks?.severity}
    >
      <div className={styles.rowText}>
        {editing === "name" ? (
          <InlineEditInput
            initialValue={row.name}
            label="Responsibility name"
            onCommit={(value) => onCommit(row.id, "name", value)}
            onCancel={() => onCancelEdit(row.id)}
            className={styles.rowInput}
            testId="row-name-input"
          />
        ) : (
          <span className={styles.rowName} data-testid="row-name">
            {row.name}
          </span>
        )}
        {editing === "category" ? (
          <CategoryInput
            initialValue={row.category ?? ""}
            listId={categoriesListId}
            onCommit={(value) => onCommit(row.id, "category", value)}
            onCancel={() => onCancelEdit(row.id)}
          />
        ) : (
          <span className={cx(styles.rowCategory, row.category === null && styles.rowCategoryNone)}>
            {row.category ?? "No category"}
          </span>
        )}
      </div>
      {editing === null && (
        <CommentBadge
          targetKey={rowKey(row.id)}
          target={{ responsibility: row.id }}
          name={row.name}
          placement="row"
          focusable={false}
        />
      )}
      {marks !== null && (
        <span
          className={cx(styles.rowFindings, styles[`badge-${marks.severity}`])}
          aria-hidden="true"
        >
          {SEVERITY_SYMBOLS[marks.severity]} {count}
        </span>
      )}
      {editing === null && canEdit && (
        <button
          type="button"
          tabIndex={-1}
          className={styles.rowMenuButton}
          aria-label={`Actions for ${row.name}`}
          aria-haspopup="menu"
          data-action="row-menu"
          data-testid={`row-menu-${row.id}`}
        >
          ⋯
        </button>
      )}
      {descriptionId !== null && (
        <span id={descriptionId} hidden>
          {messages}
        </span>
      )}
    </div>
  );
});
