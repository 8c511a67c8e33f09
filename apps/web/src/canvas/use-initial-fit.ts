import {
  getNodesBounds,
  getViewportForBounds,
  type ReactFlowInstance,
  useStoreApi,
} from "@xyflow/react";
import { useEffect, useRef } from "react";
import type { LineFlowEdge, RoleFlowNode } from "./flow-mapping";
import { FIT_VIEW_OPTIONS } from "./geometry";

/**
 * Fits the chart into the view as React Flow mounts, before its first cards are drawn.
 * React Flow's own fit (its `fitView` prop, or `fitView()` in `onInit`) waits for a timer
 * and an animation frame: the browser would first lay out and paint the cards around the
 * origin at zoom 1, then all of them again once fitted.
 */
export function useInitialFit(
  flow: ReactFlowInstance<RoleFlowNode, LineFlowEdge>,
  nodes: readonly RoleFlowNode[],
): void {
  const store = useStoreApi<RoleFlowNode, LineFlowEdge>();
  const initialNodes = useRef(nodes);
  useEffect(() => {
    // A parent's effect: React Flow's have run, so it has measured the pane and can zoom.
    const { width, height, minZoom } = store.getState();
    const nodes = initialNodes.current;
    if (nodes.length === 0) return;
    if (width === 0 || height === 0) {
      void flow.fitView(FIT_VIEW_OPTIONS);
      return;
    }
    const { maxZoom, padding } = FIT_VIEW_OPTIONS;
    void flow.setViewport(
      getViewportForBounds(getNodesBounds([...nodes]), width, height, minZoom, maxZoom, padding),
    );
  }, [flow, store]);
}
