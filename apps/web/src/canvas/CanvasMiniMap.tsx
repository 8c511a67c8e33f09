import { MiniMap, Panel } from "@xyflow/react";
import { useAfterFirstPaint } from "../lib/use-after-first-paint";
import { usePersistentState } from "../lib/use-persistent-state";
import styles from "./ChartCanvas.module.css";
import type { RoleFlowNode } from "./flow-mapping";

/** Where the choice to hide the overview is remembered. */
export const MINIMAP_OPEN_KEY = "rolemap.minimapOpen";

const MINIMAP_SIZE = { width: 168, height: 112 } as const;
/** React Flow's panels sit 15 px from the edge; the button goes just above the minimap. */
const ABOVE_MINIMAP = { marginBottom: MINIMAP_SIZE.height + 15 + 6 } as const;
const miniMapColor = (node: RoleFlowNode) => (node.data.holder === null ? "#d97706" : "#334155");

/**
 * The overview in the corner, with a button to hide it (remembered across visits). It draws
 * every role of the chart (1,000 of them, where the view shows a few hundred), so it comes
 * one frame after the cards rather than with them.
 */
export function CanvasMiniMap() {
  const isPainted = useAfterFirstPaint();
  const [isOpen, setOpen] = usePersistentState<boolean>(MINIMAP_OPEN_KEY, true);
  if (!isPainted) return null;
  return (
    <>
      <Panel position="bottom-right" style={isOpen ? ABOVE_MINIMAP : undefined}>
        <button
          type="button"
          className={`button button-small ${styles.miniMapToggle}`}
          aria-expanded={isOpen}
          data-testid="minimap-toggle"
          onClick={() => setOpen(!isOpen)}
        >
          {isOpen ? "Hide overview" : "Show overview"}
        </button>
      </Panel>
      {isOpen && (
        <MiniMap
          pannable
          zoomable
          nodeColor={miniMapColor}
          nodeStrokeWidth={0}
          maskColor="rgb(241 245 249 / 70%)"
          ariaLabel="Overview of the chart"
          // Smaller than React Flow's 200×150: it must not cover the chart on a short canvas.
          style={MINIMAP_SIZE}
        />
      )}
    </>
  );
}
