import { useState } from "react";
import { ACCESS_LABELS } from "../../auth/access";
import { InlineEditInput } from "../../components/InlineEditInput";
import {
  type ChartEditor,
  selectAccess,
  selectCanEdit,
  selectChartName,
  selectHistory,
  selectIsOwner,
  useEditorSelector,
} from "../../editor";
import { AppHeader } from "../AppHeader";
import styles from "./ChartHeader.module.css";
import { SaveIndicator } from "./SaveIndicator";

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const MOD = isMac ? "⌘" : "Ctrl+";

export interface ChartHeaderProps {
  editor: ChartEditor;
  isMatrixOpen: boolean;
  onToggleMatrix(): void;
  isFindingsOpen: boolean;
  onToggleFindings(): void;
  findingCount: number;
  onImportMatrix(): void;
  onExport(): void;
  onShare(): void;
}

export function ChartHeader({
  editor,
  isMatrixOpen,
  onToggleMatrix,
  isFindingsOpen,
  onToggleFindings,
  findingCount,
  onImportMatrix,
  onExport,
  onShare,
}: ChartHeaderProps) {
  const access = useEditorSelector(editor, selectAccess);
  const canEdit = useEditorSelector(editor, selectCanEdit);
  const isOwner = access === "owner";
  return (
    <AppHeader>
      <ChartName editor={editor} />
      {isOwner ? null : (
        <span
          className={`badge ${styles.access}`}
          data-testid="access-badge"
          data-access={access}
          title={
            canEdit
              ? "You can change this chart; its owner renames, deletes and shares it."
              : "You can look at this chart and export it, not change it."
          }
        >
          {ACCESS_LABELS[access]}
        </span>
      )}
      {canEdit && <SaveIndicator editor={editor} />}
      <div className={styles.tools}>
        {canEdit && (
          <>
            <HistoryButtons editor={editor} />
            <span className={styles.divider} aria-hidden="true" />
          </>
        )}
        <button
          type="button"
          className="button button-small"
          aria-pressed={isMatrixOpen}
          onClick={onToggleMatrix}
          data-testid="toggle-matrix"
        >
          Matrix
        </button>
        <button
          type="button"
          className="button button-small"
          aria-pressed={isFindingsOpen}
          onClick={onToggleFindings}
          data-testid="toggle-findings"
        >
          Findings ({findingCount})
        </button>
        <span className={styles.divider} aria-hidden="true" />
        {canEdit && (
          <button
            type="button"
            className="button button-small"
            onClick={onImportMatrix}
            data-testid="import-matrix-button"
          >
            Import matrix…
          </button>
        )}
        {isOwner && (
          <button
            type="button"
            className="button button-small"
            onClick={onShare}
            data-testid="share-button"
          >
            Share…
          </button>
        )}
        <button
          type="button"
          className="button button-small button-primary"
          onClick={onExport}
          data-testid="export-button"
        >
          Export…
        </button>
      </div>
    </AppHeader>
  );
}

function ChartName({ editor }: { editor: ChartEditor }) {
  const name = useEditorSelector(editor, selectChartName);
  const isOwner = useEditorSelector(editor, selectIsOwner);
  const [isEditing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Only the owner renames: for the others the name is a plain heading.
  if (!isOwner)
    return (
      <div className={styles.name}>
        <h1 className={`${styles.title} ${styles.titleText}`} data-testid="chart-title">
          {name}
        </h1>
      </div>
    );

  if (isEditing)
    return (
      <div className={styles.name}>
        <InlineEditInput
          initialValue={name}
          label="Chart name"
          className={styles.nameInput}
          testId="chart-title-input"
          onCancel={() => setEditing(false)}
          onCommit={(next) => {
            setEditing(false);
            const result = editor.apply([{ op: "updateChart", name: next }], "Rename chart");
            setError(result.ok ? null : (result.issues[0]?.message ?? "Invalid name"));
          }}
        />
      </div>
    );
  return (
    <div className={styles.name}>
      <h1 className={styles.title}>
        <button
          type="button"
          className={styles.titleButton}
          onClick={() => setEditing(true)}
          title="Rename the chart"
        >
          <span className={styles.titleText} data-testid="chart-title">
            {name}
          </span>
          <span className={styles.pencil} aria-hidden="true">
            ✎
          </span>
          <span className="visually-hidden">(rename)</span>
        </button>
      </h1>
      {error !== null && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

function HistoryButtons({ editor }: { editor: ChartEditor }) {
  const history = useEditorSelector(editor, selectHistory);
  return (
    <>
      <button
        type="button"
        className="button button-small"
        disabled={!history.canUndo}
        onClick={() => editor.undo()}
        title={history.undoLabel ? `Undo ${history.undoLabel} (${MOD}Z)` : `Undo (${MOD}Z)`}
        aria-keyshortcuts="Control+Z Meta+Z"
        data-testid="undo-button"
      >
        <span aria-hidden="true">↶</span> <span className={styles.historyLabel}>Undo</span>
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={!history.canRedo}
        onClick={() => editor.redo()}
        title={
          history.redoLabel ? `Redo ${history.redoLabel} (${MOD}Shift+Z)` : `Redo (${MOD}Shift+Z)`
        }
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
        data-testid="redo-button"
      >
        <span aria-hidden="true">↷</span> <span className={styles.historyLabel}>Redo</span>
      </button>
    </>
  );
}
