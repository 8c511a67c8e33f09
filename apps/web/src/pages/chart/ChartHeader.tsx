import { useId, useRef, useState } from "react";
import { ACCESS_LABELS } from "../../auth/access";
import { ALL_OPEN, useOpenCommentCount } from "../../comments/comment-marks";
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
import { ScenarioSwitcher } from "../../scenarios/ScenarioSwitcher";
import { useNewScenario } from "../../scenarios/use-new-scenario";
import { WorkshopControls } from "../../workshop/WorkshopControls";
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
  onPresent(): void;
  /** The comments or the history panel, when one is open. */
  sidePanel: "comments" | "history" | null;
  onToggleSidePanel(panel: "comments" | "history"): void;
  /** A past version is shown (read-only): no undo, redo or import. */
  isPreviewing: boolean;
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
  onPresent,
  sidePanel,
  onToggleSidePanel,
  isPreviewing,
}: ChartHeaderProps) {
  const access = useEditorSelector(editor, selectAccess);
  const canEdit = useEditorSelector(editor, selectCanEdit) && !isPreviewing;
  const openComments = useOpenCommentCount(ALL_OPEN);
  const isOwner = access === "owner";
  // Also in the More menu: a narrow header hides the switcher of a chart without scenarios.
  const newScenario = useNewScenario(editor);
  return (
    <AppHeader>
      <ChartName editor={editor} />
      <ScenarioSwitcher editor={editor} />
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
      {/* Everyone, viewers too: whether they see the workshop live. */}
      <SaveIndicator editor={editor} />
      <div className={styles.tools}>
        {canEdit && (
          <>
            <HistoryButtons editor={editor} />
            <span className={styles.divider} aria-hidden="true" />
          </>
        )}
        <button
          type="button"
          className={`button button-small ${styles.wide}`}
          aria-pressed={isMatrixOpen}
          onClick={onToggleMatrix}
          data-testid="toggle-matrix"
        >
          Matrix
        </button>
        <button
          type="button"
          className={`button button-small ${styles.wide}`}
          aria-pressed={isFindingsOpen}
          onClick={onToggleFindings}
          data-testid="toggle-findings"
        >
          Findings ({findingCount})
        </button>
        <button
          type="button"
          className="button button-small"
          onClick={onPresent}
          title="Presentation view for a projector (P)"
          aria-keyshortcuts="P"
          data-testid="present-button"
        >
          <span aria-hidden="true">▶</span> <span className={styles.narrowHidden}>Present</span>
        </button>
        <span className={`${styles.divider} ${styles.wide}`} aria-hidden="true" />
        {canEdit && (
          <button
            type="button"
            className={`button button-small ${styles.wide}`}
            onClick={onImportMatrix}
            data-testid="import-matrix-button"
          >
            Import matrix…
          </button>
        )}
        <MoreMenu
          items={[
            {
              label: isMatrixOpen ? "Hide the matrix" : "Show the matrix",
              onSelect: onToggleMatrix,
              testId: "more-toggle-matrix",
            },
            {
              label: `${isFindingsOpen ? "Hide" : "Show"} the findings (${findingCount})`,
              onSelect: onToggleFindings,
              testId: "more-toggle-findings",
            },
            {
              label: `${sidePanel === "comments" ? "Hide" : "Show"} the comments (${openComments})`,
              onSelect: () => onToggleSidePanel("comments"),
              testId: "more-toggle-comments",
            },
            {
              label: `${sidePanel === "history" ? "Hide" : "Show"} the history`,
              onSelect: () => onToggleSidePanel("history"),
              testId: "more-toggle-history",
            },
            ...(canEdit
              ? [
                  {
                    label: "Import matrix…",
                    onSelect: onImportMatrix,
                    testId: "more-import-matrix",
                  },
                ]
              : []),
            ...(isOwner ? [{ label: "Share…", onSelect: onShare, testId: "more-share" }] : []),
            ...(newScenario.canCreate
              ? [
                  {
                    label: "New scenario…",
                    onSelect: newScenario.start,
                    testId: "more-new-scenario",
                  },
                ]
              : []),
          ]}
        />
        <div className={styles.workshop}>
          <WorkshopControls editor={editor} />
        </div>
        {isOwner && (
          <button
            type="button"
            className={`button button-small ${styles.wide}`}
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
      {newScenario.dialog}
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
        <h1
          className={`${styles.title} ${styles.titleText}`}
          title={name}
          data-testid="chart-title"
        >
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
          title={`${name} (click to rename)`}
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

interface MoreItem {
  label: string;
  onSelect(): void;
  testId: string;
}

/**
 * Below the header's breakpoint (ChartHeader.module.css) the panel toggles and Import matrix
 * move here, so every action stays reachable at 1024 px. A native popover: Escape and a
 * click elsewhere close it, and it is above everything (not clipped by the header).
 */
function MoreMenu({ items }: { items: readonly MoreItem[] }) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  return (
    <span className={styles.narrow}>
      <button
        ref={button}
        type="button"
        className="button button-small"
        popoverTarget={id}
        aria-label="More actions"
        data-testid="more-button"
      >
        <span className={styles.narrowHidden}>More</span> <span aria-hidden="true">▾</span>
      </button>
      <div
        ref={menu}
        id={id}
        popover="auto"
        className={styles.moreMenu}
        data-testid="more-menu"
        onBeforeToggle={(event) => {
          const box = button.current?.getBoundingClientRect();
          if (event.newState !== "open" || box === undefined) return;
          event.currentTarget.style.top = `${box.bottom + 4}px`;
          event.currentTarget.style.left = `${Math.max(8, box.left)}px`;
        }}
      >
        {items.map((item) => (
          <button
            key={item.testId}
            type="button"
            className={styles.moreItem}
            data-testid={item.testId}
            onClick={() => {
              menu.current?.hidePopover?.();
              item.onSelect();
            }}
          >
            {item.label}
          </button>
        ))}
      </div>
    </span>
  );
}
