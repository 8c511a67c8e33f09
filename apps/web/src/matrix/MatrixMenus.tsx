import type { RaciCode } from "@rolemap/contract";
import { CODE_HINTS, CODE_NAMES, DISPLAY_ORDER } from "./codes";
import type { MatrixRow } from "./matrix-model";
import { type MenuItem, PopupMenu } from "./PopupMenu";
import styles from "./ResponsibilityMatrix.module.css";

type CloseReason = "escape" | "outside" | "tab";

export interface CellMenuProps {
  anchor: HTMLElement;
  /** "<role title> – <responsibility name>". */
  title: string;
  codes: readonly RaciCode[];
  onToggle(code: RaciCode): void;
  onClear(): void;
  onClose(reason: CloseReason): void;
  /** More actions after the codes (adopting a silent round's result). */
  extraItems?: readonly MenuItem[];
}

/** The codes of a cell as toggles (a role may hold several, e.g. A and R) and "None". */
export function CellMenu({
  anchor,
  title,
  codes,
  onToggle,
  onClear,
  onClose,
  extraItems = [],
}: CellMenuProps) {
  const items: MenuItem[] = [
    ...DISPLAY_ORDER.map(
      (code): MenuItem => ({
        key: code,
        label: (
          <>
            <span className={styles[`menuCode${code}`]}>{code}</span> {CODE_NAMES[code]}
          </>
        ),
        ariaLabel: `${code} – ${CODE_NAMES[code]}`,
        hint: CODE_HINTS[code],
        checked: codes.includes(code),
        shortcut: code,
        onSelect: () => onToggle(code),
        testId: `code-option-${code}`,
      }),
    ),
    {
      key: "none",
      label: "None",
      ariaLabel: "None – clear the cell",
      hint: "Delete",
      shortcut: "Delete",
      disabled: codes.length === 0,
      onSelect: onClear,
      testId: "code-option-none",
    },
    ...extraItems,
  ];
  return (
    <PopupMenu
      anchor={anchor}
      label={`Codes for ${title}`}
      items={items}
      initialKey={codes[0] ?? "A"}
      onClose={onClose}
      testId="cell-menu"
    />
  );
}

export interface RowMenuProps {
  anchor: HTMLElement;
  row: MatrixRow;
  isFirst: boolean;
  isLast: boolean;
  onRename(): void;
  onCategorise(): void;
  onMove(direction: -1 | 1): void;
  onRemove(): void;
  onClose(reason: CloseReason): void;
}

/** What can be done to a row: rename, categorise, reorder, remove. */
export function RowMenu({
  anchor,
  row,
  isFirst,
  isLast,
  onRename,
  onCategorise,
  onMove,
  onRemove,
  onClose,
}: RowMenuProps) {
  const items: MenuItem[] = [
    { key: "rename", label: "Rename", hint: "F2", onSelect: onRename, testId: "row-action-rename" },
    {
      key: "category",
      label: row.category === null ? "Set category" : "Change category",
      onSelect: onCategorise,
      testId: "row-action-category",
    },
    {
      key: "up",
      label: "Move up",
      hint: "Alt+↑",
      disabled: isFirst,
      onSelect: () => onMove(-1),
      testId: "row-action-up",
    },
    {
      key: "down",
      label: "Move down",
      hint: "Alt+↓",
      disabled: isLast,
      onSelect: () => onMove(1),
      testId: "row-action-down",
    },
    {
      key: "remove",
      label: "Remove…",
      hint: "Delete",
      tone: "danger",
      onSelect: onRemove,
      testId: "row-action-remove",
    },
  ];
  return (
    <PopupMenu
      anchor={anchor}
      label={`Actions for ${row.name}`}
      items={items}
      onClose={onClose}
      testId="row-menu"
    />
  );
}
