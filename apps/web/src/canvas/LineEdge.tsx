import { EdgeLabelRenderer, type EdgeProps, getBezierPath, getSmoothStepPath } from "@xyflow/react";
import { memo } from "react";
import { useCanvasActions } from "./canvas-actions";
import type { LineFlowEdge } from "./flow-mapping";
import styles from "./LineEdge.module.css";
import { InViewportPortal } from "./viewport-portal";

/**
 * A reporting line. Solid lines are orthogonal connectors in dark slate; dotted lines are
 * curves of round dots in violet, so the two never look alike even in greyscale. Lines are
 * drawn (and clicked) below the cards; a dotted line, which may cross the chart, is drawn
 * once more ABOVE the cards, without taking clicks, so it is never hidden and never
 * stands between the user and a card. A selected line, when it is the only one, shows a
 * toolbar to switch its kind or delete it.
 */
function LineEdgeView(props: EdgeProps<LineFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } =
    props;
  const kind = data?.line.kind ?? "solid";
  const [path, labelX, labelY] =
    kind === "solid"
      ? getSmoothStepPath({
          sourceX,
          sourceY,
          targetX,
          targetY,
          sourcePosition,
          targetPosition,
          borderRadius: 10,
        })
      : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });

  return (
    <>
      <path
        id={id}
        d={path}
        className={`react-flow__edge-path ${styles.line}`}
        data-testid="line-path"
        data-kind={kind}
        data-selected={selected ?? false}
        fill="none"
      />
      <path
        d={path}
        className="react-flow__edge-interaction"
        fill="none"
        strokeOpacity={0}
        strokeWidth={18}
      />
      {kind === "dotted" && (
        <InViewportPortal>
          <svg className={styles.overlay} aria-hidden="true">
            <path
              d={path}
              className={styles.line}
              data-kind="dotted"
              data-selected={selected ?? false}
              fill="none"
            />
          </svg>
        </InViewportPortal>
      )}
      {data?.hasToolbar && <LineToolbar x={labelX} y={labelY} edge={props} />}
    </>
  );
}

function LineToolbar({ x, y, edge }: { x: number; y: number; edge: EdgeProps<LineFlowEdge> }) {
  const actions = useCanvasActions();
  const line = edge.data?.line;
  if (line === undefined) return null;
  return (
    <EdgeLabelRenderer>
      <div
        className={`${styles.toolbar} nodrag nopan`}
        style={{ transform: `translate(-50%, -50%) translate(${x}px, ${y}px)` }}
        role="toolbar"
        aria-label="Reporting line"
        data-testid="line-toolbar"
      >
        <button
          type="button"
          className={styles.toolButton}
          aria-pressed={line.kind === "solid"}
          onClick={() => actions.setLineKind(line, "solid")}
        >
          <svg width="28" height="10" aria-hidden="true">
            <line x1="2" y1="5" x2="26" y2="5" className={styles.sampleSolid} />
          </svg>
          Solid
        </button>
        <button
          type="button"
          className={styles.toolButton}
          aria-pressed={line.kind === "dotted"}
          onClick={() => actions.setLineKind(line, "dotted")}
        >
          <svg width="28" height="10" aria-hidden="true">
            <line x1="3" y1="5" x2="26" y2="5" className={styles.sampleDotted} />
          </svg>
          Dotted
        </button>
        <button
          type="button"
          className={`${styles.toolButton} ${styles.danger}`}
          onClick={() => actions.removeLine(line)}
        >
          Delete
        </button>
      </div>
    </EdgeLabelRenderer>
  );
}

export const LineEdge = memo(LineEdgeView);
