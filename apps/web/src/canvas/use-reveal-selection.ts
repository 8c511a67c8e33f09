import { treeAncestorsOf } from "@rolemap/domain";
import { type ReactFlowInstance, useStoreApi } from "@xyflow/react";
import { type Dispatch, type SetStateAction, useCallback, useEffect, useRef } from "react";
import type { LineFlowEdge, RoleFlowNode } from "./flow-mapping";
import { positionOf } from "./flow-mapping";
import { CARD_HEIGHT, CARD_WIDTH } from "./geometry";
import { motion } from "./motion";
import type { CanvasModel } from "./use-canvas-model";

/** Room around revealed roles, as a share of their extent on each side. */
const REVEAL_PADDING = 0.4;

/**
 * Whether a selection from `origin` moves the canvas to its roles: a finding's, yes (that
 * is what clicking it is for); the canvas's own (a click, role search, which centres by
 * itself) and the matrix's ("matrix", "matrix-add": cell, row and column clicks), never —
 * someone working in the matrix did not ask for the chart to jump.
 */
export function revealsSelection(origin: string | null): boolean {
  return origin !== null && origin !== "canvas" && !origin.startsWith("matrix");
}

/**
 * Roles selected elsewhere (a finding) are shown on the canvas: their collapsed managers
 * open and the view pans to them (zooming out if they do not fit). Selections made on the
 * canvas or in the matrix never move the view (`revealsSelection`).
 */
export function useRevealSelection({
  model,
  flow,
  setCollapsed,
}: {
  model: CanvasModel;
  flow: ReactFlowInstance<RoleFlowNode, LineFlowEdge>;
  setCollapsed: Dispatch<SetStateAction<ReadonlySet<string>>>;
}): void {
  const { selection } = model;
  const store = useStoreApi<RoleFlowNode, LineFlowEdge>();
  const paneSize = useCallback(() => {
    const { width, height } = store.getState();
    return { width, height };
  }, [store]);
  const latest = useRef(model);
  latest.current = model;
  // Only a new selection moves the view, not every edit of the chart.
  useEffect(() => {
    if (!revealsSelection(selection.origin) || selection.roles.length === 0) return;
    const { forest, document, missing } = latest.current;
    const ancestors = new Set(selection.roles.flatMap((id) => treeAncestorsOf(forest, id)));
    setCollapsed((collapsed) =>
      [...ancestors].some((id) => collapsed.has(id))
        ? new Set([...collapsed].filter((id) => !ancestors.has(id)))
        : collapsed,
    );
    let left = Number.POSITIVE_INFINITY;
    let top = Number.POSITIVE_INFINITY;
    let right = Number.NEGATIVE_INFINITY;
    let bottom = Number.NEGATIVE_INFINITY;
    for (const id of selection.roles) {
      const role = document.roles[forest.indexOf.get(id) ?? -1];
      if (role === undefined) continue;
      const { x, y } = positionOf(role, missing);
      left = Math.min(left, x);
      top = Math.min(top, y);
      right = Math.max(right, x + CARD_WIDTH);
      bottom = Math.max(bottom, y + CARD_HEIGHT);
    }
    if (!Number.isFinite(left)) return;
    // Pan when the selection fits at the current zoom; zoom out only when it does not, and
    // never zoom in: a projector audience loses its place when the chart jumps in size.
    const width = right - left;
    const height = bottom - top;
    const pane = paneSize();
    const zoom = flow.getZoom();
    const fitting = Math.min(
      pane.width / (width * (1 + 2 * REVEAL_PADDING)),
      pane.height / (height * (1 + 2 * REVEAL_PADDING)),
    );
    void flow.setCenter(left + width / 2, top + height / 2, {
      zoom: Math.min(zoom, fitting),
      duration: motion(350),
    });
  }, [selection, flow, setCollapsed, paneSize]);
}
