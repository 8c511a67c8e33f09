import { memo } from "react";
import styles from "./ChartCanvas.module.css";
import { RoleSearch } from "./RoleSearch";

interface CanvasToolbarProps {
  /** Absent on a read-only chart: arranging it would change it. */
  onAutoLayout: (() => void) | undefined;
  onFitView(): void;
  collapsedCount: number;
  onExpandAll(): void;
  search(query: string): readonly string[];
  focus(roleId: string): void;
  isEmpty: boolean;
}

function CanvasToolbarView(props: CanvasToolbarProps) {
  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Canvas">
      {props.onAutoLayout !== undefined && (
        <button
          type="button"
          className="button button-small"
          onClick={props.onAutoLayout}
          disabled={props.isEmpty}
          data-testid="auto-layout"
          title="Arrange the chart as a tidy tree (can be undone)"
        >
          Auto layout
        </button>
      )}
      <button
        type="button"
        className="button button-small"
        onClick={props.onFitView}
        disabled={props.isEmpty}
      >
        Fit to screen
      </button>
      {props.collapsedCount > 0 && (
        <button
          type="button"
          className="button button-small"
          onClick={props.onExpandAll}
          data-testid="expand-all"
        >
          Expand all ({props.collapsedCount})
        </button>
      )}
      <RoleSearch search={props.search} focus={props.focus} />
    </div>
  );
}

export const CanvasToolbar = memo(CanvasToolbarView);
